// A trace as the views consume it: the header, the events so far, and a stream of new batches.
// A run in the editor pushes events into a feed as the engine emits them; a trace file fills a
// feed from disk and keeps following the file while it grows. Batches go out at round ends (or
// after a short delay), so a live view updates per round, not per event. A feed holds whole
// rounds up to the views' byte budget (core/trace/viewBudget.ts) and says where it stopped.
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import type { TraceEvent, TraceHeader } from '../../core/trace/events';
import { TraceLineReader, traceProblemsMessage, type TraceProblem } from '../../core/trace/reader';
import { VIEW_TRACE_LIMIT_MB, ViewBudget } from '../../core/trace/viewBudget';
import type { RunStatus, SocietyDesign, StateDeclarations, TraceSource } from '../../core/protocol/viewMessages';
import { TraceTail } from '../run/traceTail';
import type { PromptLookup } from '../../core/llm/promptLookup';

const FLUSH_MS = 250;
const POLL_MS = 1000;
/** Longest a run waits for its views after a round (a stuck view does not stop the run). */
const CATCH_UP_MS = 1000;

/** A view following a feed that can fall behind (ViewConnection's outbox). */
export interface FeedReader {
  readonly behind: boolean;
  onCaughtUp(listener: () => void): () => void;
}

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

  private readonly budget: ViewBudget;
  private readonly readers = new Set<FeedReader>();

  constructor(
    readonly source: TraceSource,
    readonly live: boolean,
    limitMb = viewTraceLimitMb(),
  ) {
    this.status = live ? 'running' : 'completed';
    this.budget = new ViewBudget(limitMb);
  }

  /** The scenario's declared quantities, where known (a run's; a trace file does not carry them). */
  state?: StateDeclarations;
  /** What the scenario's design says of its network, where known (a run's; a trace file does not say). */
  design?: SocietyDesign;
  /** A live run's model calls as they are made (else the view's prompts come from the run's book). */
  prompts?: PromptLookup;

  setHeader(header: TraceHeader, state?: StateDeclarations, design?: SocietyDesign): void {
    this.header = header;
    this.state = state;
    this.design = design;
  }

  /** The run's run_end went by (kept or, past the budget, not). */
  ended = false;

  /** The run still goes on: running, or paused in the debugger. */
  get going(): boolean {
    return this.status === 'running' || this.status === 'paused';
  }

  /** True once the feed stopped taking events (the trace went past the views' budget). */
  get full(): boolean {
    return this.budget.stopped;
  }

  /** `bytes`: the event's size in the trace, where known (a line read from a file). */
  push(e: TraceEvent, bytes?: number): void {
    if (e.type === 'run_end') this.ended = true;
    const wasFull = this.budget.stopped;
    if (!this.budget.take(e, bytes)) {
      // A live view learns at once that it stopped following; the run itself goes on.
      if (!wasFull && this.live) this.setStatus(this.status);
      return;
    }
    this.events.push(e);
    this.pending.push(e);
    if (e.type === 'round_end' || e.type === 'run_end') this.flush();
    else this.timer ??= setTimeout(() => this.flush(), FLUSH_MS);
  }

  /** Registers a view following the feed (see caughtUp); returns an unregister. */
  follow(reader: FeedReader): () => void {
    this.readers.add(reader);
    return () => this.readers.delete(reader);
  }

  /**
   * Resolves once no view following the feed is behind (more than a message waiting), after
   * `maxMs` at most, or when `signal` aborts. A run in the editor waits for it after each round,
   * so it goes no faster than its view shows it (and Stop is not queued behind a flood of events).
   */
  caughtUp(signal?: AbortSignal, maxMs = CATCH_UP_MS): Promise<void> {
    this.flush();
    const behind = () => [...this.readers].some((r) => r.behind);
    if (!behind() || signal?.aborted) return Promise.resolve();
    return new Promise((resolve) => {
      const offs: (() => void)[] = [];
      const done = () => {
        for (const off of offs) off();
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(done, maxMs);
      for (const r of this.readers) {
        offs.push(
          r.onCaughtUp(() => {
            if (!behind()) done();
          }),
        );
      }
      if (signal) {
        signal.addEventListener('abort', done, { once: true });
        offs.push(() => signal.removeEventListener('abort', done));
      }
    });
  }

  flush(): void {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    if (this.pending.length === 0) return;
    const batch = this.pending;
    this.pending = [];
    this.batches.fire(batch);
  }

  setStatus(status: RunStatus, message?: string): void {
    this.flush();
    this.status = status;
    this.statusMessage = [message, this.budget.note()].filter(Boolean).join('; ') || undefined;
    this.statuses.fire(status);
  }

  /**
   * A feed over a trace file; keeps following the file until it has a run_end. Throws when the
   * file is not a society trace; bad lines further on are reported through `onProblem`.
   */
  static fromFile(file: string, onProblem: (p: TraceProblem) => void = () => undefined): TraceFeed {
    const feed = new TraceFeed({ kind: 'file', label: file.split(/[\\/]/).pop() ?? file, path: file }, false);
    const tail = new TraceTail(file);
    const reading = () => new TraceLineReader(false, (e, _line, size) => feed.push(e, size));
    let reader = reading();
    let reported = 0;
    const readMore = () => {
      tail.drain(
        (line) => reader.line(line),
        () => feed.full,
        () => {
          reader = reading();
        },
      );
      const read = reader.result();
      if (!feed.header && read.header) feed.setHeader(read.header);
      for (; reported < read.errors.length; reported++) onProblem(read.errors[reported]);
      return read;
    };
    const first = readMore();
    if (!first.header) {
      const problem = first.errors[0];
      throw new Error(traceProblemsMessage(file, problem ? [problem] : []));
    }
    feed.flush();
    if (feed.full) {
      feed.setStatus('stopped');
      return feed;
    }
    if (first.complete) return feed;
    feed.status = 'stopped';
    const listener = () => {
      const read = readMore();
      feed.flush();
      if (read.complete) {
        feed.setStatus('completed');
        stop();
      } else if (feed.full) {
        feed.setStatus('stopped');
        stop();
      }
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

/** The `society.views.maxTraceMB` setting (MB of trace a view holds; 0: no limit). */
export function viewTraceLimitMb(): number {
  return vscode.workspace.getConfiguration('society').get<number>('views.maxTraceMB', VIEW_TRACE_LIMIT_MB);
}
