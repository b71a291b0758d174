// Opens a trace file as text with one line selected: where a memory's `memory` event is.
import * as vscode from 'vscode';

export async function revealInTrace(file: string, line: number): Promise<void> {
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
  const at = doc.lineAt(Math.max(0, Math.min(line - 1, doc.lineCount - 1))).range;
  await vscode.window.showTextDocument(doc, { selection: at, preview: true, preserveFocus: false });
}
