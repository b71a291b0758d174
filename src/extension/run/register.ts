// Running simulations in the editor, as one feature for extension.ts's table: the Run / Run with
// Model / Stop / Open Trace / Show Log / Set and Clear API Key / Show View commands, the Run CodeLens, the status bar,
// the "Society" log, the live view panel (restored after reload) and the trace editor.
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { SocietyPanels } from '../views/societyPanel';
import { TRACE_EDITOR, TraceEditorProvider } from '../views/traceEditor';
import { PageEditorProvider } from '../views/pageEditor';
import { clearApiKey, KeyNames, setApiKey } from './apiKeys';
import { RunCodeLens } from './runCodeLens';
import { RunController, type RunArgs } from './runController';
import { requireTrust } from '../trust/guard';
import type { Projects } from '../projects';
import type { ActivityStatus } from './activityStatus';
import { branchHere, type BranchArgs } from '../branch/branchHere';
import { playAgent } from '../play/playAgent';

/** Features that show things in the society panels and the status bar (the debugger) plug in here to share them. */
export type PanelFeature = (
  panels: SocietyPanels,
  log: vscode.LogOutputChannel,
  status: ActivityStatus,
) => vscode.Disposable[];

/** `projects` finds the scenario that includes a persona file, for Run on a persona. */
export function registerRuns(
  extension: vscode.ExtensionContext,
  projects: Projects | undefined,
  status: ActivityStatus,
  ...withPanels: PanelFeature[]
): vscode.Disposable[] {
  const log = vscode.window.createOutputChannel('Society', { log: true });
  const panels = new SocietyPanels(extension.extensionUri, log);
  const runs = new RunController(extension, panels, log, status, projects);
  const keyNames = new KeyNames(extension.globalState);
  const command = (id: string, fn: (...args: any[]) => unknown) => vscode.commands.registerCommand(id, fn); // eslint-disable-line @typescript-eslint/no-explicit-any
  return [
    log,
    panels,
    runs,
    TraceEditorProvider.register(extension.extensionUri, log),
    ...PageEditorProvider.register(),
    vscode.languages.registerCodeLensProvider({ language: 'society', scheme: 'file' }, new RunCodeLens()),
    command('society.run', (uri?: vscode.Uri, args?: RunArgs) => runs.run(uri, args)),
    command('society.runWithModel', (uri?: vscode.Uri) => runs.run(uri, {}, true)),
    command('society.stop', () => runs.stop()),
    command('society.playAgent', (uri?: vscode.Uri, agent?: string) =>
      playAgent(extension.extensionUri, runs, projects, uri, typeof agent === 'string' ? agent : undefined),
    ),
    command('society.showView', () => (panels.visible ? panels.reveal() : openTrace(runs.lastTrace))),
    command('society.openTrace', (uri?: vscode.Uri) => openTrace(uri?.fsPath, runs.lastTrace)),
    command('society.showLog', () => log.show()),
    // From the explorer a trace file comes as its Uri; from the society view, its trace and round.
    command('society.branchHere', (args?: BranchArgs | vscode.Uri) =>
      branchHere(runs, extension.secrets, args instanceof vscode.Uri ? { trace: args.fsPath } : args),
    ),
    command(
      'society.setApiKey',
      (envName?: string) =>
        requireTrust('apiKey') && setApiKey(extension.secrets, typeof envName === 'string' ? [envName] : [], keyNames),
    ),
    // Removing a key is safe in Restricted Mode too: no trust needed.
    command('society.clearApiKey', () => clearApiKey(extension.secrets, keyNames)),
    ...withPanels.flatMap((feature) => feature(panels, log, status)),
  ];
}

/** Opens a trace in the society view: the given file, or one the user picks (last run first). */
async function openTrace(file?: string, last?: string): Promise<void> {
  let target = file && fs.existsSync(file) ? vscode.Uri.file(file) : undefined;
  if (!target) {
    const picked = await vscode.window.showOpenDialog({
      title: 'Open a society trace',
      canSelectMany: false,
      filters: { 'Society trace': ['jsonl'] },
      defaultUri: last ? vscode.Uri.file(last) : vscode.workspace.workspaceFolders?.[0]?.uri,
    });
    target = picked?.[0];
  }
  if (target) await vscode.commands.executeCommand('vscode.openWith', target, TRACE_EDITOR);
}
