// Running simulations in the editor, as one feature for extension.ts's table: the run controller
// the run commands act on (commands/table.ts), the Run CodeLens, the "Society" log, the live view
// panel (restored after reload), the trace editor and the saved-page editor.
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { SocietyPanels } from '../views/societyPanel';
import { TRACE_EDITOR, TraceEditorProvider } from '../views/traceEditor';
import { PageEditorProvider } from '../views/pageEditor';
import { KeyNames } from './apiKeys';
import { RunCodeLens } from './runCodeLens';
import { RunController } from './runController';
import type { SocietyContext } from '../context';
import type { ActivityStatus } from './activityStatus';

/** Features that show things in the society panels and the status bar (the debugger) plug in here to share them. */
export type PanelFeature = (
  panels: SocietyPanels,
  log: vscode.LogOutputChannel,
  status: ActivityStatus,
) => vscode.Disposable[];

/** `ctx.projects` finds the scenario that includes a persona file, for Run on a persona. */
export function registerRuns(ctx: SocietyContext, ...withPanels: PanelFeature[]): vscode.Disposable[] {
  const { extension, projects, status } = ctx;
  const log = vscode.window.createOutputChannel('Society', { log: true });
  const panels = new SocietyPanels(extension.extensionUri, log);
  const runs = new RunController(extension, panels, log, status, projects);
  ctx.runs = { runs, panels, log, keyNames: new KeyNames(extension.globalState) };
  return [
    log,
    panels,
    runs,
    TraceEditorProvider.register(extension.extensionUri, log),
    PageEditorProvider.register(),
    vscode.languages.registerCodeLensProvider({ language: 'society', scheme: 'file' }, new RunCodeLens()),
    ...withPanels.flatMap((feature) => feature(panels, log, status)),
  ];
}

/** Opens a trace in the society view: the given file, or one the user picks (last run first). */
export async function openTrace(file?: string, last?: string): Promise<void> {
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
