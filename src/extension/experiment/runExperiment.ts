// Society: Run Experiment — runs the scenario's `experiment:` block (conditions × seeds) in the
// extension host's worker threads with a cancellable progress notification, then shows the same
// report `society experiment` writes, in a webview. The Society Studio settings apply to the
// scenario, and the cost limit is checked against the whole experiment's estimate first. All the
// running is core's runExperiment.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { loadScenarioFile, type Scenario } from '../../core/format';
import {
  ExperimentCancelled,
  partialText,
  runExperiment,
  type ExperimentRun,
  conditionModels,
  estimateExperiment,
  experimentCostReason,
  describeRunFaults,
  runsWithoutAnswers,
  claimVerdict,
} from '../../core/experiment';
import { loadKeys } from '../run/apiKeys';
import { confirmKeyRoutes } from '../run/keyRoutes';
import { confirmCostReason, currentRunSettings } from '../run/costLimit';
import { languageModelClient } from '../run/languageModelClient';
import { runDirectory } from '../run/runFolder';
import { applyRunSettings, type RunSettings } from '../run/runSettings';
import { requireTrust } from '../trust/guard';
import { counted } from '../../core/text/counted';
import type { ActivityStatus } from '../run/activityStatus';
import { experimentTooltip, needsNotification, type OutcomeLevel } from '../run/runOutcome';

/**
 * `secrets`: where Set API Key keeps keys; the experiment's runs read them there first, then the
 * environment. `status`: the experiment takes the status bar item while it runs (a finished run's
 * summary there would otherwise speak for the window during the experiment) and leaves its own summary.
 */
export async function runExperimentCommand(
  secrets: vscode.SecretStorage,
  status: ActivityStatus,
  uri?: vscode.Uri,
): Promise<void> {
  const file =
    uri?.fsPath ??
    (vscode.window.activeTextEditor?.document.languageId === 'society'
      ? vscode.window.activeTextEditor.document.uri.fsPath
      : undefined);
  if (!file) {
    void vscode.window.showErrorMessage(
      'Open a .society scenario (a document with kind: scenario) to run its experiment.',
    );
    return;
  }
  if (!requireTrust('experiment')) return;
  const folder = vscode.workspace.getWorkspaceFolder(vscode.Uri.file(file))?.uri.fsPath ?? path.dirname(file);
  const { scenario: loaded, diagnostics } = await loadScenarioFile(file, { root: folder });
  if (!loaded) {
    const first = diagnostics.find((d) => d.severity === 'error');
    const choice = await vscode.window.showErrorMessage(
      `The scenario has errors${first ? `: ${first.message}` : ''}`,
      'Show Problems',
    );
    if (choice) await vscode.commands.executeCommand('workbench.actions.view.problems');
    return;
  }
  // The settings apply as they do to Run Simulation; every condition (and worker thread) gets this scenario.
  const settings = currentRunSettings();
  const scenario = applyRunSettings(loaded, settings);
  if (!(await confirmExperimentCost(scenario, settings))) return;
  // As for Run Simulation: keys from SecretStorage, and VS Code language models.
  const keys = await loadKeys(secrets, scenario);
  const allowKeys = await confirmKeyRoutes(scenario, conditionModels(scenario));
  const models = { secrets: (name: string) => keys.get(name), allowKeys, chatClientFactory: languageModelClient };
  const runsFolder = vscode.workspace.getConfiguration('society').get<string>('runsFolder', 'runs');
  const outDir = runDirectory(folder, runsFolder, `${scenario.name} experiment`, new Date(), fs.existsSync);
  const owner = {};
  status.set(
    owner,
    `$(beaker~spin) Society: experiment of ${scenario.name}`,
    'Society Studio: an experiment is running (progress in its notification)',
  );
  const run = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `Experiment: ${scenario.name}`, cancellable: true },
    async (progress, token) => {
      const controller = new AbortController();
      token.onCancellationRequested(() => controller.abort());
      let reported = 0;
      try {
        return await runExperiment(scenario, {
          outDir,
          // A scenario's module is code: only in a trusted workspace (engine/phases/act/societyModule.ts).
          allowModule: vscode.workspace.isTrusted,
          // Each run's model calls under prompts/, unless the setting says no (as --no-prompts).
          prompts: settings.keepPrompts !== false,
          signal: controller.signal,
          models,
          onProgress: (p) => {
            const pct = p.roundsTotal ? (100 * p.roundsDone) / p.roundsTotal : 0;
            progress.report({ increment: pct - reported, message: `runs ${p.done}/${p.total}` });
            status.update(owner, `$(beaker~spin) Society: experiment runs ${p.done}/${p.total}`);
            reported = pct;
          },
        });
      } catch (err) {
        // Cancelled after some runs finished: their report is written (marked partial); show it.
        if (err instanceof ExperimentCancelled && err.run.partial.finished > 0) return err.run;
        if (controller.signal.aborted) {
          status.ended(owner, '$(debug-stop) Society: experiment cancelled');
          void vscode.window.showInformationMessage(`Experiment of ${scenario.name} cancelled.`);
          return undefined;
        }
        status.ended(owner, '$(error) Society: experiment failed');
        void vscode.window.showErrorMessage(
          `Experiment of ${scenario.name} failed: ${err instanceof Error ? err.message : String(err)}`,
        );
        return undefined;
      }
    },
  );
  if (!run) return;
  await showExperimentResult(run, scenario.name, status, owner);
}

/** The experiment's report in a webview, its claims counted in the status bar (a notification only for failed calls). */
async function showExperimentResult(
  run: ExperimentRun,
  name: string,
  status: ActivityStatus,
  owner: object,
): Promise<void> {
  const panel = vscode.window.createWebviewPanel(
    'society.experiment',
    `${name} — experiment`,
    vscode.ViewColumn.Beside,
    { enableScripts: false, localResourceRoots: [] },
  );
  // The report is self-contained: its own CSP allows only its hashed style and no scripts.
  panel.webview.html = await vscode.workspace.fs
    .readFile(vscode.Uri.file(run.files[0]))
    .then((b) => Buffer.from(b).toString('utf8'));
  // A claim holds when its 95% CI says so (claimVerdict); inconclusive and untestable ones are
  // counted apart, neither held nor failed.
  const verdicts = run.result.claims.map((c) => claimVerdict(c).kind);
  const held = verdicts.filter((k) => k === 'holds').length;
  const testable = verdicts.filter((k) => k !== 'untestable').length;
  const inconclusive = verdicts.filter((k) => k === 'inconclusive').length;
  const untestable = verdicts.length - testable;
  const apart = [inconclusive && `${inconclusive} inconclusive`, untestable && `${untestable} not testable`]
    .filter((x) => x)
    .join(', ');
  const partial = run.partial ? ` (${partialText(run.partial)})` : '';
  const text = `Experiment of ${name}: ${counted(run.result.runs.length, 'run')} in ${run.wallSeconds.toFixed(1)} s${partial}; ${held} of ${testable} claims hold${apart ? `, ${apart}` : ''}.`;
  const faults = describeRunFaults(run.result.runs);
  status.ended(
    owner,
    `${faults ? '$(warning)' : run.partial ? '$(debug-stop)' : '$(beaker)'} Society: experiment, ${run.partial ? `${run.partial.finished} of ${run.partial.planned} runs (partial)` : counted(run.result.runs.length, 'run')}, ${held} of ${testable} claims hold`,
    experimentTooltip(faults ? `${text} ${faults}` : text, run.files),
  );
  // The report beside is the answer: a plain success is said in the status bar only, so no
  // notification sits over its claims table (issue 88); failed model calls still notify.
  const level: OutcomeLevel = !faults ? 'info' : runsWithoutAnswers(run.result.runs) ? 'error' : 'warning';
  if (!needsNotification(level, true)) return;
  const choice =
    level === 'error'
      ? await vscode.window.showErrorMessage(`${text} ${faults}`, 'Reveal Files')
      : await vscode.window.showWarningMessage(`${text} ${faults}`, 'Reveal Files');
  if (choice) await revealExperimentFiles(run.files);
}

/**
 * Reveal Files: the report in the OS file manager on a local desktop VS Code. `revealFileInOS`
 * does not exist in the browser (code-server, vscode.dev) and would show the local machine's disk
 * in a remote window (SSH, WSL, Codespaces): there the report is selected in the Explorer when its
 * folder is in the workspace, and otherwise (a runsFolder outside it) the summary CSV opens.
 */
export async function revealExperimentFiles(files: string[]): Promise<void> {
  const report = vscode.Uri.file(files[0]);
  if (vscode.env.uiKind === vscode.UIKind.Desktop && !vscode.env.remoteName) {
    try {
      await vscode.commands.executeCommand('revealFileInOS', report);
      return;
    } catch {
      /* no file manager command here: the Explorer, as in a remote window */
    }
  }
  if (vscode.workspace.getWorkspaceFolder(report)) {
    await vscode.commands.executeCommand('revealInExplorer', report);
    return;
  }
  const summary = files.find((f) => f.endsWith('.csv')) ?? files[0];
  await vscode.window.showTextDocument(vscode.Uri.file(summary), {
    preview: true,
    viewColumn: vscode.ViewColumn.Active,
  });
}

/** True when the experiment may start: its estimate (all conditions × seeds) is within the limit, or the user said Run Anyway. */
async function confirmExperimentCost(scenario: Scenario, settings: RunSettings): Promise<boolean> {
  if (settings.costLimitUsd === undefined) return true;
  let reason: string | undefined;
  try {
    reason = experimentCostReason(estimateExperiment(scenario), settings.costLimitUsd);
  } catch (err) {
    // A condition that cannot be applied fails the same way in the run: say so now, before anything starts.
    void vscode.window.showErrorMessage(
      `The experiment of ${scenario.name} cannot run: ${err instanceof Error ? err.message : String(err)}`,
    );
    return false;
  }
  return confirmCostReason(reason);
}
