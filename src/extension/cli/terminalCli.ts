// `society` in VS Code's terminals (issue 73): the walkthrough, the scaffolds and the docs print
// `society …`, which failed in a VS Code terminal (the package is not published, and a bare
// `npx society` would fetch an unrelated package of that name). The extension writes a small
// launcher for the CLI it ships into its storage, run by VS Code's own Node, and puts that folder
// first on the terminals' PATH (environmentVariableCollection, as the Python and Java extensions
// contribute theirs). New terminals get it; VS Code offers to relaunch open ones.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { bundledCliPath } from './bundledCli';
import { launchers } from './launchers';
import { writeFileSafely } from '../../core/files/safeWrite';

export function registerTerminalCli(ctx: { extension: vscode.ExtensionContext }): vscode.Disposable[] {
  const dir = path.join(ctx.extension.globalStorageUri.fsPath, 'bin');
  try {
    fs.mkdirSync(dir, { recursive: true });
    for (const [name, text] of Object.entries(
      launchers(process.execPath, bundledCliPath(ctx.extension.extensionPath)),
    )) {
      const file = path.join(dir, name);
      // Rewritten only when it changed (a new VS Code or extension version moves the paths).
      if (fs.readFileSync(file, { encoding: 'utf8', flag: 'a+' }) !== text) writeFileSafely(file, text);
      fs.chmodSync(file, 0o755);
    }
  } catch {
    return []; // storage not writable: the terminal just has no `society`
  }
  const env = ctx.extension.environmentVariableCollection;
  env.description = new vscode.MarkdownString("Puts Society Studio's `society` command on the terminal's PATH.");
  env.prepend('PATH', `${dir}${path.delimiter}`);
  return [];
}
