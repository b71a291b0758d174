// The editor's word on where keys go (core/llm/keyRoute.ts): before a run, a debug session, a
// branch, an experiment or a run tool, each key the scenario would send to a host other than its
// provider's own is asked about in a modal naming both, and the answer "Allow" is remembered for
// the workspace (workspaceState), as the CLI's --allow-key is given per command. A pairing not
// allowed is left out, and the run refuses it with the core's message.
import * as vscode from 'vscode';
import type { ModelConfig, Scenario } from '../../core/format';
import { modelNamed } from '../../core/format';
import { keyAllowances, unallowedKeyRoutes, type KeyRouteAsk } from '../../core/llm/keyRoute';
import { usedModelNames } from '../../core/llm/registry';

const ALLOWED = 'society.allowedKeyRoutes';
let memory: vscode.Memento | undefined;

/** Where the answers are kept: the workspace's state (called once, at activation). */
export function keepKeyRoutesIn(state: vscode.Memento): void {
  memory = state;
}

/** The pairings this workspace allowed so far (`VAR@HOST[:PORT]`). */
export function allowedKeyRoutes(): string[] {
  return memory?.get<string[]>(ALLOWED, []) ?? [];
}

async function ask(a: KeyRouteAsk): Promise<boolean> {
  const answer = await vscode.window.showWarningMessage(
    `Send the key in ${a.env} to ${a.host}?`,
    {
      modal: true,
      detail:
        `Model '${a.model}' of this scenario sends the key held in ${a.env} to ${a.host}, which is not ` +
        `the host that key belongs to. A scenario file can name any host: allow it only if you trust ` +
        `this file and that host. Your answer is remembered for this workspace ` +
        `(in a terminal: --allow-key ${a.allow}).`,
    },
    'Allow',
  );
  return answer === 'Allow';
}

/**
 * The pairings a run of `scenario` may use: those remembered, and those the user allows now. The
 * configs are the scenario's used models, or `configs` when given (an experiment's conditions).
 */
export async function confirmKeyRoutes(scenario: Scenario, configs?: Iterable<ModelConfig>): Promise<string[]> {
  const remembered = allowedKeyRoutes();
  const used = configs ?? usedModelNames(scenario).map((n) => modelNamed(scenario.models, n)!);
  const allowed = [...remembered];
  for (const a of unallowedKeyRoutes(used, keyAllowances(remembered))) if (await ask(a)) allowed.push(a.allow);
  if (allowed.length !== remembered.length) await memory?.update(ALLOWED, allowed);
  return allowed;
}
