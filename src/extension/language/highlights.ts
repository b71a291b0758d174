// Word highlights (core/format/service/highlights.ts): the name under the cursor where it is used
// as a name. An empty answer is an answer: VS Code then highlights nothing, rather than falling
// back to every textual match (the word "place" in a description, issue 42).
import * as vscode from 'vscode';
import { highlightsAt } from '../../core/format';
import { SELECTOR, type SocietyContext } from '../context';
import { toRange } from '../convert';
import { fileKey } from '../files';

const KIND = { read: vscode.DocumentHighlightKind.Read, write: vscode.DocumentHighlightKind.Write } as const;

export function registerHighlights(ctx: SocietyContext): vscode.Disposable {
  return vscode.languages.registerDocumentHighlightProvider(SELECTOR, {
    async provideDocumentHighlights(document, position) {
      const file = fileKey(document.uri);
      const found = await highlightsAt(await ctx.projects.forFile(file), file, document.offsetAt(position));
      return found.map((h) => new vscode.DocumentHighlight(toRange(h.range), KIND[h.kind]));
    },
  });
}
