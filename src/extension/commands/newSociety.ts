// Society: New Society — writes a small ready-to-run society (core/format/service/scaffold.ts) into a new
// folder of the workspace and opens its scenario.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { scaffoldSociety, slug } from '../../core/format';
import type { SocietyContext } from '../context';

/** Arguments are optional (the palette passes none): the parent folder and the society's name. */
export function newSociety(_ctx: SocietyContext) {
  return async (parent?: vscode.Uri, name?: string): Promise<vscode.Uri | undefined> => {
    const base =
      parent ??
      vscode.workspace.workspaceFolders?.[0]?.uri ??
      (
        await vscode.window.showOpenDialog({
          canSelectFolders: true,
          canSelectFiles: false,
          openLabel: 'Create the society here',
        })
      )?.[0];
    if (!base) return undefined;
    const title =
      name ??
      (await vscode.window.showInputBox({
        title: 'New Society',
        prompt: 'Name of the society',
        value: 'My society',
        validateInput: (v) => (v.trim() ? undefined : 'Give it a name'),
      }));
    if (!title?.trim()) return undefined;
    const folder = await freeFolder(base, slug(title, 'society'));
    const files = scaffoldSociety(title.trim());
    for (const f of files) {
      await vscode.workspace.fs.writeFile(
        vscode.Uri.joinPath(folder, ...f.path.split('/')),
        new TextEncoder().encode(f.text),
      );
    }
    const scenario = vscode.Uri.joinPath(folder, files[0].path);
    await vscode.window.showTextDocument(scenario);
    return scenario;
  };
}

/** `name`, or `name-2`, `name-3`, … when taken. */
async function freeFolder(base: vscode.Uri, name: string): Promise<vscode.Uri> {
  for (let i = 1; ; i++) {
    const candidate = vscode.Uri.joinPath(base, i === 1 ? name : `${name}-${i}`);
    try {
      await vscode.workspace.fs.stat(candidate);
    } catch {
      return candidate;
    }
    if (i > 999) throw new Error(`no free folder name for ${path.join(base.fsPath, name)}`);
  }
}
