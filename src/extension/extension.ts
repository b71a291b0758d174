// Society Studio's entry point. Everything the extension offers is listed in two tables —
// features (providers, controllers) here and commands in commands/table.ts — so a new capability is
// one entry and one file beside it. Activation only registers; projects load in the background.
import * as vscode from 'vscode';
import { keepKeyRoutesIn } from './run/keyRoutes';
import type { SocietyContext } from './context';
import { Projects } from './projects';
import { SocietyDiagnostics } from './diagnostics';
import { registerCompletion } from './language/completion';
import { registerHover } from './language/hover';
import { registerHighlights } from './language/highlights';
import { registerNavigation } from './language/navigation';
import { registerRename } from './language/rename';
import { registerOutline } from './language/outline';
import { registerCodeActions } from './language/codeActions';
import { registerDiagnosticDocs } from './language/diagnosticDocs';
import { registerTerminalCli } from './cli/terminalCli';
import { registerRuns } from './run/register';
import { COMMANDS } from './commands/table';
import { registerDebugger } from './debug/register';
import { registerMemory } from './memory/register';
import { registerTrust } from './trust/register';
import { registerLanguageModelTools } from './tools/register';
import { MemorySources } from '../core/memory/memorySources';
import { ActivityStatus } from './run/activityStatus';
import { pushAll } from '../core/text/pushAll';
import { registerCompareRestore } from './commands/comparePanels';
import { comparisonPage } from './commands/compareRuns';

/** A feature registers providers or listeners and returns what to dispose on deactivation. */
export type Feature = (ctx: SocietyContext) => vscode.Disposable | vscode.Disposable[];

const features: Record<string, Feature> = {
  completion: registerCompletion,
  hover: registerHover,
  highlights: registerHighlights,
  navigation: registerNavigation,
  rename: registerRename,
  outline: registerOutline,
  codeActions: registerCodeActions,
  diagnosticDocs: registerDiagnosticDocs,
  terminalCli: registerTerminalCli,
  // The debugger shares the run panel: the society view follows the debugged run.
  runs: (ctx) => registerRuns(ctx, (panels, log, status) => registerDebugger(ctx, panels, log, status)),
  memory: registerMemory,
  trust: registerTrust,
  languageModelTools: registerLanguageModelTools,
  // Comparison tabs come back after Reload Window, compared again from what they compared.
  compareRestore: (ctx) => registerCompareRestore(ctx, comparisonPage),
};

export function activate(extension: vscode.ExtensionContext): SocietyContext {
  const projects = new Projects();
  const diagnostics = new SocietyDiagnostics(projects);
  const status = new ActivityStatus();
  const ctx: SocietyContext = { extension, projects, diagnostics, memory: new MemorySources(), status };
  extension.subscriptions.push(projects, diagnostics, status);
  keepKeyRoutesIn(extension.workspaceState);
  // One feature failing to register must not take the others down with it.
  for (const [name, feature] of Object.entries(features)) {
    try {
      pushAll(extension.subscriptions, [feature(ctx)].flat());
    } catch (err) {
      void vscode.window.showErrorMessage(
        `Society Studio: the ${name} feature failed to start: ${err instanceof Error ? err.message : String(err)}`,
      );
    }
  }
  for (const [id, { make }] of Object.entries(COMMANDS)) {
    extension.subscriptions.push(vscode.commands.registerCommand(id, make(ctx)));
  }
  extension.subscriptions.push(
    vscode.workspace.onDidChangeWorkspaceFolders((e) => {
      for (const f of e.removed) {
        const p = projects.drop(f.uri.fsPath);
        if (p) diagnostics.clear(p);
      }
      projects.loadWorkspace();
    }),
  );
  // Problems for the whole workspace, like a compiler; after activation returns.
  setTimeout(() => projects.loadWorkspace(), 0);
  return ctx;
}

export function deactivate(): void {}
