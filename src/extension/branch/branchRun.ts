// A branch as the editor runs it: the parent's scenario and models (keys from SecretStorage), the
// branch folder beside the parent (`<parent>-r<N>`, `-2`, … when taken), and the same PreparedRun
// Run gives, so the live view, progress, cost check and outcome are Run's own.
import { PromptLookup } from '../../core/llm/promptLookup';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { loadScenarioFile } from '../../core/format';
import { readParentRun, BranchError } from '../../core/branch/parentRun';
import { prepareBranch, type ForkOutcome } from '../../core/branch/fork';
import { branchTitle } from '../../core/branch/branchName';
import type { WorldEdit } from '../../core/trace/edits';
import { SessionSpend } from '../../core/engine';
import { estimateRun } from '../../core/llm/estimate';
import { localFitBeforeRun } from '../../core/llm/local/localEstimate';
import { unpricedModels } from '../../core/llm/usage';
import { societyDesign, stateDeclarations } from '../../core/protocol/viewMessages';
import { loadKeys } from '../run/apiKeys';
import { confirmKeyRoutes } from '../run/keyRoutes';
import { languageModelClient } from '../run/languageModelClient';
import { ScenarioProblems, rootOf, type PreparedRun } from '../run/runSession';

export interface BranchSetup {
  parentTrace: string;
  round: number;
  edits: WorldEdit[];
  secrets: vscode.SecretStorage;
  /** The scenario, when the parent's header does not lead to it (a debug session's trace). */
  scenarioFile?: string;
}

/** The parent's scenario file: given, else where its header says (relative to its folder). */
export function parentScenarioFile(parentTrace: string, named: string | undefined, given?: string): string {
  if (given) return given;
  if (!named) throw new BranchError("the parent's trace does not say where its scenario is");
  return path.resolve(path.dirname(parentTrace), named);
}

export async function prepareBranchRun(setup: BranchSetup): Promise<PreparedRun> {
  const parent = await readParentRun(setup.parentTrace);
  const file = parentScenarioFile(parent.tracePath, parent.header.scenario.file, setup.scenarioFile);
  if (!fs.existsSync(file)) throw new BranchError(`the parent's scenario is not at ${file} any more`);
  const loaded = await loadScenarioFile(file, { scenario: parent.header.scenario.name, root: rootOf(file) });
  const problems = loaded.diagnostics.filter((d) => d.severity === 'error');
  if (!loaded.scenario || problems.length) throw new ScenarioProblems(problems);
  const scenario = loaded.scenario;
  // Rounds before the branch are answered from the parent's cache: only the rest can cost.
  const sized = { model: parent.model ?? undefined, rounds: parent.header.rounds - setup.round + 1 };
  // A local model's estimate as Run makes it (prompts by its tokenizer, seconds at its measured
  // speed), and its fit checked before any model is built, as Run checks it.
  const fit = await localFitBeforeRun(scenario, sized);
  if (fit.errors.length) throw new Error(`The run does not fit its model: ${fit.errors.join('; ')}. Nothing was run.`);
  const estimate = fit.estimate ?? estimateRun(scenario, sized);
  const keys = await loadKeys(setup.secrets, scenario);
  const allowKeys = await confirmKeyRoutes(scenario);
  const spend = new SessionSpend(unpricedModels(scenario));
  const out = freeFolder(`${parent.folder}-r${setup.round}`);
  // The branch's model calls, heard live for its view (a branch keeps no book yet).
  const prompts = new PromptLookup();
  const branch = prepareBranch({
    parent,
    scenario,
    scenarioFile: file,
    round: setup.round,
    edits: setup.edits,
    out,
    models: {
      onCall: spend.listener,
      onPrompt: (c) => prompts.addCall(c),
      secrets: (name) => keys.get(name),
      allowKeys,
      chatClientFactory: (cfg) => languageModelClient(cfg),
      cacheDir: path.join(out, 'cache'),
      buildFirst: true,
    },
    allowModule: vscode.workspace.isTrusted,
    asyncCheckpoints: true,
  });
  let outcome: ForkOutcome | undefined;
  return {
    simulation: branch.sim,
    header: branch.header,
    title: branchTitle(scenario.name, path.basename(parent.folder), setup.round),
    directory: out,
    tracePath: path.join(out, 'trace.jsonl'),
    // Beside its parent's view, never over it: the two are read side by side.
    slot: 'branch',
    state: stateDeclarations(scenario.mechanics),
    design: societyDesign(scenario),
    estimate,
    warnings: fit.warnings,
    checks: fit.lines,
    spend,
    prompts,
    async run(signal, onEvent, pace) {
      fs.mkdirSync(out, { recursive: true });
      outcome = await branch.open({ listeners: [onEvent], pace }).run(signal);
      return outcome.result;
    },
    note: () =>
      outcome && !outcome.faithful
        ? `The branch departs from its parent at line ${outcome.divergence?.line} (round ${outcome.divergence?.round}), before round ${setup.round}: a model answered differently than in the parent's run (its answers were not cached), so the branch is not the parent's run up to its edits.`
        : undefined,
  };
}

function freeFolder(base: string): string {
  let dir = base;
  for (let i = 2; fs.existsSync(dir); i++) dir = `${base}-${i}`;
  return dir;
}
