// Society: Compare Runs… — two runs (or two folders of runs, paired by seed) picked from the runs
// folder or an open dialog, compared by the same code as `society compare`
// (core/experiment/paired/compareSides.ts) and shown as its page in a webview: no script, its
// style allowed by a fresh nonce (the page's own CSP, as the extension's other pages).
import { randomBytes } from 'node:crypto';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { compareSide, type CompareSide, compareSides } from '../../core/experiment';
import { messageHtml } from '../views/pageShell';
import type { SocietyContext } from '../context';
import { runChoices } from './compareChoices';
import { runsFolderOf } from './runsFolder';
import { COMPARE_VIEW, rememberComparison, type CompareRecipe } from './comparePanels';

type Pick = vscode.QuickPickItem & { uri?: vscode.Uri };

/** One side: a run (or folder of runs) of the runs folder, or any folder or trace from a dialog. */
async function pickSide(side: 'A' | 'B', other?: vscode.Uri): Promise<vscode.Uri | undefined> {
  const dir = runsFolderOf();
  const items: Pick[] = (dir ? runChoices(dir) : [])
    .filter((c) => c.path !== other?.fsPath)
    .map((c) => ({
      label: c.name,
      description: c.kind === 'run' ? 'run' : `${c.runs} runs, paired by seed`,
      detail: new Date(c.modified).toLocaleString(),
      uri: vscode.Uri.file(c.path),
    }));
  const browse: Pick = {
    label: '$(folder-opened) Browse…',
    description: 'a run folder, a trace file or a folder of runs',
  };
  const choice = await vscode.window.showQuickPick([...items, browse], {
    title: `Compare Runs: ${side === 'A' ? 'the first run (A)' : 'the run to compare with it (B)'}`,
    // A step of two: a view still opening beside it must not close it half way.
    ignoreFocusOut: true,
    placeHolder: side === 'A' ? 'A run, or a folder of runs (one per seed)' : 'B − A is shown',
  });
  if (!choice) return undefined;
  if (choice.uri) return choice.uri;
  return (
    await vscode.window.showOpenDialog({
      canSelectFiles: true,
      canSelectFolders: true,
      canSelectMany: false,
      openLabel: `Compare as ${side}`,
      title: `Compare Runs: ${side}`,
      filters: { 'Run traces': ['jsonl'] },
      ...(dir ? { defaultUri: vscode.Uri.file(dir) } : {}),
    })
  )?.[0];
}

/**
 * Arguments are optional (the palette passes none): A and B as folders or trace files; the
 * explorer's context menu on two selected items passes the clicked one and the selection.
 */
export function compareRunsCommand(_ctx: SocietyContext) {
  return async (a?: vscode.Uri, b?: vscode.Uri | vscode.Uri[]): Promise<vscode.WebviewPanel | undefined> => {
    if (Array.isArray(b)) [a, b] = b.length === 2 ? [b[0], b[1]] : [a, undefined];
    const first = a ?? (await pickSide('A'));
    if (!first) return undefined;
    const second = b ?? (await pickSide('B', first));
    if (!second) return undefined;
    const shown = (p: string) => vscode.workspace.asRelativePath(p);
    return showComparison(
      () => [compareSide(first.fsPath, shown), compareSide(second.fsPath, shown)],
      [shown(first.fsPath), shown(second.fsPath)],
      `Compare: ${path.basename(first.fsPath)} ↔ ${path.basename(second.fsPath)}`,
      { kind: 'runs', a: first.fsPath, b: second.fsPath },
    );
  };
}

/**
 * The comparison's page (sides made inside the progress, so a refusal is its error message): no
 * script, its style allowed by a fresh nonce; undefined after saying why it could not be made.
 */
export async function comparisonPage(
  sides: () => [CompareSide, CompareSide],
  labels: [string, string],
): Promise<string | undefined> {
  const shown = (p: string) => vscode.workspace.asRelativePath(p);
  const nonce = randomBytes(18).toString('base64');
  try {
    const output = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: 'Comparing runs…' },
      async () => {
        const [a, b] = sides();
        return compareSides(a, b, {
          labels,
          shown,
          nonce,
          // A trace's header may name a scenario anywhere on disk: read only where the workspace is trusted.
          scenarios: vscode.workspace.isTrusted,
        });
      },
    );
    return output.html || messageHtml('Nothing to compare.');
  } catch (err) {
    void vscode.window.showErrorMessage(
      `Could not compare the runs: ${err instanceof Error ? err.message : String(err)}`,
    );
    return undefined;
  }
}

/** Compares two sides and shows the page in a tab that Reload Window restores (comparePanels.ts). */
export async function showComparison(
  sides: () => [CompareSide, CompareSide],
  labels: [string, string],
  title: string,
  recipe: CompareRecipe,
): Promise<vscode.WebviewPanel | undefined> {
  const html = await comparisonPage(sides, labels);
  if (html === undefined) return undefined;
  const panel = vscode.window.createWebviewPanel(COMPARE_VIEW, title, vscode.ViewColumn.Active, {
    enableScripts: false,
    localResourceRoots: [],
  });
  panel.webview.html = html;
  rememberComparison(title, recipe);
  return panel;
}
