// Hand-made run outcomes for analysis and report tests (no simulation needed).
import type { RunOutcome } from '../../../src/core/experiment';

export function outcome(condition: string, seed: number, metrics: Record<string, number | null> = {}): RunOutcome {
  return {
    condition,
    seed,
    metrics: {
      density: 0.1,
      median_undirected_degree: 1,
      reciprocity: 0.5,
      average_clustering: 0.1,
      group_assortativity: 0.2,
      louvain_modularity: 0.3,
      ...metrics,
    },
    baseline: { reciprocity: 0.1, average_clustering: 0.05, group_assortativity: 0 },
    rounds: [],
    usage: { calls: 0, input_tokens: 0, output_tokens: 0, cost_usd: 0 },
    faults: { failed_calls: 0, no_model_answer: false },
    wall_ms: 1,
  };
}
