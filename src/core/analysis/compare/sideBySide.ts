// Two runs' numbers side by side with their difference B − A: each final outcome, and each series
// round by round. A number one run lacks (a metric undefined there, a round it did not reach)
// leaves the difference null rather than counting as zero.
import type { RunSeries } from '../metrics/runSeries';

export interface Paired {
  a: number | null;
  b: number | null;
  /** b − a; null unless both are numbers. */
  difference: number | null;
}

export interface SeriesSideBySide {
  /** Every round either run measured, in order. */
  rounds: number[];
  /** Per series: A's, B's values and B − A at each of `rounds`. */
  metrics: Record<string, { a: (number | null)[]; b: (number | null)[]; difference: (number | null)[] }>;
}

const num = (v: number | null | undefined): number | null =>
  v === null || v === undefined || !Number.isFinite(v) ? null : v;

export function paired(a: number | null | undefined, b: number | null | undefined): Paired {
  const x = num(a),
    y = num(b);
  return { a: x, b: y, difference: x !== null && y !== null ? y - x : null };
}

/** Names of both, A's order first, then those only B has. */
export function unionNames(a: readonly string[], b: readonly string[]): string[] {
  return [...new Set([...a, ...b])];
}

export function outcomesSideBySide(
  a: Record<string, number | null>,
  b: Record<string, number | null>,
): Record<string, Paired> {
  return Object.fromEntries(unionNames(Object.keys(a), Object.keys(b)).map((k) => [k, paired(a[k], b[k])]));
}

export function seriesSideBySide(a: RunSeries, b: RunSeries): SeriesSideBySide {
  const rounds = [...new Set([...a.rounds, ...b.rounds])].sort((x, y) => x - y);
  const at = (s: RunSeries) => new Map(s.rounds.map((r, i) => [r, i]));
  const ia = at(a),
    ib = at(b);
  const metrics: SeriesSideBySide['metrics'] = {};
  for (const name of unionNames(Object.keys(a.metrics), Object.keys(b.metrics))) {
    const row = rounds.map((r) => paired(a.metrics[name]?.[ia.get(r) ?? -1], b.metrics[name]?.[ib.get(r) ?? -1]));
    metrics[name] = {
      a: row.map((p) => p.a),
      b: row.map((p) => p.b),
      difference: row.map((p) => p.difference),
    };
  }
  return { rounds, metrics };
}
