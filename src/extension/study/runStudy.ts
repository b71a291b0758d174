// Society: Run Study — a study (`kind: study`) run in the extension host as `society study` runs
// it (core's runStudy: preregistered, resumable, every model), with a cancellable progress
// notification that counts finished runs, then its write-up (study.html) opened rendered in the
// page editor. A study folder is stable (runs/<file>-study), so running it again resumes it.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { loadStudyFile, isInstant, type Scenario, type Study } from '../../core/format';
import { estimateExperiment, experimentCostReason } from '../../core/experiment';
import { runStudy } from '../../core/study/studyRun';
import { scenarioFor, studyModels } from '../../core/study/runStudy';
import { looksOf } from '../../core/study/seedPlan';
import { verdictWords } from '../../core/study/studyMarkdown';
import { loadKeys } from '../run/apiKeys';
import { confirmKeyRoutes } from '../run/keyRoutes';
import { currentRunSettings } from '../run/costLimit';
import { languageModelClient } from '../run/languageModelClient';
import { requireTrust } from '../trust/guard';
import { PAGE_EDITOR } from '../views/pageEditor';
import type { ActivityStatus } from '../run/activityStatus';

function studyFileOf(uri?: vscode.Uri): string | undefined {
  if (uri?.fsPath) return uri.fsPath;
  const doc = vscode.window.activeTextEditor?.document;
  return doc?.languageId === 'society' ? doc.uri.fsPath : undefined;
}

export async function runStudyCommand(
  secrets: vscode.SecretStorage,
  status: ActivityStatus,
  uri?: vscode.Uri,
): Promise<void> {
  const file = studyFileOf(uri);
  if (!file) {
    void vscode.window.showErrorMessage('Open a .society study (a document with kind: study) to run it.');
    return;
  }
  if (!requireTrust('study')) return;
  const folder = vscode.workspace.getWorkspaceFolder(vscode.Uri.file(file))?.uri.fsPath ?? path.dirname(file);
  const loaded = await loadStudyFile(file, { root: folder });
  if (!loaded.study || !loaded.scenario) {
    const first = loaded.diagnostics.find((d) => d.severity === 'error');
    const choice = await vscode.window.showErrorMessage(
      `The study has errors${first ? `: ${first.message}` : ''}`,
      'Show Problems',
    );
    if (choice) await vscode.commands.executeCommand('workbench.actions.view.problems');
    return;
  }
  const { study, scenario } = loaded;
  if (!(await confirmStudyCost(loaded.study, loaded.scenario))) return;
  const keys = await loadKeys(secrets, scenario);
  const models = studyModels(study, scenario);
  const allowKeys = await confirmKeyRoutes(
    scenario,
    models.flatMap((m) => (m.config ? [m.config] : Object.values(scenario.models))),
  );
  const runsFolder = vscode.workspace.getConfiguration('society').get<string>('runsFolder', 'runs');
  const outDir = path.join(folder, runsFolder, `${path.basename(file, '.society')}-study`);
  const owner = {};
  status.set(
    owner,
    `$(beaker~spin) Society: study ${study.name}`,
    'Society Studio: a study is running (progress in its notification)',
  );
  const outcome = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `Study: ${study.name}`, cancellable: true },
    async (progress, token) => {
      const stop = new AbortController();
      token.onCancellationRequested(() => stop.abort());
      try {
        return await runStudy(
          {
            study,
            scenario,
            studyFile: file,
            files: loaded.files,
            libraryDir: path.join(
              vscode.extensions.getExtension('society-studio.society-studio')?.extensionPath ??
                path.resolve(__dirname, '..'),
              'validation',
            ),
            command: `society study ${path.relative(folder, file)} --out ${path.relative(folder, outDir)}`,
            cwd: folder,
          },
          {
            outDir,
            allowModule: vscode.workspace.isTrusted,
            // Each run's model calls beside its trace, unless society.run.keepPrompts is off.
            prompts: currentRunSettings().keepPrompts !== false,
            signal: stop.signal,
            stopStarting: stop.signal,
            models: { secrets: (name: string) => keys.get(name), allowKeys, chatClientFactory: languageModelClient },
            onProgress: (p) => {
              progress.report({
                message: `${p.model}: ${p.runsDone} of ${p.runsPlanned} runs (look ${p.look} of ${p.looks})`,
              });
              status.update(owner, `$(beaker~spin) Society: study runs ${p.runsDone}/${p.runsPlanned}`);
            },
          },
        );
      } catch (err) {
        status.ended(owner, '$(error) Society: study failed');
        void vscode.window.showErrorMessage(
          `Study ${study.name} failed: ${err instanceof Error ? err.message : String(err)}`,
        );
        return undefined;
      }
    },
  );
  if (!outcome) return;
  if ('refused' in outcome) {
    status.ended(owner, '$(error) Society: study refused');
    void vscode.window.showErrorMessage(`Study ${study.name}: ${outcome.refused}`);
    return;
  }
  const r = outcome.result;
  const verdicts = r.hypotheses.map((h) => `${h.id} ${verdictWords(h.verdict)}`).join('; ');
  // Said in the status bar, not a toast over the write-up it opens (issue 88).
  status.ended(owner, `$(beaker) Society: ${r.partial ? 'partial ' : ''}study — ${verdicts}`);
  await vscode.commands.executeCommand(
    'vscode.openWith',
    vscode.Uri.file(outcome.files[0]),
    PAGE_EDITOR,
    vscode.ViewColumn.Beside,
  );
}

/** The whole plan's estimate (every model, the most seeds) against the cost limit setting: asked past it. */
async function confirmStudyCost(study: Study, scenario: Scenario): Promise<boolean> {
  const limit = currentRunSettings().costLimitUsd;
  const seeds = looksOf(study.seeds).looks.at(-1)!;
  let total = 0;
  for (const m of studyModels(study, scenario)) {
    const s = scenarioFor(scenario, study, m.config);
    if (Object.values(s.models).every((x) => isInstant(x))) continue;
    const e = estimateExperiment(s, { seeds, ...(study.rounds ? { rounds: study.rounds } : {}) });
    total += e.total.total.cost_usd;
    if (limit && experimentCostReason(e, limit)) break;
  }
  if (!limit || total <= limit) return true;
  const go = await vscode.window.showWarningMessage(
    `Study ${study.name} is estimated at $${total.toFixed(2)}, above your cost limit of $${limit.toFixed(2)} (society.run.costLimit).`,
    { modal: true },
    'Run Anyway',
  );
  return go === 'Run Anyway';
}
