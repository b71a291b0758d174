// "Branch Here…": a branch of the run on screen at a round — from the society view's scrubber (its
// trace and round come with the command), from a paused debug session (its trace, the paused
// round), or from a trace the person picks. The edits are picked, then the branch runs as Run does.
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { RunController } from '../run/runController';
import { pausedAt } from '../debug/pausedAt';
import { pickEdits } from './editPick';
import { prepareBranchRun } from './branchRun';

export interface BranchArgs {
  /** The parent's trace file. */
  trace?: string;
  /** The round to branch at (the edits apply at its start). */
  round?: number;
}

export async function branchHere(
  runs: RunController,
  secrets: vscode.SecretStorage,
  args: BranchArgs = {},
): Promise<void> {
  const from: Here | undefined = args.trace
    ? { trace: args.trace, ...(args.round !== undefined ? { round: args.round } : {}) }
    : ((await fromDebugSession()) ?? (await pickTrace()));
  if (!from) return;
  const round = from.round ?? (await askRound());
  if (round === undefined) return;
  const edits = await pickEdits(round, path.basename(path.dirname(from.trace)));
  if (!edits) return;
  await runs.runPrepared(
    () =>
      prepareBranchRun({
        parentTrace: from.trace,
        round,
        edits,
        secrets,
        ...(from.scenario ? { scenarioFile: from.scenario } : {}),
      }),
    from.trace,
  );
}

/** The paused society debug session's trace and round (the branch starts at the paused round). */
interface Here {
  trace: string;
  round?: number;
  /** The scenario file, where the trace's header may not lead to it. */
  scenario?: string;
}

async function fromDebugSession(): Promise<Here | undefined> {
  const session = vscode.debug.activeDebugSession;
  if (session?.type !== 'society' || typeof session.configuration.trace !== 'string') return undefined;
  const stop = pausedAt.get(session.id);
  const scenario = typeof session.configuration.scenario === 'string' ? session.configuration.scenario : undefined;
  return {
    trace: session.configuration.trace,
    ...(stop ? { round: Math.max(1, stop) } : {}),
    ...(scenario ? { scenario } : {}),
  };
}

async function pickTrace(): Promise<Here | undefined> {
  const picked = await vscode.window.showOpenDialog({
    title: 'Branch which run? Pick its trace',
    canSelectMany: false,
    filters: { 'Society trace': ['jsonl'] },
    defaultUri: vscode.workspace.workspaceFolders?.[0]?.uri,
  });
  return picked?.[0] ? { trace: picked[0].fsPath } : undefined;
}

async function askRound(): Promise<number | undefined> {
  const text = await vscode.window.showInputBox({
    title: 'Branch at round',
    prompt: "The round at whose start the edits apply (before it the branch is its parent's run)",
    validateInput: (t) => (/^\s*[1-9]\d*\s*$/.test(t) ? undefined : 'a round number, 1 or more'),
  });
  return text ? Number(text) : undefined;
}
