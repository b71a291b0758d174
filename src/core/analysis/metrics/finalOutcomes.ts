// A run's final outcomes under the names experiments compare them by: the METRICS table's
// outcomes, measured on the final tie network and the reward means. One definition for an
// experiment's runs (experiment/outcome.ts) and for two runs compared (analysis/compare), so both
// say the same of the same run.
import type { DriverWeights } from '../../format';
import { graphFromTies } from './graphFromTies';
import { MeasuredNetwork } from './table/measuredNetwork';
import { OUTCOMES } from './table/metrics';
import type { TieGraph } from './tieGraph';

export { OUTCOME_METRICS } from './table/metrics';

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
  const run = { network: new MeasuredNetwork(graph), rewards };
  return Object.fromEntries(OUTCOMES.map((m) => [m.name, m.outcome!.of(run)]));
}
