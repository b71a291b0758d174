// A debug session's models from the provider layer, as `society run` builds them: the offline
// model, or endpoints behind limits, retries and the response cache. The registry's call log goes
// along, so faults retries got past reach the trace and the "Retried model calls" breakpoint.
import type { Scenario } from '../core/format/language/model';
import { ModelRegistry, type ModelOptions } from '../core/llm/registry';
import type { ModelSetup, RunShape } from './debugRun';

/** Keys come from the environment unless `options.secrets` says otherwise (the editor's SecretStorage). */
export function registryModels(scenario: Scenario, run: RunShape, options: ModelOptions = {}): ModelSetup {
  const registry = new ModelRegistry(scenario, { ...options, rounds: run.rounds });
  return { scenario, modelFactory: registry.factory, relevance: registry.memoryRelevance, calls: registry.calls };
}
