// The numbers one run contributes to an experiment: the final tie network's metrics, the same
// metrics on density-matched random graphs (the null model the paper's claims are judged
// against), rewards, and per-round series.
import type { DecisionKindTally } from '../trace/decisionTally';
import type { DriverWeights } from '../format';
import type { RoundStats, UsageTotals } from '../trace/events';
import { finalOutcomes, OUTCOME_METRICS, outcomeGraph } from '../analysis';
import { BASELINE_METRICS } from '../analysis';
import { randomBaseline } from '../analysis';
import { assortativityBaseline } from '../analysis';
import { degreePreservingBaselineOf } from '../analysis';
import type { RunSeries } from '../analysis';
import { timeOutcomes } from '../analysis';
import type { InstrumentValue } from './runInstruments';

/** OUTCOME_METRICS: compared across conditions; BASELINE_METRICS: also with random graphs (the METRICS table's). */
export { OUTCOME_METRICS, BASELINE_METRICS };

import type { MadeBy } from './madeBy';

export interface RunOutcome {
  condition: string;
  seed: number;
  /** The build and models that made the run (madeBy.ts); absent in results from before it was recorded. */
  made_by?: MadeBy;
  metrics: Record<string, number | null>;
  baseline: Record<string, number | null>;
  /** The same metrics on the run's network rewired with every agent's in- and out-degree kept (degreePreservingBaseline). */
  degree_baseline?: Record<string, number | null>;
  rounds: { round: number; ties: number; mean_reward: number }[];
  /**
   * Every declared quantity and network metric after each round (seriesTally.ts): what the
   * experiment's series.csv and time plots average over seeds. Kept in shard files, so merged
   * shards give the same series.csv; left out of experiment.json's runs (its size).
   */
  series?: RunSeries;
  usage: UsageTotals;
  /**
   * Model decisions (and embedding lookups) that did not get the model's own answer — skipped or
   * answered by the offline model, as `on_error` says — and whether none got one at all: then the
   * run's figures are the fallback's, not the scenario's model's.
   */
  faults: RunFaults;
  wall_ms: number;
  /** The run's survey scales and judging dimensions (runInstruments.ts); absent without either. */
  instruments?: InstrumentValue[];
}

export interface RunFaults {
  failed_calls: number;
  no_model_answer: boolean;
  /** Per decision kind, what the model answered, re-asked, failed and never asked (trace/decisionTally.ts); absent offline. */
  decisions?: DecisionKindTally[];
}

export interface OutcomeInput {
  agents: { id: string; group?: string }[];
  ties: [string, string, number][];
  threshold: number;
  rewardMeans: DriverWeights;
  /** Mean of the reward events' totals (RewardTally.meanTotal). */
  rewardTotal: number;
  rounds: { round: number; stats: RoundStats }[];
  usage: UsageTotals;
  faults?: RunFaults;
  /** Outcomes of the declared state (stateOutcomes.ts), for scenarios with `state:`. */
  state?: Record<string, number | null>;
  /** Every series of the run, round by round (runSeries.ts): what the time outcomes are read from. */
  series?: RunSeries;
  /**
   * The time outcomes the experiment names (`<series>.at.r<k>`, `.reaches.<level>`,
   * `.falls.<level>`: timeOutcomeNames.ts wantedTimeOutcomes), computed from `series` when given.
   */
  timeOutcomes?: readonly string[];
}

export function runOutcome(condition: string, seed: number, input: OutcomeInput, wallMs: number): RunOutcome {
  const ids = new Set(input.agents.map((a) => a.id));
  const graph = outcomeGraph(input.agents, input.ties, input.threshold);
  const n = graph.order,
    edges = graph.size;
  const metrics = finalOutcomes(graph, { total: input.rewardTotal, means: input.rewardMeans });
  Object.assign(metrics, input.state);
  if (input.series && input.timeOutcomes?.length) {
    Object.assign(metrics, timeOutcomes(input.series, input.timeOutcomes));
  }

  const base = n >= 2 ? randomBaseline(n, edges, seed) : undefined;
  const kept = n >= 2 ? degreePreservingBaselineOf(graph, 'group', seed) : undefined;
  const grouped = input.agents.some((a) => a.group);
  return {
    condition,
    seed,
    metrics,
    baseline: {
      reciprocity: base?.expected_reciprocity ?? null,
      average_clustering: base?.mean_average_clustering ?? null,
      group_assortativity:
        n >= 2
          ? assortativityBaseline(
              input.agents.filter((a) => ids.has(a.id)).map((a) => a.group ?? ''),
              edges,
              seed,
            )
          : null,
    },
    degree_baseline: {
      reciprocity: kept?.mean_reciprocity ?? null,
      average_clustering: kept?.mean_average_clustering ?? null,
      group_assortativity: grouped ? (kept?.mean_attribute_assortativity ?? null) : null,
    },
    rounds: input.rounds.map((r) => ({ round: r.round, ties: r.stats.ties, mean_reward: r.stats.mean_reward })),
    ...(input.series ? { series: input.series } : {}),
    usage: input.usage,
    faults: input.faults ?? { failed_calls: 0, no_model_answer: false },
    wall_ms: wallMs,
  };
}
