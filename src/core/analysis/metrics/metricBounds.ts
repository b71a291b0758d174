// The values each metric can take, in one table: the experiment report cuts a mean's confidence
// interval at them (experiment/shownInterval.ts), so no page shows a density below 0.
import { parseTimeOutcome } from '../../format';

/** Lowest and highest possible value (either may be infinite). */
export type MetricBounds = readonly [low: number, high: number];

const SHARE: MetricBounds = [0, 1];
const COUNT: MetricBounds = [0, Infinity];
const CORRELATION: MetricBounds = [-1, 1];

const BOUNDS: Record<string, MetricBounds> = {
  density: SHARE,
  reciprocity: SHARE,
  average_clustering: SHARE,
  transitivity: SHARE,
  // Louvain's split scores at least what one community holding everyone scores: 0.
  louvain_modularity: SHARE,
  // Every raw reward is sat(x, k) in [0, 1) (SOC times 0.5 + 0.5 · a rating in [0, 1]), and the
  // total a weighted mean of them.
  mean_reward: SHARE,
  friendship_paradox_fraction: SHARE,
  median_undirected_degree: COUNT,
  louvain_communities: COUNT,
  ties: COUNT,
  nodes: COUNT,
  edges: COUNT,
  mutual_pairs: COUNT,
  max_in_degree: COUNT,
  max_out_degree: COUNT,
  degree_assortativity: CORRELATION,
};

/**
 * The range of a metric key, including `reward_<driver>` (0..1), `<attribute>_assortativity`
 * (−1..1) and `<attribute>_modularity` (any split's modularity lies in −½..1); undefined for a key
 * without known bounds (a difference of two metrics has none of its own here).
 */
export function metricBounds(key: string): MetricBounds | undefined {
  if (BOUNDS[key]) return BOUNDS[key];
  // A value at a round has its series' range; a first round is a round (censored runs: rounds + 1).
  const time = parseTimeOutcome(key);
  if (time) return time.kind === 'at' ? metricBounds(time.series) : COUNT;
  if (/^reward_.+$/.test(key)) return SHARE;
  if (/^.+_assortativity$/.test(key)) return CORRELATION;
  if (/^.+_modularity(_weighted)?$/.test(key)) return [-0.5, 1];
  return undefined;
}
