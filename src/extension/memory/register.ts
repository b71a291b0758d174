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
import { SocietyTree, TREE_VIEW } from './societyTreeView';
import { TieInlayHints } from './tieInlayHints';

export function registerMemory(ctx: SocietyContext): vscode.Disposable[] {
  const log = vscode.window.createOutputChannel('Society Memories', { log: true });
  const hub = new MemoryHub(ctx.memory, log);
  const tree = new SocietyTree(hub);
  const treeView = vscode.window.createTreeView(TREE_VIEW, { treeDataProvider: tree, showCollapseAll: true });
  const inspector = new MemoryInspector(ctx.extension.extensionUri, log);
  ctx.memoryViews = { hub, tree, treeView, inspector };
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
  ];
}
