// The values each metric can take, read off the METRICS table: the experiment report cuts a mean's
// confidence interval at them (experiment/shownInterval.ts), so no page shows a density below 0.
import { parseTimeOutcome } from '../../format';
import { COUNT, SHARE, type MetricBounds } from './table/metric';
import { metricEntry, isFamily } from './table/metrics';

export type { MetricBounds };

/**
 * The range of a metric key, including a family's (`<attribute>_assortativity` −1..1,
 * `<attribute>_modularity` −½..1) and a time outcome's; undefined for a key without known bounds
 * (a declared quantity, a difference of two metrics).
 */
export function metricBounds(key: string): MetricBounds | undefined {
  const state = stateOutcomeBounds(key);
  if (state) return state;
  // A value at a round has its series' range; a first round is a round (censored runs: rounds + 1).
  const time = parseTimeOutcome(key);
  if (time) return time.kind === 'at' ? metricBounds(time.series) : COUNT;
  const entry = metricEntry(key);
  const bounds = entry && (isFamily(entry) ? entry.bounds(key) : entry.bounds);
  return bounds ?? undefined;
}

/**
 * The state outcomes whose range their definition fixes, whatever the quantity: a Gini is at least 0
 * (above 1 only with negative values, so no upper cut), a survival counts rounds, a knowledge share
 * and the acquaintance density are shares, how many know a count. A quantity's own `final`, `mean`
 * and gains have the quantity's range, which the file's bounds may not hold to: none given.
 */
const STATE_BOUNDS: readonly [RegExp, MetricBounds][] = [
  [/^agents\.[A-Za-z_]\w*\.gini$/, [0, Infinity]],
  [/^(world|agents)\.[A-Za-z_]\w*\.survival$/, COUNT],
  [/^knowledge\.[A-Za-z_]\w*\.(share|believed|share\.day\d+)$/, SHARE],
  [/^knowledge\.[A-Za-z_]\w*\.known$/, COUNT],
  [/^acquaintance_density$/, SHARE],
];

function stateOutcomeBounds(key: string): MetricBounds | undefined {
  return STATE_BOUNDS.find(([pattern]) => pattern.test(key))?.[1];
}
