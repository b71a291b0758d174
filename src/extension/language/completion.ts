// Completion: core/format/service/completion.ts at the cursor, as VS Code items; and the snippets of
// snippets/society.json where they fit (core/format/service/documentSnippets.ts). The snippets are not a
// static `contributes.snippets` (VS Code would offer a whole persona document after `gender: `);
// their provider reads only the document's text, so it serves every scheme (virtual ones too).
import * as vscode from 'vscode';
import { complete, LineIndex, snippetsAt, type CompletionItem } from '../../core/format';
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
  snippet: vscode.CompletionItemKind.Snippet,
};

export function registerCompletion(ctx: SocietyContext): vscode.Disposable {
  return vscode.Disposable.from(registerSchemaCompletion(ctx), registerSnippets());
}

function registerSnippets(): vscode.Disposable {
  return vscode.languages.registerCompletionItemProvider(
    { language: 'society' },
    {
      provideCompletionItems(document, position) {
        return snippetsAt(new LineIndex(document.getText()), fromPosition(position)).map(toItem);
      },
    },
  );
}

function registerSchemaCompletion(ctx: SocietyContext): vscode.Disposable {
  return vscode.languages.registerCompletionItemProvider(
    SELECTOR,
    {
      async provideCompletionItems(document, position, _token, context) {
        // A space only opens completions right after `key:`, `-` or `,` (values, list items).
        if (
          context.triggerCharacter === ' ' &&
          !/(:|-|,) $/.test(document.lineAt(position.line).text.slice(0, position.character))
        ) {
          return undefined;
        }
        // A dot only after a name (`world.` in an expression of the mechanics), not in a number.
        if (
          context.triggerCharacter === '.' &&
          !/[A-Za-z_]\w*\.$/.test(document.lineAt(position.line).text.slice(0, position.character))
        ) {
          return undefined;
        }
        const file = fileKey(document.uri);
        const project = await ctx.projects.forFile(file);
        const items = await complete(project, file, fromPosition(position));
        return items.map(toItem);
      },
    },
    ' ',
    '/',
    '.',
  );
}

function toItem(i: CompletionItem): vscode.CompletionItem {
  const item = new vscode.CompletionItem(
    i.description ? { label: i.label, description: i.description } : i.label,
    KIND[i.kind],
  );
  item.detail = i.detail;
  if (i.documentation) item.documentation = new vscode.MarkdownString(i.documentation);
  item.insertText = i.snippet ? new vscode.SnippetString(i.insertText) : i.insertText;
  item.range = toRange(i.range);
  item.sortText = i.sortText;
  if (i.retrigger) item.command = { title: 'Suggest', command: 'editor.action.triggerSuggest' };
  return item;
}
