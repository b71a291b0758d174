// A run's final outcomes under the names experiments compare them by: the final tie network's
// metrics and the reward means. One definition for an experiment's runs (experiment/outcome.ts)
// and for two runs compared (analysis/compare), so both say the same of the same run.
import { DRIVERS, type DriverWeights } from '../../format';
import { computeNetworkMetrics } from './networkMetrics';
import { graphFromTies } from './graphFromTies';
import type { TieGraph } from './tieGraph';

/** Metrics compared across conditions, in report order. */
export const OUTCOME_METRICS = [
  'density',
  'median_undirected_degree',
  'reciprocity',
  'average_clustering',
  'transitivity',
  'group_assortativity',
  'louvain_modularity',
  'louvain_communities',
  'ties',
  'mean_reward',
  ...DRIVERS.map((d) => `reward_${d}`),
] as const;

/** The network the outcomes are measured on: the agents (with their group) and the ties among them at the threshold. */
export function outcomeGraph(
  agents: readonly { id: string; group?: string }[],
  ties: readonly [string, string, number][],
  threshold: number,
): TieGraph {
  const ids = new Set(agents.map((a) => a.id));
  return graphFromTies(
    agents.map((a) => ({ id: a.id, attrs: a.group ? { group: a.group } : {} })),
    ties.filter(([f, t]) => ids.has(f) && ids.has(t)).map(([from, to, strength]) => ({ from, to, strength })),
    threshold,
  );
}

/** The OUTCOME_METRICS of a final network and the run's reward means (RewardTally). */
export function finalOutcomes(
  graph: TieGraph,
  rewards: { total: number; means: DriverWeights },
): Record<string, number | null> {
  const m = computeNetworkMetrics(graph);
  const metrics: Record<string, number | null> = {
    // With fewer than two agents there is no possible tie (0/0): NetworkX says 0, but an empty
    // network averaged in as 0 would pull a condition's mean down and "test" the coaching claim.
    density: graph.order >= 2 ? m.density : null,
    median_undirected_degree: m.median_undirected_degree,
    reciprocity: m.reciprocity,
    average_clustering: m.average_clustering,
    transitivity: m.transitivity,
    group_assortativity: m.group_assortativity ?? null,
    louvain_modularity: m.louvain_modularity,
    louvain_communities: m.louvain_communities,
    ties: m.edges,
    mean_reward: rewards.total,
  };
  for (const d of DRIVERS) metrics[`reward_${d}`] = rewards.means[d];
  return metrics;
}
