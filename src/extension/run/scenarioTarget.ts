// Which scenario Run Simulation means when it is not given a file: the active .society editor;
// else, when the focused editor is not a text editor (the walkthrough, the society view), a
// visible one; else the scenario open in a tab, the active tabs first. A document is saved before
// it runs, so the run matches what is on screen.
import * as vscode from 'vscode';
import { scenarioLines } from './scenarioLines';

const isSociety = (d?: vscode.TextDocument): d is vscode.TextDocument => d?.languageId === 'society' && d.uri.scheme === 'file';

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
