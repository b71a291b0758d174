// Society: Compare Conditions… — two conditions of an experiment, their runs paired by seed, as
// `society compare <experiment> --conditions A,B` gives them (issue 73: the picker listed single
// runs, and an experiment's traces/ folder "held no trace.jsonl"). The experiment: the folder given
// (explorer), or one picked from the runs folder; with more than two conditions, A and B are picked.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { conditionList, conditionRuns, conditionSides, experimentTraces } from '../../core/experiment';
import type { SocietyContext } from '../context';
import { showComparison } from './compareRuns';
import { runsFolderOf } from './runsFolder';

/** The experiments directly in the runs folder, newest first. */
function experimentsIn(dir: string): { path: string; name: string; conditions: number; modified: number }[] {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return [];
  }
  return names
    .map((n) => path.join(dir, n))
    .flatMap((p) => {
      const traces = fs.statSync(p, { throwIfNoEntry: false })?.isDirectory() ? experimentTraces(p) : undefined;
      return traces
        ? [
            {
              path: p,
              name: path.basename(p),
              conditions: conditionRuns(traces).size,
              modified: fs.statSync(p).mtimeMs,
            },
          ]
        : [];
    })
    .sort((a, b) => b.modified - a.modified);
}

async function pickExperiment(): Promise<string | undefined> {
  const dir = runsFolderOf();
  const items = (dir ? experimentsIn(dir) : []).map((e) => ({
    label: e.name,
    description: `${e.conditions} conditions`,
    detail: new Date(e.modified).toLocaleString(),
    path: e.path,
  }));
  const browse = { label: '$(folder-opened) Browse…', description: "an experiment's folder", path: '' };
  const choice = await vscode.window.showQuickPick([...items, browse], {
    title: 'Compare Conditions: which experiment?',
    // A step of three: a report still opening beside it (after Run Experiment) must not close it.
    ignoreFocusOut: true,
    placeHolder: items.length
      ? 'An experiment of the runs folder, newest first'
      : 'No experiment in the runs folder yet',
  });
  if (!choice) return undefined;
  if (choice.path) return choice.path;
  return (
    await vscode.window.showOpenDialog({
      canSelectFiles: false,
      canSelectFolders: true,
      openLabel: 'Compare Its Conditions',
      ...(dir ? { defaultUri: vscode.Uri.file(dir) } : {}),
    })
  )?.[0]?.fsPath;
}

/** A condition by the name the scenario writes; its file stem beside it when they differ. */
async function pickCondition(
  conditions: readonly { stem: string; name: string }[],
  side: 'A' | 'B',
  other?: string,
): Promise<string | undefined> {
  const choice = await vscode.window.showQuickPick(
    conditions
      .filter((c) => c.stem !== other)
      .map((c) => ({ label: c.name, ...(c.name !== c.stem ? { description: c.stem } : {}), stem: c.stem })),
    {
      title: `Compare Conditions: ${side === 'A' ? 'the first condition (A)' : 'the condition to compare with it (B)'}`,
      ignoreFocusOut: true,
      placeHolder: side === 'A' ? 'Its runs are paired by seed with B’s' : 'B − A is shown',
    },
  );
  return choice?.stem;
}

export function compareConditionsCommand(_ctx: SocietyContext) {
  return async (target?: vscode.Uri): Promise<vscode.WebviewPanel | undefined> => {
    const dir = target?.fsPath ?? (await pickExperiment());
    if (!dir) return undefined;
    const traces = experimentTraces(dir);
    if (!traces) {
      void vscode.window.showErrorMessage(
        `${vscode.workspace.asRelativePath(dir)} is not an experiment's folder: it has no traces/<condition>-seed<n>.jsonl.`,
      );
      return undefined;
    }
    const conditions = conditionList(traces);
    let wanted: [string, string] | undefined;
    if (conditions.length > 2) {
      const a = await pickCondition(conditions, 'A');
      const b = a && (await pickCondition(conditions, 'B', a));
      if (!a || !b) return undefined;
      wanted = [a, b];
    }
    const name = path.basename(dir === traces ? path.dirname(dir) : dir);
    let made: ReturnType<typeof conditionSides>;
    try {
      made = conditionSides(dir, wanted);
    } catch (err) {
      void vscode.window.showErrorMessage(`Could not compare the conditions: ${(err as Error).message}`);
      return undefined;
    }
    return showComparison(() => made.sides, made.labels, `Compare: ${name} · ${made.labels.join(' ↔ ')}`, {
      kind: 'conditions',
      dir,
      ...(wanted ? { wanted } : {}),
    });
  };
}
