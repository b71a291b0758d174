// "Run" above every `kind: scenario` in a .society file.
import * as vscode from 'vscode';
import { scenarioLines } from './scenarioLines';

export class RunCodeLens implements vscode.CodeLensProvider {
  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    return scenarioLines(document.getText()).flatMap((line) => {
      const range = new vscode.Range(line, 0, line, 0);
      return [
        new vscode.CodeLens(range, {
          title: '$(play) Run',
          command: 'society.run',
          arguments: [document.uri],
          tooltip: 'Run this scenario and watch the tie network form',
        }),
        new vscode.CodeLens(range, {
          title: 'Run with model…',
          command: 'society.runWithModel',
          arguments: [document.uri],
        }),
      ];
    });
  }
}
