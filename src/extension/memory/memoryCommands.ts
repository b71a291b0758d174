// The memory commands of commands/table.ts: show an agent's memories (picked, or the one a paused
// debug session stands at), reveal an agent in the Society tree or a memory's line in its trace,
// use a run, refresh the tree.
import * as vscode from 'vscode';
import type { MemoryViews } from './memoryViews';
import { DEBUG_TYPE } from '../debug/configurations';
import { PAUSED_AGENT_REQUEST } from '../../debug/session';

const agentOf = (arg: unknown): string | undefined =>
  typeof arg === 'string' ? arg : (arg as { node?: { agent?: string } } | undefined)?.node?.agent;

/** Society: Show Agent Memories — from the tree (a node or a run), the society view (an id) or the palette. */
export async function showMemories(views: MemoryViews, arg?: unknown): Promise<void> {
  const element = arg as { run?: { file?: string } } | undefined;
  const source = (element?.run?.file && views.hub.load(element.run.file)) || views.hub.active;
  if (!source?.header) {
    void vscode.window.showInformationMessage(
      'No run to inspect yet: run a scenario (Society: Run Simulation) or open a trace.',
    );
    return;
  }
  const agent = agentOf(arg) ?? (await pickAgent(source.stateAt()?.agents, await pausedAgent()));
  if (agent) views.inspector.show(source, agent);
}

/** Selects an agent's node in the Society tree. */
export async function revealAgent(views: MemoryViews, agent: string): Promise<void> {
  const element = views.tree.agentElement(agent);
  if (element) await views.treeView.reveal(element, { select: true, focus: true, expand: true });
}

async function pickAgent(
  agents: ReadonlyMap<string, { persona: { name?: string } }> | undefined,
  paused?: string,
): Promise<string | undefined> {
  const items = [...(agents?.entries() ?? [])].map(([id, a]) => ({
    label: a.persona.name ?? id,
    description: id === paused ? `${id} · paused here` : id,
    id,
  }));
  // The agent a paused debug session stands at comes first, so Enter picks it.
  items.sort((a, b) => Number(b.id === paused) - Number(a.id === paused));
  return (await vscode.window.showQuickPick(items, { title: 'Show the memories of', matchOnDescription: true }))?.id;
}

/** The agent the active society debug session is paused at, if any (asked of the adapter; never waits long). */
async function pausedAgent(): Promise<string | undefined> {
  const session = vscode.debug.activeDebugSession;
  if (session?.type !== DEBUG_TYPE) return undefined;
  try {
    const answer = (await Promise.race([
      session.customRequest(PAUSED_AGENT_REQUEST),
      new Promise((r) => setTimeout(r, 500)),
    ])) as { agent?: unknown } | undefined;
    return typeof answer?.agent === 'string' ? answer.agent : undefined;
  } catch {
    return undefined;
  }
}
