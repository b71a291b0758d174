import type * as vscode from 'vscode';
import type { MemoryHub } from './memoryHub';
import type { MemoryInspector } from './inspectorPanel';
import type { Element, SocietyTree } from './societyTreeView';

/** What the memory commands (commands/table.ts) act on, kept on the context once the feature starts. */
export interface MemoryViews {
  readonly hub: MemoryHub;
  readonly tree: SocietyTree;
  readonly treeView: vscode.TreeView<Element>;
  readonly inspector: MemoryInspector;
}
