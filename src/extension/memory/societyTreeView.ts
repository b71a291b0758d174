// The "Society Runs" view in the explorer: Runs → Agents → Memories (icons by kind), Ties, Rewards.
// The run shown in the editor is marked; selecting a memory opens the trace at its event.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { MemorySource } from '../../core/memory/memorySource';
import {
  agentNodes,
  groupNodes,
  memoryNodes,
  rewardNodes,
  runProgress,
  tieNodes,
  type Liveness,
  type SocietyNode,
} from '../../core/memory/societyTree';
import { liveTraces } from '../run/liveTraces';
import type { RunsOfWorkspace } from './types';
import { runLabel } from './traceFileSource';
import { nameWithId } from '../../core/text/personNames';

export const TREE_VIEW = 'society.runs';

/** A trace not written by this window (`society run` in a terminal) is taken as running while it changed this recently. */
const OUTSIDE_RUN_QUIET_MS = 60_000;

/** Whether a trace written elsewhere changed recently enough to be taken as running. */
export const freshlyWritten = (mtimeMs: number, now = Date.now()): boolean => now - mtimeMs < OUTSIDE_RUN_QUIET_MS;

/**
 * Whether the run writing `file` may still be going: this window's runs and debug sessions know;
 * for a run folder's trace written elsewhere, the file's age tells. A trace opened from anywhere
 * else (Open Trace) is no run of this window's: it is what it is, as the society view shows it.
 */
export function liveness(file: string | undefined, now = Date.now(), kind?: MemorySource['kind']): Liveness {
  if (!file) return 'running'; // a debug session's source is listed while the session lasts
  if (liveTraces.writing(file)) return 'running';
  if (liveTraces.ended(file) || kind === 'trace') return 'ended';
  try {
    return freshlyWritten(fs.statSync(file).mtimeMs, now) ? 'running' : 'ended';
  } catch {
    return 'ended';
  }
}

/** A run: a trace file of the runs folder, or a source with no file (a debug session). */
export type RunElement = { type: 'run'; id: string; file?: string; source?: MemorySource };
/** A node under a run; `id` is the tree item's id (stable across refreshes, so expansion is kept). */
export type NodeElement = { type: 'node'; id: string; node: SocietyNode; run: RunElement };
export type Element = RunElement | NodeElement;

export class SocietyTree implements vscode.TreeDataProvider<Element> {
  private readonly changes = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changes.event;

  constructor(private readonly hub: RunsOfWorkspace) {}

  refresh(): void {
    this.changes.fire();
  }

  getChildren(element?: Element): Element[] {
    if (!element) return this.roots();
    const run = element.type === 'run' ? element : element.run;
    const source = this.sourceOf(run);
    if (!source?.header) return [];
    const wrap = (nodes: SocietyNode[], parent: string): NodeElement[] =>
      nodes.map((node) => ({ type: 'node', id: `${parent}/${nodeKey(node)}`, node, run }));
    if (element.type === 'run') return wrap(agentNodes(source), run.id);
    const n = element.node;
    if (n.type === 'agent') return wrap(groupNodes(source, n.agent), element.id);
    if (n.type !== 'group') return [];
    if (n.group === 'memories') return wrap(memoryNodes(source, n.agent), element.id);
    if (n.group === 'ties') return wrap(tieNodes(source, n.agent), element.id);
    return wrap(rewardNodes(source, n.agent), element.id);
  }

  getParent(element: Element): Element | undefined {
    return element.type === 'node' && element.node.type === 'agent' ? element.run : undefined;
  }

  getTreeItem(element: Element): vscode.TreeItem {
    if (element.type === 'run') return this.runItem(element);
    const n = element.node;
    const collapsible =
      n.type === 'agent' || n.type === 'group'
        ? vscode.TreeItemCollapsibleState.Collapsed
        : vscode.TreeItemCollapsibleState.None;
    const item = new vscode.TreeItem(n.label, collapsible);
    item.id = element.id;
    item.description = n.description;
    switch (n.type) {
      case 'agent':
        item.iconPath = new vscode.ThemeIcon('person');
        item.contextValue = 'society.agent';
        item.tooltip = `${nameWithId(n.agent, n.label)}: ${n.description}`;
        break;
      case 'group':
        item.iconPath = new vscode.ThemeIcon(
          n.group === 'memories' ? 'database' : n.group === 'ties' ? 'type-hierarchy-sub' : 'graph-line',
        );
        break;
      case 'memory':
        item.iconPath = new vscode.ThemeIcon(n.icon, n.kept ? undefined : new vscode.ThemeColor('disabledForeground'));
        item.tooltip = n.tooltip;
        item.contextValue = 'society.memory';
        if (element.run.file && n.line) {
          item.command = {
            title: 'Reveal in Trace',
            command: 'society.memory.reveal',
            arguments: [element.run.file, n.line],
          };
        }
        break;
      case 'tie':
        item.iconPath = new vscode.ThemeIcon('arrow-swap');
        break;
      case 'reward':
        item.iconPath = new vscode.ThemeIcon('star-empty');
        break;
    }
    return item;
  }

  /** The element of an agent in the run shown (for revealing it from a CodeLens). */
  agentElement(agent: string): Element | undefined {
    const source = this.hub.active;
    const run = source && this.roots().find((r) => r.source === source || (!!r.file && r.file === source.file));
    const node = source && run ? agentNodes(source).find((n) => n.type === 'agent' && n.agent === agent) : undefined;
    return node && run ? { type: 'node', id: `${run.id}/${nodeKey(node)}`, node, run } : undefined;
  }

  private roots(): RunElement[] {
    const runs: RunElement[] = this.hub.runs().map((r) => ({ type: 'run', id: `run:${r.file}`, file: r.file }));
    // Sources that are not a run of the workspace: an opened trace from elsewhere, a debug session.
    for (const s of [...this.hub.sources.all()].reverse()) {
      if (s.file && runs.some((r) => r.file === s.file)) continue;
      runs.unshift(
        s.file
          ? { type: 'run', id: `run:${s.file}`, file: s.file }
          : { type: 'run', id: `source:${s.kind}:${s.label}`, source: s },
      );
    }
    return runs;
  }

  private sourceOf(run: RunElement): MemorySource | undefined {
    return run.source ?? (run.file ? this.hub.load(run.file) : undefined);
  }

  private runItem(run: RunElement): vscode.TreeItem {
    const label = run.file ? runLabel(run.file) : run.source!.label;
    const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.Collapsed);
    item.id = run.id;
    const loaded = run.source ?? (run.file ? this.hub.loadedSource(run.file) : undefined);
    const shown = loaded !== undefined && loaded === this.hub.active;
    const progress = loaded?.header
      ? runProgress(loaded, liveness(run.file ?? loaded.file, Date.now(), loaded.kind))
      : '';
    item.description = [progress, shown ? 'shown in editor' : ''].filter(Boolean).join(' · ');
    item.tooltip = run.file
      ? `${run.file}${loaded?.header ? `\n${loaded.header.scenario.name}, seed ${loaded.header.seed}` : ''}`
      : label;
    item.iconPath = new vscode.ThemeIcon(shown ? 'eye' : loaded?.kind === 'debug' ? 'debug' : 'history');
    item.contextValue = shown ? 'society.run.shown' : 'society.run';
    item.resourceUri = run.file ? vscode.Uri.file(path.dirname(run.file)) : undefined;
    return item;
  }
}

function nodeKey(n: SocietyNode): string {
  switch (n.type) {
    case 'agent':
      return `agent:${n.agent}`;
    case 'group':
      return n.group;
    case 'memory':
      return `memory:${n.id}`;
    case 'tie':
      return `tie:${n.other}`;
    case 'reward':
      return `reward:${n.round}`;
  }
}
