// Keeps the editor's memory sources: finds the runs of the workspace (the runs folder of every
// workspace folder, `<runs>/*/trace.jsonl`), makes the newest one the source shown, switches to a
// run as soon as its trace appears (a run in the editor or `society run` in a terminal), shows a
// trace opened in the society view while its tab is open, and tells the CodeLens, hover, inlay
// hints, tree and inspector when anything changed — at most every DEBOUNCE_MS. The runs folders
// are polled (a directory listing every POLL_MS): file watchers proved unreliable for folders
// created after start-up (code-server did not report them), and a listing is cheap.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { MemorySource } from '../../core/memory/memorySource';
import type { TraceHeader } from '../../core/trace/events';
import type { MemorySources } from '../../core/memory/memorySources';
import { TRACE_FILE } from '../run/runFolder';
import { TRACE_EDITOR } from '../views/traceEditor';
import { viewTraceLimitMb } from '../views/traceFeed';
import { openTraceFile, type TraceFileSource } from './traceFileSource';
import { liveTraces } from '../run/liveTraces';
import { freshlyWritten } from './societyTreeView';
import type { RunEntry, RunsOfWorkspace } from './types';

const DEBOUNCE_MS = 250;
const POLL_MS = 2000;

export class MemoryHub implements RunsOfWorkspace, vscode.Disposable {
  private readonly loaded = new Map<string, TraceFileSource>();
  /** Traces that could not be read (too large, not a trace), so they are not tried and reported again every poll. */
  private readonly refused = new Set<string>();
  private latest?: string;
  private latestMtime = -Infinity;
  /** The header of the latest run's trace when it was shown: another one means the folder was run again. */
  private latestHeader?: TraceHeader;
  private opened?: string;
  private known = '';
  /** The runs whose files changed within the quiet period, at the last poll. */
  private fresh = '';
  private readonly poller: ReturnType<typeof setInterval>;
  private readonly disposables: vscode.Disposable[] = [];
  private readonly changes = new vscode.EventEmitter<void>();
  private timer?: ReturnType<typeof setTimeout>;
  /** Something shown changed (debounced). */
  readonly onDidChange = this.changes.event;
  private readonly forgotten = new vscode.EventEmitter<MemorySource>();
  /** A run's trace was deleted: whatever shows its source should say so. */
  readonly onDidForget = this.forgotten.event;

  constructor(
    readonly sources: MemorySources,
    private readonly log: vscode.LogOutputChannel,
  ) {
    const unsubscribe = sources.onChange(() => this.changed());
    this.disposables.push({ dispose: unsubscribe }, this.changes, this.forgotten);
    // A run or debug session of this window ended: its trace is no longer "running".
    this.disposables.push({ dispose: liveTraces.onChange(() => this.changed()) });
    this.disposables.push(vscode.window.tabGroups.onDidChangeTabs(() => this.followTraceTab()));
    // After activation returns: reading the latest trace is not activation work.
    setTimeout(() => this.poll(true), 0);
    this.poller = setInterval(() => this.poll(false), POLL_MS);
  }

  get active(): MemorySource | undefined {
    return this.sources.active;
  }

  /** Trace files in the runs folders, newest first. */
  runs(): RunEntry[] {
    const out: RunEntry[] = [];
    for (const dir of runsFolders()) {
      let names: string[];
      try {
        names = fs.readdirSync(dir);
      } catch {
        continue;
      }
      for (const name of names) {
        const file = path.join(dir, name, TRACE_FILE);
        try {
          out.push({ file, mtime: fs.statSync(file).mtimeMs });
        } catch {
          /* not a run folder */
        }
      }
    }
    return out.sort((a, b) => b.mtime - a.mtime);
  }

  /**
   * The source of a trace file, read once and kept while the window lives (runs are small enough).
   * `quiet`: a failure is only logged (the society view that opened the file says it already).
   */
  load(file: string, quiet = false): MemorySource | undefined {
    let entry = this.loaded.get(file);
    if (!entry) {
      if (this.refused.has(file)) return undefined;
      try {
        entry = openTraceFile(
          file,
          runsFolders().some((d) => path.dirname(path.dirname(file)) === d) ? 'run' : 'trace',
          viewTraceLimitMb(),
        );
      } catch (err) {
        const message = err instanceof Error ? err.message : String(err);
        this.refused.add(file);
        this.log.warn(`cannot read ${file}: ${message}`);
        if (!quiet) void vscode.window.showWarningMessage(`Society Studio shows no memories of this run: ${message}`);
        return undefined;
      }
      this.loaded.set(file, entry);
      entry.source.onChange(() => {
        if (entry!.source !== this.active) this.changed();
      });
    }
    return entry.source;
  }

  /** The source of a trace file if it was read already (the tree does not read every run to list it). */
  loadedSource(file: string): MemorySource | undefined {
    return this.loaded.get(file)?.source;
  }

  /** Shows a run's memories in the editor (from the Society tree). */
  use(file: string): void {
    const source = this.load(file);
    if (source) this.sources.use(source);
  }

  /** Looks for new, changed or deleted runs; the first look only picks the newest run to show. */
  private poll(first: boolean): void {
    const runs = this.runs();
    const listing = runs.map((r) => r.file).join('\n');
    // A run written elsewhere counts as running while its file is fresh (societyTreeView.ts
    // liveness): when one goes quiet, the tree must say "stopped" without a click on Refresh.
    const now = Date.now();
    const fresh = runs
      .filter((r) => freshlyWritten(r.mtime, now))
      .map((r) => r.file)
      .join('\n');
    if (fresh !== this.fresh) {
      this.fresh = fresh;
      this.changed();
    }
    if (listing !== this.known) {
      for (const file of this.refused) if (!fs.existsSync(file)) this.refused.delete(file);
      for (const file of this.loaded.keys()) {
        if (!runs.some((r) => r.file === file) && !fs.existsSync(file)) this.forget(file);
      }
      this.known = listing;
      this.changed();
    }
    const newest = runs[0];
    // A newer trace is a run that just started: show it (it is followed as it grows).
    if (newest && newest.file !== this.latest && newest.mtime > this.latestMtime) this.showLatest(newest, !first);
    else if (newest && newest.file === this.latest) this.followRerun(newest.file);
  }

  /**
   * The latest run's folder written anew (`society run` into the same --out, its default) is a run
   * that just started too: shown again even if another run was picked meanwhile. A new run gives
   * the source a new header (traceFileSource.ts starts over).
   */
  private followRerun(file: string): void {
    const source = this.loaded.get(file)?.source;
    if (!source?.header || source.header === this.latestHeader) return;
    const first = this.latestHeader === undefined;
    this.latestHeader = source.header;
    if (!first && this.sources.active !== source && this.sources.active?.kind !== 'debug') this.sources.use(source);
  }

  private showLatest(run: RunEntry, onTop: boolean): void {
    const previous = this.latest ? this.loaded.get(this.latest)?.source : undefined;
    const source = this.load(run.file);
    if (!source) return;
    this.latest = run.file;
    this.latestMtime = run.mtime;
    this.latestHeader = source.header;
    this.log.info(`memories from ${run.file}`);
    // A paused debug session stays what the editor shows: its run's file is followed beneath it.
    if (onTop && this.sources.active?.kind !== 'debug') this.sources.use(source);
    else this.sources.replace(previous, source);
  }

  /** Drops a cached source whose file was deleted. */
  private forget(file: string): void {
    const entry = this.loaded.get(file);
    if (!entry) return;
    entry.dispose();
    this.loaded.delete(file);
    this.sources.release(entry.source);
    this.forgotten.fire(entry.source);
    if (this.latest === file) {
      this.latest = undefined;
      this.latestMtime = -Infinity;
      this.latestHeader = undefined;
    }
  }

  /** A trace opened in the society view is shown from when its tab is active until it is closed. */
  private followTraceTab(): void {
    const traceOf = (tab: vscode.Tab | undefined) =>
      tab?.input instanceof vscode.TabInputCustom && tab.input.viewType === TRACE_EDITOR
        ? tab.input.uri.fsPath
        : undefined;
    if (this.opened && !vscode.window.tabGroups.all.some((g) => g.tabs.some((t) => traceOf(t) === this.opened))) {
      const source = this.loaded.get(this.opened)?.source;
      this.opened = undefined;
      if (source && this.latest !== source.file) this.sources.release(source);
    }
    const file = traceOf(vscode.window.tabGroups.activeTabGroup.activeTab);
    if (!file || file === this.opened) return;
    this.opened = file;
    // The trace editor reports a file that is not a trace (one notification, not two).
    const source = this.load(file, true);
    if (source) this.sources.use(source);
  }

  changed(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.changes.fire();
    }, DEBOUNCE_MS);
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    clearInterval(this.poller);
    for (const d of this.disposables) d.dispose();
    for (const entry of this.loaded.values()) entry.dispose();
  }
}

/** The runs folder of every workspace folder (an absolute setting names one folder). */
export function runsFolders(): string[] {
  const runsFolder = vscode.workspace.getConfiguration('society').get<string>('runsFolder', 'runs');
  if (path.isAbsolute(runsFolder)) return [runsFolder];
  return (vscode.workspace.workspaceFolders ?? [])
    .filter((f) => f.uri.scheme === 'file')
    .map((f) => path.join(f.uri.fsPath, runsFolder));
}
