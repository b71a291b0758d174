// The cost limit for a debug session, checked while its configuration is resolved — before the
// session exists, so Cancel ends the launch quietly (no adapter, no trace folder, no error). The
// estimate is of the scenario as the session will run it: loaded as createRun loads it, with the
// settings applied, for the launch's rounds and model.
import { defaultRoot, loadScenarioFile } from '../../core/format';
import { estimateRun } from '../../core/llm/estimate';
import type { LaunchArgs } from '../../debug/debugRun';
import { confirmCost, currentRunSettings } from '../run/costLimit';
import { applyRunSettings } from '../run/runSettings';

/** True when the debug session may start. */
export async function confirmDebugCost(args: Pick<LaunchArgs, 'scenario' | 'rounds' | 'model'>): Promise<boolean> {
  const settings = currentRunSettings();
  if (settings.costLimitUsd === undefined) return true;
  const loaded = await loadScenarioFile(args.scenario, { root: defaultRoot([args.scenario]) });
  // A scenario with errors runs nothing: the session itself reports them.
  if (!loaded.scenario || loaded.diagnostics.some((d) => d.severity === 'error')) return true;
  const scenario = applyRunSettings(loaded.scenario, settings);
  const estimate = estimateRun(scenario, {
    ...(typeof args.rounds === 'number' ? { rounds: args.rounds } : {}),
    ...(typeof args.model === 'string' ? { model: args.model } : {}),
  });
  return confirmCost(estimate, settings.costLimitUsd, { what: `debug run of ${estimate.scenario}`, per: ' per run' });
}
