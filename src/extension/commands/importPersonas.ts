// Society: Import Personas… — a thin adapter over core/interop: pick TinyTroupe or OASIS files
// (the kind is read from the files, asked only when they do not say), write the personas and an
// including scenario into a new folder of the workspace, list the warnings, open the scenario.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { detectImportSource, formatImportWarning, importPersonas, type ImportSource } from '../../core/interop';
import { counted } from '../../core/text/counted';
import type { SocietyContext } from '../context';
import { writeEditorFile } from '../writeFile';

const KINDS: { label: string; source: ImportSource; description: string }[] = [
  { label: 'TinyTroupe', source: 'tinytroupe', description: 'agent specs (*.agent.json) and fragments' },
  { label: 'OASIS', source: 'oasis', description: 'Reddit profile JSON or Twitter profile CSV' },
];

let warningsChannel: vscode.OutputChannel | undefined;

async function pickKind(files: { file: string; text: string }[]): Promise<ImportSource | undefined> {
  const detected = new Set(files.map((f) => detectImportSource(f.file, f.text)));
  if (detected.size === 1 && !detected.has(undefined)) return [...detected][0];
  const pick = await vscode.window.showQuickPick(KINDS, {
    title: 'Import Personas',
    placeHolder: 'Which simulator wrote these files?',
  });
  return pick?.source;
}

/** `name`, or `name-2`, … when a folder of that name exists. */
async function freeFolder(base: vscode.Uri, name: string): Promise<vscode.Uri> {
  for (let i = 1; i < 1000; i++) {
    const candidate = vscode.Uri.joinPath(base, i === 1 ? name : `${name}-${i}`);
    try {
      await vscode.workspace.fs.stat(candidate);
    } catch {
      return candidate;
    }
  }
  throw new Error(`no free folder name for ${name}`);
}

/** What a caller may settle instead of asking: the simulator and the scenario's name. */
export interface ImportChoices {
  source?: ImportSource;
  name?: string;
}

/**
 * Arguments are optional (the palette passes none): a file or files to import, as the explorer
 * passes them, and choices that skip the questions. Returns the written scenario.
 */
export function importPersonasCommand(ctx: SocietyContext) {
  return async (
    clicked?: vscode.Uri | vscode.Uri[],
    selected?: vscode.Uri[],
    choices: ImportChoices = {},
  ): Promise<vscode.Uri | undefined> => {
    const given = selected?.length ? selected : Array.isArray(clicked) ? clicked : clicked ? [clicked] : undefined;
    const picked =
      given ??
      (await vscode.window.showOpenDialog({
        canSelectMany: true,
        openLabel: 'Import',
        title: 'Import Personas from TinyTroupe or OASIS',
        filters: { 'Agent and profile files': ['json', 'csv'] },
      }));
    if (!picked?.length) return undefined;
    const sources = await Promise.all(
      picked.map(async (uri) => ({
        file: uri.fsPath,
        text: new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)),
      })),
    );
    const source = choices.source ?? (await pickKind(sources));
    if (!source) return undefined;
    const defaultName = `${source === 'tinytroupe' ? 'TinyTroupe' : 'OASIS'} import`;
    const name =
      choices.name ??
      (await vscode.window.showInputBox({
        title: 'Import Personas',
        prompt: 'Name of the scenario that includes the imported personas',
        value: defaultName,
        validateInput: (v) => (v.trim() ? undefined : 'Give it a name'),
      }));
    if (!name?.trim()) return undefined;
    const result = importPersonas(source, sources, { scenario: name.trim() });
    if (!warningsChannel) {
      warningsChannel = vscode.window.createOutputChannel('Society Import');
      ctx.extension.subscriptions.push(warningsChannel, {
        dispose: () => {
          warningsChannel = undefined;
        },
      });
    }
    warningsChannel.clear();
    for (const w of result.warnings) {
      warningsChannel.appendLine(formatImportWarning({ ...w, file: path.basename(w.file) }));
    }
    if (!result.personas.length) {
      void vscode.window
        .showErrorMessage('No personas found in the chosen files.', 'Show Warnings')
        .then((b) => b && warningsChannel?.show());
      return undefined;
    }
    const base = vscode.workspace.workspaceFolders?.[0]?.uri ?? vscode.Uri.file(path.dirname(picked[0].fsPath));
    const folder = await freeFolder(
      base,
      name
        .trim()
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-+|-+$/g, '') || 'imported',
    );
    for (const f of result.files) {
      await writeEditorFile(vscode.Uri.joinPath(folder, ...f.path.split('/')), new TextEncoder().encode(f.text), base);
    }
    const scenario = vscode.Uri.joinPath(folder, result.files[result.files.length - 1].path);
    await vscode.window.showTextDocument(scenario);
    const summary = `Imported ${counted(result.personas.length, 'persona')} into ${vscode.workspace.asRelativePath(folder)}`;
    if (result.warnings.length) {
      void vscode.window
        .showWarningMessage(`${summary} with ${counted(result.warnings.length, 'warning')}.`, 'Show Warnings')
        .then((b) => b && warningsChannel?.show());
    } else void vscode.window.showInformationMessage(`${summary}.`);
    return scenario;
  };
}
