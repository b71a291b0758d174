// What `society validate` is predicted to cost before it starts: each entry's experiment estimated
// as the editor's Run Experiment estimates one (every condition × seed), summed over the entries,
// so the cost limit is checked once against the whole validation.
import type { Scenario } from '../format';
import { estimateExperiment } from '../experiment';
import type { RunEstimate } from '../llm/estimate';
import { costLimitReason } from '../llm/costLimit';
import { counted } from '../text/counted';
import { pushAll } from '../text/pushAll';

export interface ValidationEstimate {
  entries: number;
  runs: number;
  /** Every run of every entry, summed; `models` lists each entry's (a model may appear once per entry). */
  total: RunEstimate;
}

export function estimateValidation(scenarios: readonly Scenario[], seeds?: number[]): ValidationEstimate {
  const total: RunEstimate = {
    scenario: 'the validation library',
    agents: 0,
    rounds: 0,
    models: [],
    total: { calls: 0, input_tokens: 0, output_tokens: 0, cost_usd: 0, cost_usd_ceiling: 0 },
    assumptions: [],
  };
  let runs = 0;
  for (const scenario of scenarios) {
    const e = estimateExperiment(scenario, seeds ? { seeds } : {});
    runs += e.runs;
    total.agents = Math.max(total.agents, e.total.agents);
    total.rounds = Math.max(total.rounds, e.total.rounds);
    pushAll(total.models, e.total.models);
    total.total.calls += e.total.total.calls;
    total.total.input_tokens += e.total.total.input_tokens;
    total.total.output_tokens += e.total.total.output_tokens;
    total.total.cost_usd += e.total.total.cost_usd;
    total.total.cost_usd_ceiling += e.total.total.cost_usd_ceiling;
    total.assumptions = e.total.assumptions;
  }
  return { entries: scenarios.length, runs, total };
}

/** costLimitReason for the whole validation: its summed estimate against the limit. */
export function validationCostReason(estimate: ValidationEstimate, limitUsd: number | undefined): string | undefined {
  return costLimitReason(estimate.total, limitUsd, {
    what: `validation of ${counted(estimate.entries, 'entry', 'entries')} (${counted(estimate.runs, 'run')})`,
    per: ' (--max-cost holds for the validation as a whole)',
  });
}
