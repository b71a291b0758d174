// Quick fixes for the diagnostics under the cursor (core/format/service/codeActions.ts).
import * as vscode from 'vscode';
import { codeActions, type WorkspaceEdit } from '../../core/format';
import { SELECTOR, type SocietyContext } from '../context';
import { fromRange, toRange, toWorkspaceEdit } from '../convert';
import { fileKey, uriOf } from '../files';

export function registerCodeActions(ctx: SocietyContext): vscode.Disposable {
  return vscode.languages.registerCodeActionsProvider(
    SELECTOR,
    {
      async provideCodeActions(document, range, context) {
        const file = fileKey(document.uri);
        const project = await ctx.projects.forFile(file);
        const analysis = project.workspace.analyzeText(file, document.getText());
        return codeActions(analysis, ctx.diagnostics.of(file), fromRange(range)).map((a) => {
          const action = new vscode.CodeAction(a.title, vscode.CodeActionKind.QuickFix);
          // A snippet edit (Add missing property) leaves its placeholder selected, to type over or tab through.
          action.edit = a.snippet ? toSnippetEdit(a.edit) : toWorkspaceEdit(a.edit);
          action.isPreferred = a.isPreferred;
          action.diagnostics = context.diagnostics.filter(
            (d) => codeOf(d) === a.diagnostic.code && d.range.start.line === a.diagnostic.range.start.line,
          );
          return action;
        });
      },
    },
    { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] },
  );
}

function toSnippetEdit(edit: WorkspaceEdit): vscode.WorkspaceEdit {
  const out = new vscode.WorkspaceEdit();
  for (const [file, edits] of edit) {
    out.set(
      uriOf(file),
      edits.map((e) => new vscode.SnippetTextEdit(toRange(e.range), new vscode.SnippetString(e.newText))),
    );
  }
  return out;
}

/** A diagnostic's code as text: a code that links to its docs is an object (language/diagnosticDocs.ts). */
function codeOf(d: vscode.Diagnostic): string | number | undefined {
  return typeof d.code === 'object' ? d.code.value : d.code;
}
