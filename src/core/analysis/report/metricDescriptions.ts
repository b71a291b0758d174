// What each metric means, in words, for the report's table and other displays: the METRICS
// table's sentence, a family's for its members, a time outcome's from its name.
import { describeTimeOutcome } from '../../format';
import { isFamily, metricEntry, namedMetric } from '../metrics/table/metrics';

/**
 * A sentence describing a metric key, including `<attribute>_assortativity` (with `_kind` and
 * `_missing`), `<attribute>_modularity` and `<attribute>_modularity_weighted`. Pass the metrics to describe an attribute's
 * assortativity by its kind; without them it reads as categorical.
 */
export function describeMetric(key: string, metrics?: object): string {
  const named = namedMetric(key);
  if (named) return named.describe?.(metrics) ?? named.description;
  const time = describeTimeOutcome(key);
  if (time) return time;
  const entry = metricEntry(key);
  return entry && isFamily(entry) ? entry.describe(key, metrics) : '';
}
