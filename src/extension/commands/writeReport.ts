// Society: Write Report… — a run's report.html (and its metrics, series and network files), as
// `society report` writes it, by the CLI the extension ships, then opened rendered beside the
// editor (issue 73: no command wrote or opened a report). The run: the one given (explorer, editor
// title), the trace shown in the active society view, or one picked from the runs folder.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { SocietyContext } from '../context';
import { TRACE_FILE } from '../../core/experiment';
import { runBundledCli } from '../cli/bundledCli';
import { requireTrust } from '../trust/guard';
import { PAGE_EDITOR } from '../views/pageEditor';
import { TRACE_EDITOR } from '../views/traceEditor';
import { runChoices } from './compareChoices';
import { runsFolderOf } from './runsFolder';

/** The trace a uri names: a trace file, or a run folder holding one. */
export function traceOf(target: string): string | undefined {
  const st = fs.statSync(target, { throwIfNoEntry: false });
  if (st?.isFile()) return target.endsWith('.jsonl') ? target : undefined;
  const inside = path.join(target, TRACE_FILE);
  return st?.isDirectory() && fs.statSync(inside, { throwIfNoEntry: false })?.isFile() ? inside : undefined;
}

function activeTrace(): string | undefined {
  const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
  return input instanceof vscode.TabInputCustom && input.viewType === TRACE_EDITOR ? input.uri.fsPath : undefined;
}

async function pickRun(): Promise<string | undefined> {
  const dir = runsFolderOf();
  const runs = (dir ? runChoices(dir) : []).filter((c) => c.kind === 'run');
  const browse = { label: '$(folder-opened) Browse…', description: 'a run folder or a trace file', path: '' };
  const choice = await vscode.window.showQuickPick(
    [...runs.map((c) => ({ label: c.name, detail: new Date(c.modified).toLocaleString(), path: c.path })), browse],
    { title: 'Write Report: which run?', placeHolder: 'A run of the runs folder, newest first' },
  );
  if (!choice) return undefined;
  if (choice.path) return choice.path;
  return (
    await vscode.window.showOpenDialog({
      canSelectFiles: true,
      canSelectFolders: true,
      canSelectMany: false,
      openLabel: 'Write Report',
      filters: { 'Run traces': ['jsonl'] },
      ...(dir ? { defaultUri: vscode.Uri.file(dir) } : {}),
    })
  )?.[0]?.fsPath;
}

export function writeReportCommand(ctx: SocietyContext) {
  return async (target?: vscode.Uri): Promise<vscode.Uri | undefined> => {
    if (!requireTrust('report')) return undefined;
    const chosen = target?.fsPath ?? activeTrace() ?? (await pickRun());
    if (!chosen) return undefined;
    const trace = traceOf(chosen);
    if (!trace) {
      void vscode.window.showErrorMessage(
        `${vscode.workspace.asRelativePath(chosen)} is not a run: pick a run folder or its trace.jsonl.`,
      );
      return undefined;
    }
    const folder = path.dirname(trace);
    const shown = vscode.workspace.asRelativePath(folder);
    const r = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `Writing the report of ${shown}…`, cancellable: true },
      (_progress, token) => {
        const stop = new AbortController();
        token.onCancellationRequested(() => stop.abort());
        return runBundledCli(ctx.extension.extensionPath, ['report', trace, '-q'], {
          cwd: folder,
          signal: stop.signal,
        });
      },
    );
    if (r.code !== 0) {
      const why = r.stderr.trim().split('\n').slice(-6).join('\n') || `society report exited ${r.code}`;
      void vscode.window.showErrorMessage(`The report of ${shown} was not written: ${why}`);
      return undefined;
    }
    const report = vscode.Uri.file(path.join(folder, 'report.html'));
    await vscode.commands.executeCommand('vscode.openWith', report, PAGE_EDITOR, vscode.ViewColumn.Active);
    return report;
  };
}
