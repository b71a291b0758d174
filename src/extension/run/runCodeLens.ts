// "Run" above every `kind: scenario` in a .society file, and "Run Study" above every `kind: study`.
import * as vscode from 'vscode';
import { scenarioLines, studyLines } from './scenarioLines';

export class RunCodeLens implements vscode.CodeLensProvider {
  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    const studies = studyLines(document.getText()).map(
      (line) =>
        new vscode.CodeLens(new vscode.Range(line, 0, line, 0), {
          title: '$(checklist) Run Study',
          command: 'society.runStudy',
          arguments: [document.uri],
          tooltip: 'Freeze the plan, run every model, and open the write-up',
        }),
    );
    return [
      ...studies,
      ...scenarioLines(document.getText()).flatMap((line) => {
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
      }),
    ];
  }
}
