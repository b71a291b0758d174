// What a run tool is about to do, in the words the person asked before it reads: each endpoint it
// calls (host) and the key variable sent there, the estimate and the cost limit. The editor's
// confirmation of society_run and society_experiment shows it; a scenario that cannot be read
// says so (the tool itself then refuses it).
import { loadScenarioFile, modelNamed, type ModelConfig, traitsOf } from '../format';
import { confinedPath } from '../files/confined';
import { usedModelNames } from '../llm/registry';
import { conditionModels, estimateExperiment } from '../experiment';
import { estimateRun } from '../llm/estimate';
import { baseUrlOf, keyTarget } from '../llm/keyRoute';

export interface SpendPlanInput {
  scenario: string;
  rounds?: number;
  /** An experiment: every condition's models, every run's cost. */
  experiment?: boolean;
}

/** Where one config's calls go and with which key, as one line. */
function endpointLine(cfg: ModelConfig): string | undefined {
  if (!traitsOf(cfg.provider).endpoint) return undefined;
  const t = keyTarget(baseUrlOf(cfg));
  const where = t
    ? `${t.secure ? 'https' : 'http'}://${t.host}${t.port === (t.secure ? 443 : 80) ? '' : `:${t.port}`}`
    : baseUrlOf(cfg);
  return `model '${cfg.name}' calls ${where}${cfg.api_key_env ? ` with the key in ${cfg.api_key_env}` : ' with no key'}`;
}

export async function spendPlan(input: SpendPlanInput, cwd: string, costLimitUsd: number): Promise<string[]> {
  // Read only inside the working folder, as the tool policy confines the tool's own read.
  let file: string;
  try {
    file = confinedPath(cwd, input.scenario, 'read');
  } catch (err) {
    return [
      `${input.scenario} could not be read (${(err as Error).message}): nothing is known about what it would call`,
    ];
  }
  const loaded = await loadScenarioFile(file).catch(() => undefined);
  const scenario = loaded?.scenario;
  if (!scenario) return [`${input.scenario} could not be read: nothing is known about what it would call`];
  const configs = input.experiment
    ? conditionModels(scenario)
    : usedModelNames(scenario).map((n) => modelNamed(scenario.models, n)!);
  const lines = [...new Set(configs.map(endpointLine).filter((l): l is string => !!l))];
  const usd = input.experiment
    ? estimateExperiment(scenario, { rounds: input.rounds }).total.total.cost_usd
    : estimateRun(scenario, { rounds: input.rounds }).total.cost_usd;
  lines.push(
    lines.length ? `estimated cost: $${usd.toFixed(2)}` : 'every model is offline or a VS Code model: no endpoint',
  );
  lines.push(
    costLimitUsd > 0
      ? `what the assistant may still spend (your society.assistant.costLimit): $${costLimitUsd.toFixed(2)}`
      : 'no cost limit: society.assistant.costLimit is 0',
  );
  return lines;
}
