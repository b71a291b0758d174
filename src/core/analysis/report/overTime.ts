// The "over time" part of `society run`'s closing summary: a few of the run's series at the
// start, the middle and the end, and a sparkline of every round, so a run's course shows without
// flooding the terminal (every series, every round: `--json`'s `series`, the report's series.csv).
import type { RunSeries } from '../metrics/runSeries';
import { quantityText } from '../../text/quantityText';
import { maxOf, minOf } from '../../stats/extremes';

/** Rows shown at most; the rest are named by count. */
export const OVER_TIME_ROWS = 8;
const BARS = '▁▂▃▄▅▆▇█';
/** Sparkline cells at most: longer runs are drawn with one cell per stretch of rounds (its last value). */
const SPARK_WIDTH = 24;

/**
 * The series shown, in order: each world quantity, each agent quantity's mean, each knowledge
 * item's share, then the tie density where the society forms ties.
 */
export function overTimeNames(s: RunSeries, ties: boolean): string[] {
  const names = Object.keys(s.metrics);
  return [
    ...names.filter((n) => n.startsWith('world.')),
    ...names.filter((n) => /^agents\..*\.mean$/.test(n)),
    ...names.filter((n) => /^knowledge\..*\.share$/.test(n)),
    ...(ties && s.metrics.density ? ['density'] : []),
  ];
}

function sparkline(values: readonly (number | null)[]): string {
  const cells =
    values.length <= SPARK_WIDTH
      ? values
      : Array.from({ length: SPARK_WIDTH }, (_, i) => values[Math.ceil(((i + 1) * values.length) / SPARK_WIDTH) - 1]);
  const xs = cells.filter((x): x is number => x !== null && Number.isFinite(x));
  const lo = minOf(xs),
    hi = maxOf(xs);
  return cells
    .map((x) =>
      x === null || !Number.isFinite(x)
        ? ' '
        : BARS[hi > lo ? Math.round(((x - lo) / (hi - lo)) * (BARS.length - 1)) : 0],
    )
    .join('');
}

/** Lines of the part (none for a run of no round or nothing to show). */
export function formatOverTime(s: RunSeries, o: { ties: boolean; integer?: (name: string) => boolean }): string[] {
  const n = s.rounds.length;
  if (n < 2) return [];
  const names = overTimeNames(s, o.ties);
  if (!names.length) return [];
  const at = [0, Math.floor((n - 1) / 2), n - 1];
  const text = (name: string, x: number | null): string => (x === null ? '—' : quantityText(x, o.integer?.(name)));
  const label = (name: string): string => name.replace(/^agents\.(.*)\.mean$/, 'mean $1');
  const shown = names.slice(0, OVER_TIME_ROWS);
  const rows = shown.map((name) => {
    const v = s.metrics[name];
    return [label(name), at.map((i) => text(name, v[i])).join(' → '), sparkline(v)];
  });
  const w0 = maxOf(rows.map((r) => r[0].length)),
    w1 = maxOf(rows.map((r) => r[1].length));
  const when = at.map((i) => (s.rounds[i] === 0 ? 'start' : `round ${s.rounds[i]}`));
  const lines = [`  over time (${when.join(' → ')}):`];
  for (const [k, v, spark] of rows) lines.push(`    ${k.padEnd(w0)}  ${v.padEnd(w1)}  ${spark}`);
  if (names.length > shown.length) lines.push(`    (${names.length - shown.length} more: --json's series)`);
  return lines;
}
