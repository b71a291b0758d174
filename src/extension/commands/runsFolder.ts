// The runs folder of the first workspace folder (setting society.runsFolder, default `runs`).
import * as path from 'node:path';
import * as vscode from 'vscode';

export function runsFolderOf(): string | undefined {
  const root = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  if (!root) return undefined;
  return path.resolve(root, vscode.workspace.getConfiguration('society').get<string>('runsFolder', 'runs'));
}
