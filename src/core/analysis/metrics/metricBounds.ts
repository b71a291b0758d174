// The values each metric can take, read off the METRICS table: the experiment report cuts a mean's
// confidence interval at them (experiment/shownInterval.ts), so no page shows a density below 0.
import { parseTimeOutcome } from '../../format';
import { COUNT, type MetricBounds } from './table/metric';
import { metricEntry, isFamily } from './table/metrics';

export type { MetricBounds };

/**
 * The range of a metric key, including a family's (`<attribute>_assortativity` −1..1,
 * `<attribute>_modularity` −½..1) and a time outcome's; undefined for a key without known bounds
 * (a declared quantity, a difference of two metrics).
 */
export function metricBounds(key: string): MetricBounds | undefined {
  // A value at a round has its series' range; a first round is a round (censored runs: rounds + 1).
  const time = parseTimeOutcome(key);
  if (time) return time.kind === 'at' ? metricBounds(time.series) : COUNT;
  const entry = metricEntry(key);
  const bounds = entry && (isFamily(entry) ? entry.bounds(key) : entry.bounds);
  return bounds ?? undefined;
}
