// Core (editor-neutral, LSP-shaped) data to VS Code types.
import * as vscode from 'vscode';
import type { Diagnostic, Range, Position, WorkspaceEdit, SourceLocation } from '../core/format';
import { uriOf } from './files';
import { printable } from '../core/text/printable';

export const toPosition = (p: Position): vscode.Position => new vscode.Position(p.line, p.character);
export const toRange = (r: Range): vscode.Range => new vscode.Range(toPosition(r.start), toPosition(r.end));
export const fromPosition = (p: vscode.Position): Position => ({ line: p.line, character: p.character });
export const fromRange = (r: vscode.Range): Range => ({ start: fromPosition(r.start), end: fromPosition(r.end) });
export const toLocation = (l: SourceLocation): vscode.Location => new vscode.Location(uriOf(l.file), toRange(l.range));

const SEVERITY = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
} as const;

/** Where a code is explained (language/diagnosticDocs.ts), once the reference is read. */
let docOf: ((code: string) => vscode.Uri | undefined) | undefined;

export function setDiagnosticDocs(lookup: ((code: string) => vscode.Uri | undefined) | undefined): void {
  docOf = lookup;
}

export function toDiagnostic(d: Diagnostic): vscode.Diagnostic {
  // A message quotes the file's text: control characters are shown as escapes, as on the command line.
  const out = new vscode.Diagnostic(toRange(d.range), printable(d.message), SEVERITY[d.severity]);
  out.source = 'society';
  const target = docOf?.(d.code);
  out.code = target ? { value: d.code, target } : d.code;
  if (d.related?.length) {
    out.relatedInformation = d.related.map((r) => new vscode.DiagnosticRelatedInformation(toLocation(r), r.message));
  }
  return out;
}

export function toWorkspaceEdit(edit: WorkspaceEdit): vscode.WorkspaceEdit {
  const out = new vscode.WorkspaceEdit();
  for (const [file, edits] of edit) {
    out.set(
      uriOf(file),
      edits.map((e) => new vscode.TextEdit(toRange(e.range), e.newText)),
    );
  }
  return out;
}
