// How a scenario that cannot run because of its errors is told, the same for Run Simulation and
// for a debug launch: a notification with the first error, Open Problem (at its range) and Show
// Problems. (A launch that failed in the debug adapter got VS Code's modal offering launch.json.)
import * as vscode from 'vscode';
import type { ScenarioProblems } from './runSession';

/** Notification text: Markdown-style `code` shown as plain text (notifications render it literally). */
export const plain = (text: string): string => text.replace(/`([^`]*)`/g, '$1');

export async function showScenarioProblems(err: ScenarioProblems): Promise<void> {
  const first = err.problems[0];
  const choice = await vscode.window.showErrorMessage(
    plain(err.message),
    ...(first ? ['Open Problem'] : []),
    'Show Problems',
  );
  if (choice === 'Open Problem' && first) {
    const r = first.range;
    await vscode.window.showTextDocument(vscode.Uri.file(first.file), {
      selection: new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character),
    });
  } else if (choice === 'Show Problems') await vscode.commands.executeCommand('workbench.actions.view.problems');
}
