// What a run tool checks before it spends anything, as the editor asks a person: the scenario
// loads without errors, every model it calls has its key and may send it where it says
// (llm/keyRoute.ts), and the estimate is within the limit.
import * as path from 'node:path';
import { loadScenarioFile, formatDiagnostic, traitsOf, type Scenario } from '../format';
import { runTooLarge, scenarioAgents } from '../format';
import { estimateRun } from '../llm/estimate';
import { conditionModels, estimateExperiment } from '../experiment';
import { configKeyRefusal, keyAllowances } from '../llm/keyRoute';
import { allowance, checkAllowance, spendingRefusal } from './assistantBudget';
import { ToolRefusal, type ToolHost } from './tool';

export interface Gate {
  scenario: Scenario;
  file: string;
  costUsd: number;
}

/** What is about to run: one run, or the experiment (every condition × these seeds, or its own). */
export interface GatedRuns {
  rounds?: number;
  experiment?: { seeds?: number[] };
  /** False: only estimated, so keys and where they go do not matter. */
  sends?: boolean;
}

/** The loaded scenario and its estimated cost, or a refusal saying why not. */
export async function gateScenario(file: string, host: ToolHost, runs: GatedRuns = {}): Promise<Gate> {
  const { rounds, experiment, sends = true } = runs;
  const abs = path.resolve(host.cwd, file);
  const loaded = await loadScenarioFile(abs);
  const errors = loaded.diagnostics.filter((d) => d.severity === 'error');
  if (!loaded.scenario || errors.length) {
    throw new ToolRefusal(
      `the scenario has errors (society_check lists them):\n${errors
        .slice(0, 5)
        .map((d) => formatDiagnostic(d, path.relative(host.cwd, d.file)))
        .join('\n')}`,
    );
  }
  const scenario = loaded.scenario;
  // The rounds asked for may take the run past its bounds as a whole (format/model/runBounds.ts).
  const tooLarge = runTooLarge(scenarioAgents(scenario), rounds ?? scenario.world.rounds);
  if (tooLarge) throw new ToolRefusal(tooLarge);
  const allowed = keyAllowances(host.allowKeys ?? []);
  // Every model a run would call: an experiment's conditions may set other models.
  for (const m of sends ? conditionModels(experiment ? scenario : { ...scenario, experiment: undefined }) : []) {
    if (m.api_key_env && !host.hasKey(m.api_key_env)) {
      throw new ToolRefusal(
        `model '${m.name}' needs the key ${m.api_key_env}, which is not set here: set it (or run with the offline model) first`,
      );
    }
    // Refused here, as the run itself would refuse it, before anything is started.
    const refusal = configKeyRefusal(m, allowed);
    if (refusal) throw new ToolRefusal(refusal);
  }
  // An experiment: each condition estimated as it runs (its own rounds, models, size), times its seeds.
  const estimate = experiment
    ? estimateExperiment(scenario, { rounds, ...(experiment.seeds ? { seeds: experiment.seeds } : {}) }).total
    : estimateRun(scenario, { rounds });
  const costUsd = estimate.total.cost_usd;
  // An estimate is unpriced only for a provider whose calls carry a price (the providers table).
  const unpriced = estimate.models.filter((m) => !m.priced && traitsOf(m.provider).priced);
  const left = allowance(host);
  if (left !== undefined && sends) checkAllowance(host);
  if (left !== undefined && unpriced.length) {
    throw spendingRefusal(
      host,
      `model ${unpriced.map((m) => `'${m.name}'`).join(', ')} has no price to estimate with, and a cost limit of $${left.toFixed(2)} is set`,
    );
  }
  if (left !== undefined && costUsd > left) {
    throw spendingRefusal(
      host,
      `estimated $${costUsd.toFixed(2)}, above what the cost limit leaves: $${left.toFixed(2)}`,
    );
  }
  return { scenario, file: abs, costUsd };
}
