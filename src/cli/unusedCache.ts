// `society run --cache DIR` on a scenario that only uses the offline rule-based model wrote nothing
// to DIR and said nothing, so it looked like a broken cache. The cache keeps what LLM providers
// answer; the offline model is computed on the spot, never asked, so there is nothing to keep.
import { modelNamed, type Scenario, isInstant } from '../core/format';
import { usedModelNames } from '../core/llm/registry';
import { shown } from './options';

/** The note for a cache the run will not use (every model it uses is offline), else undefined. `model`: --model. */
export function unusedCacheNote(scenario: Scenario, model: string | undefined, cacheDir: string): string | undefined {
  if (
    usedModelNames(scenario, model).some(
      (name) => !isInstant(modelNamed(scenario.models, name) ?? { provider: 'offline' }),
    )
  ) {
    return undefined;
  }
  return `note: --cache records only calls to LLM providers, and this run makes none (every model it uses is the offline rule-based model), so nothing is written to ${shown(cacheDir)}`;
}
