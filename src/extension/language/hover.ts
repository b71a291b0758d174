// Hover: schema docs for keys, a persona card for ids (core/format/service/hover.ts).
import * as vscode from 'vscode';
import { hoverAt } from '../../core/format';
import { SELECTOR, type SocietyContext } from '../context';
import { toRange } from '../convert';
import { fileKey } from '../files';

export function registerHover(ctx: SocietyContext): vscode.Disposable {
  return vscode.languages.registerHoverProvider(SELECTOR, {
    async provideHover(document, position) {
      const file = fileKey(document.uri);
      const hover = await hoverAt(await ctx.projects.forFile(file), file, document.offsetAt(position));
      return hover && new vscode.Hover(new vscode.MarkdownString(hover.markdown), toRange(hover.range));
    },
  });
}
