// Metric values as text for people (CLI table, report): counts as integers, reals to four
// decimals (two significant digits when four places would show zero), degree distributions as
// "degree:count" pairs, undefined values as "n/a".
import { COUNT_METRICS } from '../metrics/networkMetrics';
import { formatReal } from '../../text/realFormat';

export function formatMetricValue(key: string, value: unknown): string {
  if (value === null || value === undefined) return 'n/a';
  if (Array.isArray(value)) {
    const pairs = value.flatMap((count, degree) => (count === 0 ? [] : [`${degree}:${count}`]));
    return pairs.length ? pairs.join(' ') : '-';
  }
  if (typeof value === 'number') {
    return COUNT_METRICS.includes(key) || Number.isInteger(value) ? String(value) : formatReal(value, 4);
  }
  return String(value);
}
