// Completion: core/format/completion.ts at the cursor, as VS Code items.
import * as vscode from 'vscode';
import { complete, type CompletionItem } from '../../core/format';
import { SELECTOR, type SocietyContext } from '../context';
import { fromPosition, toRange } from '../convert';
import { fileKey } from '../files';

const KIND: Record<CompletionItem['kind'], vscode.CompletionItemKind> = {
  property: vscode.CompletionItemKind.Property,
  value: vscode.CompletionItemKind.Value,
  enum: vscode.CompletionItemKind.EnumMember,
  persona: vscode.CompletionItemKind.Reference,
  file: vscode.CompletionItemKind.File,
  folder: vscode.CompletionItemKind.Folder,
  model: vscode.CompletionItemKind.Module,
};

export function registerCompletion(ctx: SocietyContext): vscode.Disposable {
  return vscode.languages.registerCompletionItemProvider(SELECTOR, {
    async provideCompletionItems(document, position, _token, context) {
      // A space only opens completions right after `key:`, `-` or `,` (values, list items).
      if (context.triggerCharacter === ' ' && !/(:|-|,) $/.test(document.lineAt(position.line).text.slice(0, position.character))) return undefined;
      const file = fileKey(document.uri);
      const project = await ctx.projects.forFile(file);
      const items = await complete(project, file, fromPosition(position));
      return items.map(toItem);
    },
  }, ' ', '/');
}

function toItem(i: CompletionItem): vscode.CompletionItem {
  const item = new vscode.CompletionItem(i.label, KIND[i.kind]);
  item.detail = i.detail;
  if (i.documentation) item.documentation = new vscode.MarkdownString(i.documentation);
  item.insertText = i.snippet ? new vscode.SnippetString(i.insertText) : i.insertText;
  item.range = toRange(i.range);
  item.sortText = i.sortText;
  if (i.retrigger) item.command = { title: 'Suggest', command: 'editor.action.triggerSuggest' };
  return item;
}
