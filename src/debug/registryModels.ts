// A debug session's models from the provider layer, as `society run` has them: the offline model,
// or endpoints behind limits, retries and the response cache. The run harness builds them (with
// the launch's seed and rounds) and wires the registry's call log, so faults retries got past
// reach the trace and the "Retried model calls" breakpoint.
import type { Scenario } from '../core/format';
import type { RunModels } from '../core/run/runModels';
import type { ModelSetup, RunShape } from './debugRun';

/**
 * Keys come from the environment unless `options.secrets` says otherwise (the editor's
 * SecretStorage). The launch's `rounds` (`_run`) reaches the prompts through the harness.
 */
export function registryModels(scenario: Scenario, _run: RunShape, options: RunModels = {}): ModelSetup {
  return { scenario, models: options };
}
