// `society experiment` on a scenario whose models need a key that is not set: said once, before
// any folder is made or run started, exit 1, as `society run` says it. It used to fail every run,
// then print each run's error in one line with the editor's advice ("run Society: Set API Key").
import { withOverrides } from '../core/experiment';
import { type ExperimentCondition, type Scenario, modelNamed } from '../core/format';
import { usedModelNames } from '../core/llm/registry';
import { configKeyRefusal, keyAllowances, type KeyAllowance } from '../core/llm/keyRoute';

/**
 * The first model some condition uses whose `api_key_env` is unset, or whose key may not go where
 * it sends it (core/llm/keyRoute.ts), as a sentence; undefined when every key is there and may go.
 */
export function missingExperimentKey(
  scenario: Scenario,
  conditions: readonly ExperimentCondition[],
  env: (name: string) => string | undefined = (n) => process.env[n],
  allowed: readonly KeyAllowance[] = keyAllowances(),
): string | undefined {
  for (const condition of conditions) {
    const s = Object.keys(condition.set).length ? withOverrides(scenario, condition.set) : scenario;
    for (const name of usedModelNames(s)) {
      const cfg = modelNamed(s.models, name);
      const where = conditions.length > 1 ? ` (condition '${condition.name}')` : '';
      if (cfg?.api_key_env && !env(cfg.api_key_env)) {
        return `model '${name}'${where} needs an API key in the environment variable ${cfg.api_key_env} (its api_key_env), which is not set`;
      }
      const refusal = cfg && configKeyRefusal(cfg, allowed);
      if (refusal) return `${refusal}${where}`;
    }
  }
  return undefined;
}
