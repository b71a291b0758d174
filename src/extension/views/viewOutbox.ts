// What goes to one society view, sent one message at a time. A webview message travels over the
// same channel as every other reply of the extension host (commands, completions, the progress
// notification's Cancel): an offline run of 16 agents makes ~130 KB of trace a round, ten rounds
// a second, more than a browser takes in, and posting each round at once queued tens of MB
// there — Stop and completions then waited ~15 s behind them. So a message is posted only after
// the previous one was taken; events that come meanwhile are joined into one message of at most
// `maxEvents` (a reply waits behind one such message at most), and the view catches up in fewer,
// larger batches. After a message was taken the outbox waits about as long as it took (30 ms to
// 1 s): a busy browser — the view renders on the workbench's own thread — gets time for the
// workbench in between. A run in the editor waits for its view (TraceFeed.caughtUp), so it goes
// no faster than the view can show it. Order is kept: a status or highlight follows the events
// posted before it. A view still opening (its page loading in the browser) counts as behind too,
// for a few seconds at most: else a run raced ~20 rounds ahead of a view that opened in 3 s, and
// the view stayed blank while that backlog arrived. Editor-free, so it is tested without VS Code.
import type { HostMessage } from '../../core/protocol/viewMessages';
import type { TraceEvent } from '../../core/trace/events';
import { pushAll } from '../../core/text/pushAll';

/** Events in one message at most (~500 KB of trace). */
export const MAX_EVENTS_PER_MESSAGE = 2000;
/** Bounds of the pause after a message was taken (ms). */
export const MIN_GAP_MS = 30;
export const MAX_GAP_MS = 1000;
/** Longest a view still opening is waited for (a panel opened in a hidden tab opens only when shown). */
export const OPENING_MS = 10_000;

export class ViewOutbox {
  private queue: HostMessage[] = [];
  private inFlight = false;
  private resting = false;
  private closed = false;
  private opening = false;
  private readonly drained = new Set<() => void>();

  /**
   * `send` posts one message and settles once the webview side took it (webview.postMessage).
   * `later(f, ms)` runs the next send after a pause; `now` is the clock (ms).
   */
  constructor(
    private readonly send: (m: HostMessage) => PromiseLike<unknown>,
    private readonly maxEvents = MAX_EVENTS_PER_MESSAGE,
    private readonly later: (f: () => void, ms: number) => void = (f, ms) => {
      setTimeout(f, ms);
    },
    private readonly now: () => number = Date.now,
  ) {}

  /** Messages waiting (not the one in flight). */
  get waiting(): number {
    return this.queue.length;
  }

  /** A message was posted and not yet taken. */
  get busy(): boolean {
    return this.inFlight;
  }

  /** More than the message in flight is waiting, or the view is still opening: the view is behind. */
  get behind(): boolean {
    return this.opening || this.queue.length > 0;
  }

  /** The view's page is loading: it is behind until `viewReady`, or for `maxMs` at most. */
  awaitView(maxMs = OPENING_MS): void {
    this.opening = true;
    this.later(() => this.viewReady(), maxMs);
  }

  /** The view said it is ready (or was waited for long enough). */
  viewReady(): void {
    if (!this.opening) return;
    this.opening = false;
    this.caughtUp();
  }

  /** Calls `listener` whenever the outbox stops being behind; returns an unsubscribe. */
  onCaughtUp(listener: () => void): () => void {
    this.drained.add(listener);
    return () => this.drained.delete(listener);
  }

  post(m: HostMessage): void {
    if (this.closed) return;
    if (m.type === 'events') this.addEvents(m.events);
    else this.queue.push(m);
    this.pump();
  }

  /** Drops what was not sent yet (it was about a trace the view no longer shows). */
  clear(): void {
    this.queue = [];
    this.caughtUp();
  }

  dispose(): void {
    this.closed = true;
    this.queue = [];
    this.caughtUp();
    this.drained.clear();
  }

  private caughtUp(): void {
    if (!this.behind) for (const l of [...this.drained]) l();
  }

  private addEvents(events: readonly TraceEvent[]): void {
    for (let i = 0; i < events.length;) {
      const last = this.queue[this.queue.length - 1];
      if (last?.type === 'events' && last.events.length < this.maxEvents) {
        // (the queued message's array is this outbox's own: it was sliced below)
        const take = events.slice(i, i + this.maxEvents - last.events.length);
        pushAll(last.events as TraceEvent[], take);
        i += take.length;
      } else {
        const take = events.slice(i, i + this.maxEvents);
        this.queue.push({ type: 'events', events: take });
        i += take.length;
      }
    }
  }

  private pump(): void {
    if (this.inFlight || this.resting || this.closed) return;
    const m = this.queue.shift();
    if (!m) return;
    this.inFlight = true;
    this.caughtUp();
    const started = this.now();
    const done = (): void => {
      this.inFlight = false;
      this.resting = true;
      const gap = Math.min(MAX_GAP_MS, Math.max(MIN_GAP_MS, this.now() - started));
      this.later(() => {
        this.resting = false;
        this.pump();
      }, gap);
    };
    let sent: PromiseLike<unknown>;
    try {
      sent = this.send(m);
    } catch {
      done();
      return;
    }
    Promise.resolve(sent).then(done, done);
  }
}
