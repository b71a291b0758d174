// The shipped examples in the editor (issue 73: only the friendship paradigm was reachable without
// cloning the repository). Society: Open Example… copies one into the workspace as it is (but for
// its commands, which name the copy); Society: New Society offers the same paradigms as starting
// points, renamed to the society's name. The examples ship in the .vsix (examples/), read by
// core/format/service/exampleCatalog.ts.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { exampleCopy, shippedExamples, type ShippedExample } from '../../core/format';
import type { SocietyContext } from '../context';
import { writeEditorFile } from '../writeFile';

export function examplesFolder(ctx: SocietyContext): string {
  return path.join(ctx.extension.extensionPath, 'examples');
}

/** A quick pick of the examples; undefined when dismissed. */
export async function pickExample(
  ctx: SocietyContext,
  o: { title: string; first?: vscode.QuickPickItem },
): Promise<ShippedExample | 'first' | undefined> {
  const items: (vscode.QuickPickItem & { example?: ShippedExample })[] = shippedExamples(examplesFolder(ctx)).map(
    (e) => ({ label: e.name, description: e.id, detail: e.description, example: e }),
  );
  const choice = await vscode.window.showQuickPick(o.first ? [o.first, ...items] : items, {
    title: o.title,
    matchOnDescription: true,
  });
  if (!choice) return undefined;
  const example = (choice as { example?: ShippedExample }).example;
  return example ?? 'first';
}

/** `name`, or `name-2`, `name-3`, … when taken. */
export async function freeFolder(base: vscode.Uri, name: string): Promise<vscode.Uri> {
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

/**
 * Copies the example's folder into `folder` (which does not exist yet) and gives its scenario;
 * `title` renames the scenario (a new society made from it). Its commands name the copy as a
 * terminal of the workspace would (core's exampleCopy).
 */
export async function copyExample(example: ShippedExample, folder: vscode.Uri, title?: string): Promise<vscode.Uri> {
  for (const f of exampleCopy(example, { folder: vscode.workspace.asRelativePath(folder, false), title })) {
    await writeEditorFile(vscode.Uri.joinPath(folder, ...f.path.split('/')), f.bytes, folder);
  }
  return vscode.Uri.joinPath(folder, path.basename(example.scenario));
}

async function workspaceBase(): Promise<vscode.Uri | undefined> {
  return (
    vscode.workspace.workspaceFolders?.[0]?.uri ??
    (
      await vscode.window.showOpenDialog({ canSelectFolders: true, canSelectFiles: false, openLabel: 'Copy it here' })
    )?.[0]
  );
}

/** Society: Open Example… — an example copied into the workspace, its scenario opened. */
export function openExampleCommand(ctx: SocietyContext) {
  return async (id?: string): Promise<vscode.Uri | undefined> => {
    const chosen =
      shippedExamples(examplesFolder(ctx)).find((e) => e.id === id) ??
      (await pickExample(ctx, { title: 'Open Example: a society the studio ships, copied into the workspace' }));
    if (!chosen || chosen === 'first') return undefined;
    const base = await workspaceBase();
    if (!base) return undefined;
    const scenario = await copyExample(chosen, await freeFolder(base, chosen.id));
    await vscode.window.showTextDocument(scenario);
    return scenario;
  };
}
