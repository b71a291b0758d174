// Inspecting agent memories where personas are written, as one feature for extension.ts's table:
// the CodeLens above personas, the memory hover, tie inlay hints, the Society tree and the memory
// inspector, all fed by the MemoryHub (the latest run, an opened trace, or — through
// ctx.memory — a paused debug session).
import * as vscode from 'vscode';
import type { SocietyContext } from '../context';
import { SELECTOR } from '../context';
import { INSPECTOR_VIEW, MemoryInspector } from './inspectorPanel';
import { MemoryHub } from './memoryHub';
import { memoryHoverProvider } from './memoryHoverProvider';
import { MemoryLens } from './memoryLens';
import { revealInTrace } from './revealInTrace';
import { SocietyTree, TREE_VIEW } from './societyTreeView';
import { TieInlayHints } from './tieInlayHints';
import { DEBUG_TYPE } from '../debug/configurations';
import { PAUSED_AGENT_REQUEST } from '../../debug/session';

export function registerMemory(ctx: SocietyContext): vscode.Disposable[] {
  const log = vscode.window.createOutputChannel('Society Memories', { log: true });
  const hub = new MemoryHub(ctx.memory, log);
  const tree = new SocietyTree(hub);
  const treeView = vscode.window.createTreeView(TREE_VIEW, { treeDataProvider: tree, showCollapseAll: true });
  const inspector = new MemoryInspector(ctx.extension.extensionUri, log);
  const command = (id: string, fn: (...args: any[]) => unknown) => vscode.commands.registerCommand(id, fn); // eslint-disable-line @typescript-eslint/no-explicit-any
  const agentOf = (arg: unknown): string | undefined =>
    typeof arg === 'string' ? arg : (arg as { node?: { agent?: string } } | undefined)?.node?.agent;
  return [
    log,
    hub,
    treeView,
    inspector,
    hub.onDidChange(() => tree.refresh()),
    hub.onDidForget((source) => inspector.sourceGone(source)),
    // After a window reload VS Code hands back the inspector panel with its saved state.
    vscode.window.registerWebviewPanelSerializer(INSPECTOR_VIEW, {
      async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown) {
        const saved = (state ?? {}) as { file?: unknown; agent?: unknown };
        const source = (typeof saved.file === 'string' && hub.load(saved.file)) || hub.active;
        inspector.restore(
          panel,
          source?.header ? source : undefined,
          typeof saved.agent === 'string' ? saved.agent : undefined,
        );
      },
    }),
    vscode.languages.registerCodeLensProvider(SELECTOR, new MemoryLens(ctx, hub)),
    vscode.languages.registerHoverProvider(SELECTOR, memoryHoverProvider(ctx, hub)),
    vscode.languages.registerInlayHintsProvider(SELECTOR, new TieInlayHints(ctx, hub)),
    command('society.memory.show', async (arg?: unknown) => {
      const element = arg as { run?: { file?: string } } | undefined;
      const source = (element?.run?.file && hub.load(element.run.file)) || hub.active;
      if (!source?.header) {
        void vscode.window.showInformationMessage(
          'No run to inspect yet: run a scenario (Society: Run Simulation) or open a trace.',
        );
        return;
      }
      const agent = agentOf(arg) ?? (await pickAgent(source.stateAt()?.agents, await pausedAgent()));
      if (agent) inspector.show(source, agent);
    }),
    command('society.memory.revealAgent', async (agent: string) => {
      const element = tree.agentElement(agent);
      if (element) await treeView.reveal(element, { select: true, focus: true, expand: true });
    }),
    command('society.memory.reveal', (file: string, line: number) => revealInTrace(file, line)),
    command('society.memory.useRun', (element?: { file?: string }) => {
      if (element?.file) hub.use(element.file);
    }),
    command('society.memory.refresh', () => tree.refresh()),
  ];
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
