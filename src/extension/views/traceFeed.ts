// A trace as the views consume it: the header, the events so far, and a stream of new batches.
// A run in the editor pushes events into a feed as the engine emits them; a trace file fills a
// feed from disk and keeps following the file while it grows. Batches go out at round ends (or
// after a short delay), so a live view updates per round, not per event.
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import type { TraceEvent, TraceHeader } from '../../core/trace/events';
import { TraceLineReader, type TraceProblem } from '../../core/trace/reader';
import type { RunStatus, TraceSource } from '../../core/protocol/viewMessages';
import { TraceTail } from '../run/traceTail';

const FLUSH_MS = 250;
const POLL_MS = 1000;

export class TraceFeed implements vscode.Disposable {
  header?: TraceHeader;
  readonly events: TraceEvent[] = [];
  status: RunStatus;
  statusMessage?: string;
  private pending: TraceEvent[] = [];
  private timer?: ReturnType<typeof setTimeout>;
  private readonly batches = new vscode.EventEmitter<TraceEvent[]>();
  private readonly statuses = new vscode.EventEmitter<RunStatus>();
  private readonly disposers: (() => void)[] = [];
  readonly onEvents = this.batches.event;
  readonly onStatus = this.statuses.event;

  constructor(readonly source: TraceSource, readonly live: boolean) {
    this.status = live ? 'running' : 'completed';
  }

  setHeader(header: TraceHeader): void { this.header = header; }

  push(e: TraceEvent): void {
    this.events.push(e);
    this.pending.push(e);
    if (e.type === 'round_end' || e.type === 'run_end') this.flush();
    else this.timer ??= setTimeout(() => this.flush(), FLUSH_MS);
  }

  flush(): void {
    if (this.timer) { clearTimeout(this.timer); this.timer = undefined; }
    if (this.pending.length === 0) return;
    const batch = this.pending;
    this.pending = [];
    this.batches.fire(batch);
  }

  setStatus(status: RunStatus, message?: string): void {
    this.flush();
    this.status = status;
    this.statusMessage = message;
    this.statuses.fire(status);
  }

  /**
   * A feed over a trace file; keeps following the file until it has a run_end. Throws when the
   * file is not a society trace; bad lines further on are reported through `onProblem`.
   */
  static fromFile(file: string, onProblem: (p: TraceProblem) => void = () => undefined): TraceFeed {
    const feed = new TraceFeed({ kind: 'file', label: file.split(/[\\/]/).pop() ?? file, path: file }, false);
    const tail = new TraceTail(file);
    let reader = new TraceLineReader(false, (e) => feed.push(e));
    let reported = 0;
    const readMore = () => {
      const { lines, reset } = tail.read();
      if (reset) reader = new TraceLineReader(false, (e) => feed.push(e));
      for (const line of lines) reader.line(line);
      const read = reader.result();
      if (!feed.header && read.header) feed.setHeader(read.header);
      for (; reported < read.errors.length; reported++) onProblem(read.errors[reported]);
      return read;
    };
    const first = readMore();
    if (!first.header) {
      const problem = first.errors[0];
      throw new Error(problem ? `${file}:${problem.line}: ${problem.message}` : `${file}: not a society trace`);
    }
    feed.flush();
    if (first.complete) return feed;
    feed.status = 'stopped';
    const listener = () => {
      const read = readMore();
      feed.flush();
      if (read.complete) { feed.setStatus('completed'); stop(); }
    };
    const stop = () => fs.unwatchFile(file, listener);
    fs.watchFile(file, { interval: POLL_MS }, listener);
    feed.disposers.push(stop);
    return feed;
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    for (const d of this.disposers) d();
    this.batches.dispose();
    this.statuses.dispose();
  }
}
