// What a whole experiment is predicted to cost, for the cost limit: every condition's scenario is
// estimated as `society estimate` would (a condition may change the run's size: coaching, turns,
// encounters), times the seeds it runs with, summed. The limit is checked once, against the sum —
// asking once per run would mean twenty dialogs for a 2 × 10 experiment. The editor's Run
// Experiment and `society validate` both check it.
import type { Scenario } from '../format';
import { planExperiment } from './plan';
import { withOverrides } from './overrides';
import { roundsByCondition } from './runExperiment';
import { estimateRun, type CallsAndTokens, type ModelEstimate, type RunEstimate } from '../llm/estimate';
import { costLimitReason } from '../llm/costLimit';
import { counted } from '../text/counted';

export interface ExperimentEstimate {
  conditions: number;
  seeds: number;
  runs: number;
  /** Every run of every condition, summed per model (`rounds`: the longest condition's). */
  total: RunEstimate;
}

export interface ExperimentEstimateOptions {
  seeds?: number[];
  /** Rounds of every run; default each condition's own, as runExperiment runs it (roundsByCondition). */
  rounds?: number;
}

const addCalls = <T extends CallsAndTokens>(into: T, from: CallsAndTokens, times: number): void => {
  into.calls += from.calls * times;
  into.input_tokens += from.input_tokens * times;
  into.output_tokens += from.output_tokens * times;
};

/** The experiment's conditions × seeds, each condition estimated on its own scenario. */
export function estimateExperiment(scenario: Scenario, options: ExperimentEstimateOptions = {}): ExperimentEstimate {
  const plan = planExperiment(scenario, { seeds: options.seeds });
  // A condition may set world.rounds: each is estimated at the length it runs (it was costed at
  // the scenario's, $2.66 against a $5 limit for an experiment that spent $7.43).
  const roundsBy = roundsByCondition(scenario, plan.conditions, options.rounds);
  let rounds = 0;
  const seeds = plan.seeds.length;
  const models = new Map<string, ModelEstimate>();
  const total = { calls: 0, input_tokens: 0, output_tokens: 0, cost_usd: 0, cost_usd_ceiling: 0 };
  let agents = 0;
  let assumptions: string[] = [];
  for (const condition of plan.conditions) {
    const run = estimateRun(withOverrides(scenario, condition.set), { rounds: roundsBy.get(condition.name) });
    agents = Math.max(agents, run.agents);
    rounds = Math.max(rounds, run.rounds);
    assumptions = run.assumptions;
    addCalls(total, run.total, seeds);
    total.cost_usd += run.total.cost_usd * seeds;
    total.cost_usd_ceiling += run.total.cost_usd_ceiling * seeds;
    for (const m of run.models) {
      let sum = models.get(m.name);
      if (!sum) {
        models.set(
          m.name,
          (sum = {
            ...m,
            calls: 0,
            input_tokens: 0,
            output_tokens: 0,
            cost_usd: 0,
            cost_usd_ceiling: 0,
            by_kind: {},
            embeddings: undefined,
            offline: undefined,
          }),
        );
      }
      addCalls(sum, m, seeds);
      sum.cost_usd += m.cost_usd * seeds;
      sum.cost_usd_ceiling += m.cost_usd_ceiling * seeds;
      sum.priced &&= m.priced;
      for (const [kind, k] of Object.entries(m.by_kind) as [keyof ModelEstimate['by_kind'], CallsAndTokens][]) {
        addCalls((sum.by_kind[kind] ??= { calls: 0, input_tokens: 0, output_tokens: 0 }), k, seeds);
      }
      if (m.offline) {
        // Every run's offline decisions, at the widest group a condition reads (issue 87).
        const o = (sum.offline ??= { ...m.offline, seconds: 0, acts: 0 });
        o.seconds += m.offline.seconds * seeds;
        o.acts += m.offline.acts * seeds;
        o.width = Math.max(o.width, m.offline.width);
        o.everyone = Math.max(o.everyone, m.offline.everyone);
      }
      if (m.embeddings) {
        const e = (sum.embeddings ??= { model: m.embeddings.model, texts: 0, requests: 0, input_tokens: 0 });
        e.texts += m.embeddings.texts * seeds;
        e.requests += m.embeddings.requests * seeds;
        e.input_tokens += m.embeddings.input_tokens * seeds;
      }
    }
  }
  for (const m of models.values()) {
    if (!m.embeddings) delete m.embeddings;
    if (!m.offline) delete m.offline;
  }
  return {
    conditions: plan.conditions.length,
    seeds,
    runs: plan.runs.length,
    total: {
      scenario: scenario.name,
      agents,
      rounds,
      models: [...models.values()],
      total,
      assumptions: [
        ...assumptions,
        'every seed of a condition costs the same; answers cached by an earlier run of the experiment are not subtracted',
      ],
    },
  };
}

/** costLimitReason for a whole experiment: its summed estimate against the limit. */
export function experimentCostReason(estimate: ExperimentEstimate, limitUsd: number | undefined): string | undefined {
  return costLimitReason(estimate.total, limitUsd, {
    what: `experiment on ${estimate.total.scenario} with ${counted(estimate.conditions, 'condition')} × ${counted(estimate.seeds, 'seed')} = ${counted(estimate.runs, 'run')}`,
    per: ' (the limit holds for an experiment as a whole)',
  });
}
