// Rename a persona id across the files its scenario brings together, as one WorkspaceEdit.
import * as vscode from 'vscode';
import { prepareRename, renamePersona } from '../../core/format';
import { SELECTOR, type SocietyContext } from '../context';
import { toRange, toWorkspaceEdit } from '../convert';
import { fileKey } from '../files';

export function registerRename(ctx: SocietyContext): vscode.Disposable {
  return vscode.languages.registerRenameProvider(SELECTOR, {
    async prepareRename(document, position) {
      const file = fileKey(document.uri);
      const r = await prepareRename(await ctx.projects.forFile(file), file, document.offsetAt(position));
      if ('error' in r) throw new Error(r.error);
      return { range: toRange(r.range), placeholder: r.placeholder };
    },
    async provideRenameEdits(document, position, newName) {
      const file = fileKey(document.uri);
      const r = await renamePersona(
        await ctx.projects.forFile(file),
        file,
        document.offsetAt(position),
        newName.trim(),
      );
      if ('error' in r) throw new Error(r.error);
      return toWorkspaceEdit(r.edit);
    },
  });
}
