// A MemorySource over trace events: filled at once from a finished trace, or event by event from
// a run in progress (a file being written, a live engine, a debug session). State comes from the
// trace replay, so it equals the engine's; a second replayer serves seeks to earlier rounds
// (previews, the tree) without making the one that follows the latest round start over.
import type { TraceEvent, TraceHeader } from '../trace/events';
import { Replayer, type WorldState } from '../replay/replay';
import { MemoryLedger } from './ledger';
import type { MemorySource, MemorySourceKind } from './memorySource';

export class TraceMemorySource implements MemorySource {
  header?: TraceHeader;
  events: TraceEvent[] = [];
  ledger = new MemoryLedger();
  complete = false;
  private pinned?: number;
  private latest?: Replayer;
  private latestAt = -1;
  private seeker?: Replayer;
  private dirty = false;
  private readonly listeners = new Set<() => void>();

  constructor(
    readonly kind: MemorySourceKind,
    readonly label: string,
    readonly file?: string,
  ) {}

  setHeader(header: TraceHeader): void {
    this.header = header;
    this.latest = new Replayer(header, this.events);
    this.seeker = new Replayer(header, this.events);
    this.latestAt = -1;
    this.dirty = true;
  }

  /** Adds one event (with its 1-based trace line, if known); call `flush` to tell listeners. */
  add(e: TraceEvent, line?: number): void {
    this.events.push(e);
    this.ledger.add(e, line);
    if (e.type === 'run_end') this.complete = true;
    this.dirty = true;
  }

  /** Tells listeners about what was added since the last flush. */
  flush(): void {
    if (!this.dirty) return;
    this.dirty = false;
    this.notify();
  }

  /** Starts over (the trace file was rewritten). */
  reset(): void {
    this.events = [];
    this.ledger = new MemoryLedger();
    this.complete = false;
    if (this.header) this.setHeader(this.header);
  }

  get lastRound(): number {
    return this.events.length ? this.events[this.events.length - 1].round : 0;
  }

  get round(): number {
    return this.pinned ?? this.lastRound;
  }

  /** Shows a given round instead of the latest (a debugger's paused round); undefined follows the latest again. */
  pin(round: number | undefined): void {
    if (round !== undefined && !(Number.isInteger(round) && round >= 0)) {
      throw new RangeError(`Cannot show round ${round}: rounds are whole numbers from 0 (setup).`);
    }
    if (round === this.pinned) return;
    this.pinned = round;
    this.notify();
  }

  stateAt(round = this.round): WorldState | undefined {
    if (!this.latest || !this.seeker) return undefined;
    if (round >= this.latestAt) {
      this.latestAt = round;
      return this.latest.stateAt(round);
    }
    return this.seeker.stateAt(round);
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private notify(): void {
    for (const l of [...this.listeners]) l();
  }

  /** A source over a whole trace already in memory (events numbered as written: header on line 1). */
  static of(
    kind: MemorySourceKind,
    label: string,
    header: TraceHeader,
    events: readonly TraceEvent[],
    file?: string,
  ): TraceMemorySource {
    const s = new TraceMemorySource(kind, label, file);
    s.setHeader(header);
    events.forEach((e, i) => s.add(e, i + 2));
    s.dirty = false;
    return s;
  }
}
