// Which scenario Run Simulation means when it is not given a file: the active .society editor;
// else, when the focused editor is not a text editor (the walkthrough, the society view), a
// visible one; else the scenario open in a tab, the active tabs first. A document is saved before
// it runs, so the run matches what is on screen.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Projects } from '../projects';
import { scenarioLines } from './scenarioLines';

const isSociety = (d?: vscode.TextDocument): d is vscode.TextDocument =>
  d?.languageId === 'society' && d.uri.scheme === 'file';

/** The given file (saved if open and dirty), or the scenario the user is looking at. */
export async function scenarioFile(target?: vscode.Uri): Promise<string | undefined> {
  if (target instanceof vscode.Uri && target.scheme === 'file') {
    const open = vscode.workspace.textDocuments.find((d) => d.uri.fsPath === target.fsPath);
    if (open?.isDirty) await open.save();
    return target.fsPath;
  }
  const doc = await lookedAt();
  if (!doc) return undefined;
  if (doc.isDirty) await doc.save();
  return doc.uri.fsPath;
}

async function lookedAt(): Promise<vscode.TextDocument | undefined> {
  const active = vscode.window.activeTextEditor?.document;
  if (isSociety(active)) return active;
  const visible = vscode.window.visibleTextEditors.map((e) => e.document).find(isSociety);
  if (visible) return visible;
  // A tab that is not shown: only a file with a scenario document in it, so a persona tab is not
  // mistaken for what to run.
  const groups = vscode.window.tabGroups;
  const tabs = [...groups.all.map((g) => g.activeTab), ...groups.all.flatMap((g) => g.tabs)];
  for (const tab of tabs) {
    if (!(tab?.input instanceof vscode.TabInputText) || !tab.input.uri.path.endsWith('.society')) continue;
    const doc = await vscode.workspace.openTextDocument(tab.input.uri);
    if (isSociety(doc) && scenarioLines(doc.getText()).length) return doc;
  }
  return undefined;
}

/**
 * The scenario to run for `file`: the file itself when it has a scenario document, else the
 * scenario that includes it (a persona file; asked which when several do). Undefined, after
 * saying why, when no scenario includes it or the user picked none.
 */
export async function scenarioToRun(file: string, projects: Projects): Promise<string | undefined> {
  const open = vscode.workspace.textDocuments.find((d) => d.uri.fsPath === file);
  let text: string;
  try {
    text = open?.getText() ?? fs.readFileSync(file, 'utf8');
  } catch {
    return file;
  }
  if (scenarioLines(text).length) return file;
  const project = await projects.forFile(file);
  const scenarios = [...new Set(project.resolutionsInvolving(file).map((r) => r.file))].filter((f) => f !== file);
  const name = path.basename(file);
  if (scenarios.length === 0) {
    void vscode.window.showErrorMessage(
      `${name} has no scenario to run (no document with kind: scenario), and no scenario includes it. Open a scenario to run it.`,
    );
    return undefined;
  }
  if (scenarios.length === 1) return scenarios[0];
  const root = vscode.workspace.getWorkspaceFolder(vscode.Uri.file(file))?.uri.fsPath ?? path.dirname(file);
  const picked = await vscode.window.showQuickPick(
    scenarios.map((f) => ({
      label: path.basename(f),
      description: path.relative(root, path.dirname(f)) || undefined,
      file: f,
    })),
    {
      title: `${name} is included by ${scenarios.length} scenarios: run which?`,
    },
  );
  return picked?.file;
}
