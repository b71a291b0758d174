// Society: New Society — a new folder of the workspace holding a ready-to-run society, its scenario
// opened: the small friendship starter (core/format/service/scaffold.ts), or one of the paradigms
// the studio ships (public goods, ultimatum, trust, commons, town, team, …) renamed to its name.
import * as vscode from 'vscode';
import { scaffoldSociety, shippedExamples, slug } from '../../core/format';
import type { SocietyContext } from '../context';
import { copyExample, examplesFolder, freeFolder, pickExample } from './examples';
import { writeEditorFile } from '../writeFile';

const STARTER: vscode.QuickPickItem = {
  label: 'Friendship starter',
  description: 'blank',
  detail: 'Four personas who meet, talk, rate each other and form ties (the seed paper), to build on.',
};

/**
 * Arguments are optional (the palette passes none): the parent folder, the society's name and the
 * paradigm (an example's id; absent: asked, 'starter' for the small friendship starter).
 */
export function newSociety(ctx: SocietyContext) {
  return async (parent?: vscode.Uri, name?: string, paradigm?: string): Promise<vscode.Uri | undefined> => {
    const kind =
      paradigm === 'starter'
        ? 'first'
        : (shippedExamples(examplesFolder(ctx)).find((e) => e.id === paradigm) ??
          (await pickExample(ctx, { title: 'New Society: what kind of society?', first: STARTER })));
    if (!kind) return undefined;
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
    if (kind !== 'first') {
      const scenario = await copyExample(kind, folder, title.trim());
      await vscode.window.showTextDocument(scenario);
      return scenario;
    }
    const files = scaffoldSociety(title.trim());
    for (const f of files) {
      await writeEditorFile(vscode.Uri.joinPath(folder, ...f.path.split('/')), new TextEncoder().encode(f.text), base);
    }
    const scenario = vscode.Uri.joinPath(folder, files[0].path);
    await vscode.window.showTextDocument(scenario);
    return scenario;
  };
}
