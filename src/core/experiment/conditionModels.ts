// The model configs an experiment's runs use, over all its conditions: a condition may set
// `models` (a whole other endpoint and key), so what the scenario as written uses is not enough to
// ask about keys or where they go before the first run.
import { type Scenario, modelNamed, type ModelConfig } from '../format';
import { usedModelNames } from '../llm/registry';
import { withOverrides } from './overrides';
import { planExperiment } from './plan';

export function conditionModels(scenario: Scenario): ModelConfig[] {
  return planExperiment(scenario).conditions.flatMap((c) => {
    const s = Object.keys(c.set).length ? withOverrides(scenario, c.set) : scenario;
    return usedModelNames(s).map((n) => modelNamed(s.models, n)!);
  });
}
