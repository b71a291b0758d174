// JSONL trace writer: one line per event. A trace handed over (flushed, closed) always ends at a
// complete round: events are written out at every round end (and run end); a file trace also
// spills large rounds to disk in chunks (so a 10,000-agent round is never held in memory whole)
// and, if the round is then discarded (an interrupted run), is cut back to the last round end.
// Each line is encoded straight into a byte chunk as it comes: gathering lines into a string first
// (`text += line`) costs more than it saves, since the gathered string must be flattened before it
// is encoded: 560 against 440 ms for the 356,000 lines of 2,000 agents × 10 rounds, measured.
// Works with a file path or any writable stream. A file trace gets a per-round index beside it
// (roundIndex.ts: `trace.index.json`), rewritten at most every second as rounds end, and at close;
// the trace's bytes are the same with or without it.
import * as fs from 'node:fs';
import type { Writable } from 'node:stream';
import type { TraceEvent, TraceHeader } from './events';
import { prefixRoundStarts, removeRoundIndex, writeRoundIndex, type RoundStart } from './roundIndex';
import { fileSink, streamSink, type TraceSink } from './traceSinks';

export type { TraceSink } from './traceSinks';

/**
 * A file trace's writer as another thread takes it over (offThreadWriter.ts): the file, where it
 * stands and its index so far. The file was opened, truncated or checked and its header written on
 * the thread that asked, so a trace that cannot be opened still fails there, at once, with the file
 * system's error; the other thread opens it again to append (a descriptor belongs to the thread
 * that opened it).
 */
export interface TraceHandOff {
  path: string;
  bytes: number;
  lines: number;
  spill: number;
  index?: { path: string; rounds: RoundStart[]; lastRoundEnd: number };
}

/** Buffered bytes after which a file trace writes out part of a round. */
const SPILL_BYTES = 4 << 20;
/** Size of the byte chunks lines are encoded into. */
const CHUNK_BYTES = 1 << 20;
/**
 * Written chunks kept for refilling. A fresh chunk's pages are faulted in as it fills, which costs
 * ≈ 11 µs a page on this project's VMs: ≈ 1.3 s over a 454 MB trace, against nothing for a chunk
 * already used (a file writes its chunks at once; a stream may hold several).
 */
const SPARE_CHUNKS = 8;
const NEWLINE = 0x0a;
/** What a line ends: nothing (0), a round, the run. */
const ROUND_END = 1;
const RUN_END = 2;
export type LineEnd = 0 | typeof ROUND_END | typeof RUN_END;
/** What an event's line ends (round_end and run_end flush the writer). */
export const lineEnd = (e: TraceEvent): LineEnd =>
  e.type === 'round_end' ? ROUND_END : e.type === 'run_end' ? RUN_END : 0;
/** Least time between two rewrites of the index while a run goes on. */
const INDEX_EVERY_MS = 1000;

/** Where the bytes written so far end, as the index records it. */
interface IndexEnd {
  bytes: number;
  lines: number;
  lastRoundEnd: number;
  complete: boolean;
}

/** Encoded lines on their way to the sink; `last` of a chunk's final stretch, which frees the chunk once written. */
interface Part {
  bytes: Buffer;
  last?: Buffer;
}

export class TraceWriter {
  /** Stretches of retired chunks not yet handed to the sink. */
  private full: Part[] = [];
  /** The chunk being filled, and its part not yet handed to the sink (`chunk`, filled up to `used`). */
  private base: Buffer = Buffer.allocUnsafeSlow(CHUNK_BYTES);
  private chunk: Buffer = this.base;
  private used = 0;
  private readonly spare: Buffer[] = [];
  private pendingBytes = 0;
  private pendingLines = 0;
  /** Bytes and lines handed to the sink so far (including any existing prefix when appending). */
  bytes: number;
  lines: number;
  /** Where the last complete round ended (what `discard` goes back to). */
  private complete: { bytes: number; lines: number };
  /** The index of a file trace: where each round starts, the last round_end, run_end. */
  private readonly index?: {
    path: string;
    rounds: RoundStart[];
    lastRoundEnd: number;
    runEnd: boolean;
    /** When it was last written (performance.now()). */
    writtenAt: number;
  };

  private constructor(
    private readonly sink: TraceSink,
    start = { bytes: 0, lines: 0 },
    private readonly spill = SPILL_BYTES,
    index?: { path: string; rounds: RoundStart[]; lastRoundEnd: number },
  ) {
    this.bytes = start.bytes;
    this.lines = start.lines;
    this.complete = { ...start };
    if (index) this.index = { ...index, runEnd: false, writtenAt: -Infinity };
  }

  /**
   * A new trace at `path` (truncated), with its index unless `index: false` (any old index goes
   * either way). `spillBytes`: buffered bytes before part of a round is written.
   */
  static toFile(path: string, spillBytes = SPILL_BYTES, opts: { index?: boolean } = {}): TraceWriter {
    const sink = fileSink(path, false);
    removeRoundIndex(path);
    const index = opts.index ?? true;
    return new TraceWriter(sink, undefined, spillBytes, index ? { path, rounds: [], lastRoundEnd: -1 } : undefined);
  }

  /**
   * Continue a trace at `path` after truncating it to `bytes` (resume from a checkpoint). Its index
   * keeps the rounds before that point (from the old index, or read from the trace).
   */
  static appendToFile(
    path: string,
    at: { bytes: number; lines: number },
    spillBytes = SPILL_BYTES,
    opts: { index?: boolean } = {},
  ): TraceWriter {
    if (!(opts.index ?? true)) {
      removeRoundIndex(path);
      fs.truncateSync(path, at.bytes);
      return new TraceWriter(fileSink(path, true), at, spillBytes);
    }
    const prefix = prefixRoundStarts(path, at);
    fs.truncateSync(path, at.bytes);
    const writer = new TraceWriter(fileSink(path, true), at, spillBytes, {
      path,
      rounds: [...prefix.rounds],
      lastRoundEnd: prefix.lastRoundEnd,
    });
    writer.writeIndex({ ...at, lastRoundEnd: prefix.lastRoundEnd, complete: false });
    return writer;
  }

  /** The writer another thread goes on with, from where `handOff` left it. */
  static fromHandOff(h: TraceHandOff): TraceWriter {
    return new TraceWriter(fileSink(h.path, true), { bytes: h.bytes, lines: h.lines }, h.spill, h.index);
  }

  /**
   * Hands a file trace over to another thread (offThreadWriter.ts): what is buffered is written
   * first; this writer must not be used again.
   */
  handOff(): TraceHandOff {
    const path = this.sink.path;
    if (path === undefined || !this.sink.sync) throw new Error('only a file trace can be handed to another thread');
    void this.flush();
    void this.sink.close();
    if (this.failed) throw this.error;
    const index = this.index;
    return {
      path,
      bytes: this.bytes,
      lines: this.lines,
      spill: this.spill,
      ...(index ? { index: { path: index.path, rounds: index.rounds, lastRoundEnd: index.lastRoundEnd } } : {}),
    };
  }

  /** Write to a stream; the stream is ended on close only if `closeStream`. */
  static toStream(out: Writable, closeStream = false): TraceWriter {
    return new TraceWriter(streamSink(out, closeStream));
  }

  header(h: TraceHeader): void {
    this.add(h);
  }

  /** Buffer one event; round_end and run_end flush. Use as a simulation listener. */
  event(e: TraceEvent): void {
    this.line(JSON.stringify(e), e.round, lineEnd(e));
  }

  /**
   * One event already serialized (`JSON.stringify` of it), with its round and whether it ends a
   * round or the run: what `event` does, for a writer on another thread (offThreadWriter.ts).
   */
  line(text: string, round: number, end: LineEnd): void {
    const index = this.index;
    if (index) {
      const last = index.rounds[index.rounds.length - 1];
      if (!last || round > last.round) {
        index.rounds.push({
          round,
          offset: this.bytes + this.pendingBytes,
          line: this.lines + this.pendingLines + 1,
        });
      }
    }
    this.addLine(text);
    if (end) {
      if (index) {
        if (end === ROUND_END) index.lastRoundEnd = Math.max(index.lastRoundEnd, round);
        else index.runEnd = true;
      }
      void this.flush();
      this.complete = { bytes: this.bytes, lines: this.lines };
      if (index && performance.now() - index.writtenAt >= INDEX_EVERY_MS) this.indexWhenWritten();
    } else if (this.pendingBytes > this.spill && this.sink.truncate) void this.flush();
  }

  /** What the index says of everything flushed so far (called right after a round_end or run_end). */
  private indexNow(): IndexEnd {
    return {
      bytes: this.bytes,
      lines: this.lines,
      lastRoundEnd: this.index!.lastRoundEnd,
      complete: this.index!.runEnd,
    };
  }

  /** Writes the index once what was flushed so far reached the file. */
  private indexWhenWritten(): void {
    const at = this.indexNow();
    this.index!.writtenAt = performance.now();
    this.queue(() => this.writeIndex(at));
  }

  /**
   * The index of the file's first `at.bytes` bytes. An index that cannot be written is left out:
   * the trace is what matters, and readers scan a trace without a matching index.
   */
  private writeIndex(at: IndexEnd): void {
    const index = this.index!;
    try {
      writeRoundIndex(index.path, { ...at, rounds: index.rounds.filter((r) => r.offset < at.bytes) });
    } catch {
      // (a folder removed under a run, a full disk: the next write tries again)
    }
  }

  readonly listener = (e: TraceEvent): void => this.event(e);

  /**
   * A last line after the last whole round (a run that failed says why: engine/flow/runFailure.ts),
   * in no round of the index: --resume cuts the trace back to its checkpoint before it anyway.
   */
  epilogue(e: TraceEvent): void {
    this.add(e);
  }

  private add(x: unknown): void {
    this.addLine(JSON.stringify(x));
  }

  /** Encode one line into the current chunk (a new one if it might not fit). */
  private addLine(line: string): void {
    // UTF-8 needs at most 3 bytes per UTF-16 unit, plus the newline.
    const worst = line.length * 3 + 1;
    if (this.used + worst > this.chunk.length) this.nextChunk(worst);
    const n = this.chunk.write(line, this.used, 'utf8');
    this.chunk[this.used + n] = NEWLINE;
    this.used += n + 1;
    this.pendingBytes += n + 1;
    this.pendingLines++;
  }

  /** Retire the current chunk (its last stretch goes with the next flush) and start one with room for `bytes`. */
  private nextChunk(bytes: number): void {
    this.full.push({ bytes: this.chunk.subarray(0, this.used), last: this.base });
    this.base = this.chunk =
      (bytes <= CHUNK_BYTES && this.spare.pop()) || Buffer.allocUnsafeSlow(Math.max(CHUNK_BYTES, bytes));
    this.used = 0;
  }

  /** A chunk whose every stretch reached the sink can be filled again. */
  private release(chunk: Buffer): void {
    if (this.sink.reusable && chunk.length === CHUNK_BYTES && this.spare.length < SPARE_CHUNKS) this.spare.push(chunk);
  }

  /** What the sink still has to do, in order (always settled for a synchronous sink). */
  private chain: Promise<void> = Promise.resolve();
  private failed = false;
  /** Why, when `failed`. */
  private error: unknown;

  /**
   * Runs `op` after everything before it: at once for a synchronous sink (a failure then rejects
   * this flush and every later one, as a failed asynchronous write would), else when the chain gets to it.
   */
  private queue(op: () => void | Promise<void>): void {
    if (!this.sink.sync) {
      this.chain = this.chain.then(op);
    } else if (!this.failed) {
      try {
        // A synchronous sink's operations return nothing to wait for.
        void op();
        return;
      } catch (err) {
        this.failed = true;
        this.error = err;
        this.chain = Promise.reject(err);
      }
    } else return;
    // A spill's failure waits for the next flush or close that is awaited (the round's end) to be
    // reported; until then it must not count as an unhandled rejection, which ends the process.
    this.chain.catch(() => undefined);
  }

  /** Write out everything buffered; resolves when it reached the sink. */
  flush(): Promise<void> {
    if (this.pendingLines) {
      // The rest of the current chunk stays in use for the next lines, unless little is left of it.
      if (this.chunk.length - this.used < 4096) this.nextChunk(0);
      const parts = this.full;
      if (this.used) parts.push({ bytes: this.chunk.subarray(0, this.used) });
      this.chunk = this.chunk.subarray(this.used);
      this.used = 0;
      this.full = [];
      this.bytes += this.pendingBytes;
      this.lines += this.pendingLines;
      this.pendingBytes = 0;
      this.pendingLines = 0;
      for (const part of parts) this.queue(() => this.written(part));
    }
    return this.chain;
  }

  private written(part: Part): void | Promise<void> {
    const wrote = part.bytes.length ? this.sink.write(part.bytes) : undefined;
    if (!part.last) return wrote;
    const last = part.last;
    if (!wrote) return this.release(last);
    return wrote.then(() => this.release(last));
  }

  /** Drop the events of the unfinished round (an interrupted run): the trace ends at the last round end. */
  discard(): void {
    // Retired chunks whose stretches were never handed over are not in flight: they can be refilled.
    for (const part of this.full) if (part.last) this.queue(() => this.release(part.last!));
    this.full = [];
    this.used = 0;
    this.pendingBytes = 0;
    this.pendingLines = 0;
    if (this.index) this.index.rounds = this.index.rounds.filter((r) => r.offset < this.complete.bytes);
    if (this.bytes === this.complete.bytes) return;
    const to = this.complete;
    this.bytes = to.bytes;
    this.lines = to.lines;
    this.queue(() => this.sink.truncate!(to.bytes));
  }

  async close(): Promise<void> {
    await this.flush();
    await this.sink.close();
    // After the last write: the index holds the file's final size and time.
    if (this.index) this.writeIndex(this.indexNow());
  }
}
