// Which series a comparison draws over rounds: the declared world quantities, the agents' means,
// the knowledge shares, then the network's and the rewards' — those that move in either run (a
// flat line has nothing to show). Every series is in series.csv and compare.json.
import { CHARTED_SERIES } from '../metrics/table/metrics';

export const CHARTED_AT_MOST = 12;

/** `moves(name)`: the series takes more than one value in some run. */
export function chartedSeries(names: readonly string[], moves: (name: string) => boolean): string[] {
  const moving = names.filter(moves);
  return [
    ...moving.filter((n) => n.startsWith('world.')),
    ...moving.filter((n) => /^agents\..*\.mean$/.test(n)),
    ...moving.filter((n) => /^knowledge\..*\.share$/.test(n)),
    ...CHARTED_SERIES.filter((n) => moving.includes(n)),
  ].slice(0, CHARTED_AT_MOST);
}

/** Whether the values (nulls aside) hold more than one number. */
export function varies(values: readonly (number | null)[]): boolean {
  const xs = values.filter((v): v is number => v !== null && Number.isFinite(v));
  return xs.some((v) => v !== xs[0]);
}
