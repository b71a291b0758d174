// What an experiment runs: every condition × every seed, in a stable order.
import type { ExperimentCondition, Scenario } from '../format/model';

export interface ExperimentRunSpec { index: number; condition: string; seed: number }

export interface ExperimentPlan {
  conditions: ExperimentCondition[];
  seeds: number[];
  runs: ExperimentRunSpec[];
}

/** Without an `experiment:` block, the scenario as written is the one condition. */
export function planExperiment(scenario: Scenario, overrides: { seeds?: number[] } = {}): ExperimentPlan {
  const conditions = scenario.experiment?.conditions?.length ? scenario.experiment.conditions : [{ name: 'as written', set: {} }];
  const seeds = overrides.seeds ?? scenario.experiment?.seeds ?? [1, 2, 3, 4, 5];
  const runs: ExperimentRunSpec[] = [];
  for (const c of conditions) for (const seed of seeds) runs.push({ index: runs.length, condition: c.name, seed });
  return { conditions, seeds, runs };
}
