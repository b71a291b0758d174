// Metric values as text for people (CLI table, report): counts as integers, reals to four
// decimals (two significant digits when four places would show zero), degree distributions as
// "degree:count" pairs, undefined values as "n/a".
import { COUNT_METRICS } from './networkMetrics';

export function formatMetricValue(key: string, value: unknown): string {
  if (value === null || value === undefined) return 'n/a';
  if (Array.isArray(value)) {
    const pairs = value.flatMap((count, degree) => (count === 0 ? [] : [`${degree}:${count}`]));
    return pairs.length ? pairs.join(' ') : '-';
  }
  if (typeof value === 'number') return COUNT_METRICS.includes(key) || Number.isInteger(value) ? String(value) : formatReal(value, 4);
  return String(value);
}

/**
 * `x` to `decimals` places, or to two significant digits when those places would show a non-zero
 * value as zero: a 10,000-agent network's density is 0.00017, which three places print as 0.000.
 */
export function formatReal(x: number, decimals: number): string {
  return x !== 0 && Math.abs(x) < 0.5 * 10 ** -decimals ? x.toPrecision(2) : x.toFixed(decimals);
}
