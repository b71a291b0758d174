// Problem codes as links: clicking SOC061 in the Problems panel or a hover opens docs/diagnostics.md
// (shipped in the .vsix) at the row that explains it (issue 73).
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { diagnosticDocLines } from '../../core/format';
import { setDiagnosticDocs } from '../convert';

export function registerDiagnosticDocs(ctx: { extension: vscode.ExtensionContext }): vscode.Disposable {
  const file = path.join(ctx.extension.extensionPath, 'docs', 'diagnostics.md');
  let text: string;
  try {
    // Read before the first problem is published (activation), so every code links from the start.
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return new vscode.Disposable(() => undefined); // no reference beside the extension: codes stay text
  }
  const lines = diagnosticDocLines(text);
  const doc = vscode.Uri.file(file);
  setDiagnosticDocs((code) => {
    const line = lines.get(code);
    return line === undefined ? undefined : doc.with({ fragment: `L${line}` });
  });
  return new vscode.Disposable(() => setDiagnosticDocs(undefined));
}
