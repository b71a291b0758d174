// What an experiment runs: every condition × every seed, in a stable order, and the order runs start in.
import type { ExperimentCondition, Scenario } from '../format';

export interface ExperimentRunSpec {
  index: number;
  condition: string;
  seed: number;
}

export interface ExperimentPlan {
  conditions: ExperimentCondition[];
  seeds: number[];
  runs: ExperimentRunSpec[];
}

/** Without an `experiment:` block, the scenario as written is the one condition. */
export function planExperiment(scenario: Scenario, overrides: { seeds?: number[] } = {}): ExperimentPlan {
  const conditions = scenario.experiment?.conditions?.length
    ? scenario.experiment.conditions
    : [{ name: 'as written', set: {} }];
  const seeds = overrides.seeds ?? scenario.experiment?.seeds ?? [1, 2, 3, 4, 5];
  const runs: ExperimentRunSpec[] = [];
  for (const c of conditions) for (const seed of seeds) runs.push({ index: runs.length, condition: c.name, seed });
  return { conditions, seeds, runs };
}

/**
 * The order runs start in: seed by seed, every condition in turn (c1-s1, c2-s1, c1-s2, …), so an
 * experiment stopped part-way has paired runs of every condition to compare, not only the first
 * condition's. Results keep `runs`' order whatever order they ran in.
 */
export function startOrder<T extends { id: number }>(plan: ExperimentPlan, tasks: readonly T[]): T[] {
  const at = (t: T) => plan.runs[t.id];
  const seedPos = new Map(plan.seeds.map((s, i) => [s, i] as const));
  const condPos = new Map(plan.conditions.map((c, i) => [c.name, i] as const));
  return [...tasks].sort(
    (a, b) =>
      seedPos.get(at(a).seed)! - seedPos.get(at(b).seed)! ||
      condPos.get(at(a).condition)! - condPos.get(at(b).condition)!,
  );
}
