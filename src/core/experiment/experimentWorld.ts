// What an experiment's world provides: any of its conditions' (a condition may give the round
// an `evaluate` phase, and with it ties), so its report shows the metrics that apply to one.
import { eitherWorld, scenarioFacts } from '../analysis';
import type { WorldFacts } from '../analysis';
import type { ExperimentCondition, Scenario } from '../format';
import { withOverrides } from './overrides';

export function experimentWorld(scenario: Scenario, conditions: readonly ExperimentCondition[]): WorldFacts {
  return conditions
    .map((c) => scenarioFacts(withOverrides(scenario, c.set)))
    .reduce(eitherWorld, scenarioFacts(scenario));
}
