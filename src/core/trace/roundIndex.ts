// A trace's per-round index: where (byte offset, 1-based line) each round's first event starts,
// so a reader that wants one round, or rounds 0..N, seeks instead of reading a 5 GB trace from
// its start. The writer keeps it beside a file trace (`trace.jsonl` → `trace.index.json`) and
// rewrites it as rounds end; the trace itself is unchanged, byte for byte. An index is used only
// when it matches the trace's size and modification time: a trace from before indexes, one still
// being written, or one changed since is scanned instead (its lines' first bytes only: the
// engine writes `{"type":"…","round":N` first), with the same answer.
import * as fs from 'node:fs';
import { jsonObject } from './lineRead';
import { writeFileSafely } from '../files/safeWrite';

export const INDEX_FORMAT = 'society-trace-index';
export const INDEX_VERSION = 1;

/** Where a round's first line starts. */
export interface RoundStart {
  round: number;
  /** Byte offset of the line. */
  offset: number;
  /** 1-based line number (the header is line 1). */
  line: number;
}

/** Where a trace's rounds start, and what its end holds. */
export interface RoundOffsets {
  /** Bytes and lines the offsets cover (the whole file). */
  bytes: number;
  lines: number;
  /** Round starts in order (the first event of each round). */
  rounds: RoundStart[];
  /** The last round whose round_end is there (−1 if none). */
  lastRoundEnd: number;
  /** A run_end is there. */
  complete: boolean;
  /** The file ends in a line with no newline (a write cut off). */
  truncated: boolean;
  /** Where the answer came from. */
  from: 'index' | 'scan';
}

/** The index file on disk. */
interface IndexFile {
  format: typeof INDEX_FORMAT;
  version: number;
  /** The trace as the index describes it: a file of another size or time is not described. */
  trace: { bytes: number; lines: number; mtime_ms: number };
  header: { offset: 0; line: 1 };
  /** [round, offset, line] per round start. */
  rounds: [number, number, number][];
  last_round_end: number;
  complete: boolean;
}

/** The index file of a trace: `x.jsonl` → `x.index.json` (other names: the name + `.index.json`). */
export function indexPathOf(tracePath: string): string {
  const base = tracePath.endsWith('.jsonl') ? tracePath.slice(0, -'.jsonl'.length) : tracePath;
  return `${base}.index.json`;
}

/** What the writer hands over to be written as the index (the offsets of the bytes written so far). */
export interface IndexState {
  bytes: number;
  lines: number;
  rounds: readonly RoundStart[];
  lastRoundEnd: number;
  complete: boolean;
}

/** Writes the index of `tracePath` for its current size and time (temporary file, then renamed). */
export function writeRoundIndex(tracePath: string, s: IndexState): void {
  const stat = fs.statSync(tracePath);
  const file: IndexFile = {
    format: INDEX_FORMAT,
    version: INDEX_VERSION,
    trace: { bytes: s.bytes, lines: s.lines, mtime_ms: stat.mtimeMs },
    header: { offset: 0, line: 1 },
    rounds: s.rounds.filter((r) => r.offset < s.bytes).map((r) => [r.round, r.offset, r.line]),
    last_round_end: s.lastRoundEnd,
    complete: s.complete,
  };
  writeFileSafely(indexPathOf(tracePath), JSON.stringify(file) + '\n');
}

/** Removes the index of `tracePath` if there is one (a fresh trace replaces the old one). */
export function removeRoundIndex(tracePath: string): void {
  fs.rmSync(indexPathOf(tracePath), { force: true });
}

/** The index file read and checked for shape (not against the trace); undefined when missing or malformed. */
function loadIndex(tracePath: string): IndexFile | undefined {
  let text: string;
  try {
    text = fs.readFileSync(indexPathOf(tracePath), 'utf8');
  } catch {
    return undefined;
  }
  const o = jsonObject(text.trim()) as Partial<IndexFile> | undefined;
  if (!o || o.format !== INDEX_FORMAT || o.version !== INDEX_VERSION) return undefined;
  const t = o.trace;
  if (!t || !Number.isSafeInteger(t.bytes) || !Number.isSafeInteger(t.lines) || typeof t.mtime_ms !== 'number') {
    return undefined;
  }
  if (!Array.isArray(o.rounds) || !Number.isInteger(o.last_round_end) || typeof o.complete !== 'boolean') {
    return undefined;
  }
  let prev: [number, number, number] | undefined;
  for (const r of o.rounds as unknown[]) {
    if (!Array.isArray(r) || r.length !== 3 || !r.every((x) => Number.isSafeInteger(x) && (x as number) >= 0)) {
      return undefined;
    }
    const [round, offset, line] = r as [number, number, number];
    if (offset >= t.bytes || line > t.lines || (prev && (round <= prev[0] || offset <= prev[1] || line <= prev[2]))) {
      return undefined;
    }
    prev = [round, offset, line];
  }
  return o as IndexFile;
}

function fromIndex(i: IndexFile): RoundOffsets {
  return {
    bytes: i.trace.bytes,
    lines: i.trace.lines,
    rounds: i.rounds.map(([round, offset, line]) => ({ round, offset, line })),
    lastRoundEnd: i.last_round_end,
    complete: i.complete,
    truncated: false,
    from: 'index',
  };
}

/**
 * Where every round of the trace at `tracePath` starts: from its index when the index matches the
 * file (size and modification time), else by scanning the file. Throws only when the trace itself
 * cannot be read.
 */
export function roundOffsets(tracePath: string): RoundOffsets {
  const stat = fs.statSync(tracePath);
  const index = loadIndex(tracePath);
  if (index && index.trace.bytes === stat.size && index.trace.mtime_ms === stat.mtimeMs) return fromIndex(index);
  return scanRoundOffsets(tracePath);
}

/** The offsets from the index alone: undefined when there is none that matches the trace (no scan). */
export function indexedRoundOffsets(tracePath: string): RoundOffsets | undefined {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(tracePath);
  } catch {
    return undefined;
  }
  const index = loadIndex(tracePath);
  return index && index.trace.bytes === stat.size && index.trace.mtime_ms === stat.mtimeMs
    ? fromIndex(index)
    : undefined;
}

/** The bytes [start, end) of round `round`, or undefined when the trace has no such round. */
export function roundRange(o: RoundOffsets, round: number): { start: RoundStart; end: number } | undefined {
  const i = o.rounds.findIndex((r) => r.round === round);
  if (i < 0) return undefined;
  return { start: o.rounds[i], end: i + 1 < o.rounds.length ? o.rounds[i + 1].offset : o.bytes };
}

/** Where rounds 0..`round` end: the offset the next round starts at, or the file's end. */
export function endOfRound(o: RoundOffsets, round: number): number {
  return o.rounds.find((r) => r.round > round)?.offset ?? o.bytes;
}

/** Bytes read at a time when scanning. */
const SCAN_CHUNK = 1 << 20;
const TYPE_PREFIX = Buffer.from('{"type":"');
const ROUND_KEY = Buffer.from('","round":');
const ROUND_END = Buffer.from('round_end');
const RUN_END = Buffer.from('run_end');

/** The scan's running state: continued across the pieces of a file (or from an index's end). */
export class RoundScan {
  rounds: RoundStart[] = [];
  lastRoundEnd = -1;
  complete = false;
  /** The latest round seen (−1 before the first event). */
  private current = -1;

  constructor(
    /** Line number of the next line. */
    public line = 1,
    from?: { rounds: readonly RoundStart[]; lastRoundEnd: number; complete: boolean },
  ) {
    if (from) {
      this.rounds = [...from.rounds];
      this.lastRoundEnd = from.lastRoundEnd;
      this.complete = from.complete;
      this.current = this.rounds.length ? this.rounds[this.rounds.length - 1].round : -1;
    }
  }

  /** One complete line (without its newline) starting at byte `offset`; `buf[start, end)` holds it. */
  lineAt(buf: Buffer, start: number, end: number, offset: number): void {
    const n = this.line++;
    if (n === 1 || end === start) return; // the header; a blank line
    let type: 'round_end' | 'run_end' | 'other' = 'other';
    let round: number | undefined;
    // The engine's lines begin {"type":"…","round":N — read there without parsing the line.
    if (buf.compare(TYPE_PREFIX, 0, TYPE_PREFIX.length, start, start + TYPE_PREFIX.length) === 0) {
      const typeStart = start + TYPE_PREFIX.length;
      const quote = buf.indexOf(0x22, typeStart);
      if (
        quote > 0 &&
        quote < end &&
        buf.compare(ROUND_KEY, 0, ROUND_KEY.length, quote, quote + ROUND_KEY.length) === 0
      ) {
        let at = quote + ROUND_KEY.length,
          value = 0,
          digits = 0;
        for (; at < end && buf[at] >= 0x30 && buf[at] <= 0x39 && digits < 15; at++, digits++) {
          value = value * 10 + buf[at] - 0x30;
        }
        if (digits > 0 && (buf[at] === 0x2c || buf[at] === 0x7d)) {
          round = value;
          if (buf.compare(ROUND_END, 0, ROUND_END.length, typeStart, quote) === 0) type = 'round_end';
          else if (buf.compare(RUN_END, 0, RUN_END.length, typeStart, quote) === 0) type = 'run_end';
        }
      }
    }
    if (round === undefined) {
      // Any other writer's key order: parse the line.
      const o = jsonObject(buf.toString('utf8', start, end));
      if (!o || !Number.isSafeInteger(o.round) || (o.round as number) < 0) return;
      round = o.round as number;
      if (o.type === 'round_end') type = 'round_end';
      else if (o.type === 'run_end') type = 'run_end';
    }
    if (round > this.current) {
      this.rounds.push({ round, offset, line: n });
      this.current = round;
    }
    if (type === 'round_end') this.lastRoundEnd = Math.max(this.lastRoundEnd, round);
    else if (type === 'run_end') this.complete = true;
  }
}

/**
 * Scans bytes [from, end) of an open trace whose line at `from` is number `scan.line`, feeding
 * whole lines to `scan`; returns where the range's last line starts when it has no newline at its
 * end (else −1).
 */
export function scanRange(fd: number, scan: RoundScan, from: number, end: number): number {
  let buf = Buffer.allocUnsafe(SCAN_CHUNK);
  let pos = from,
    /** Bytes of `buf` holding the start of a line not yet complete. */
    held = 0;
  while (pos < end) {
    if (held === buf.length) {
      const bigger = Buffer.allocUnsafe(buf.length * 2);
      buf.copy(bigger, 0, 0, held);
      buf = bigger;
    }
    const n = fs.readSync(fd, buf, held, Math.min(buf.length - held, end - pos), pos);
    if (n === 0) break;
    const filled = held + n;
    /** File offset of buf[0]. */
    const base = pos - held;
    let lineStart = 0;
    for (let nl = buf.indexOf(10, held); nl >= 0 && nl < filled; nl = buf.indexOf(10, lineStart)) {
      const lineEnd = nl > lineStart && buf[nl - 1] === 0x0d ? nl - 1 : nl;
      scan.lineAt(buf, lineStart, lineEnd, base + lineStart);
      lineStart = nl + 1;
      if (lineStart >= filled) break;
    }
    held = filled - lineStart;
    if (held > 0 && lineStart > 0) buf.copy(buf, 0, lineStart, filled);
    pos += n;
  }
  return held > 0 ? pos - held : -1;
}

/** Where every round starts, read from the file itself (no index, or a stale one). */
export function scanRoundOffsets(tracePath: string): RoundOffsets {
  const fd = fs.openSync(tracePath, 'r');
  try {
    const size = fs.fstatSync(fd).size;
    const scan = new RoundScan();
    const tail = scanRange(fd, scan, 0, size);
    // A last line with no newline is an event if it is JSON (as the reader takes it), else a write cut off.
    let truncated = false;
    if (tail >= 0) {
      const buf = Buffer.allocUnsafe(size - tail);
      fs.readSync(fd, buf, 0, buf.length, tail);
      if (jsonObject(buf.toString('utf8')) || scan.line === 1) scan.lineAt(buf, 0, buf.length, tail);
      else {
        truncated = true;
        scan.line++;
      }
    }
    return {
      bytes: size,
      lines: scan.line - 1,
      rounds: scan.rounds,
      lastRoundEnd: scan.lastRoundEnd,
      complete: scan.complete,
      truncated,
      from: 'scan',
    };
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * The round starts of the first `at.bytes` bytes of a trace (a checkpoint's position, where a
 * resumed run appends): from its index where that still describes the prefix (the run went on
 * after the checkpoint, or stopped short of it: the rest is scanned), else from a scan of the
 * prefix. The prefix ends at a round end, so every start in it is of a whole round.
 */
export function prefixRoundStarts(tracePath: string, at: { bytes: number; lines: number }): IndexState {
  const fd = fs.openSync(tracePath, 'r');
  try {
    const index = loadIndex(tracePath);
    let scan: RoundScan | undefined;
    let from = 0;
    if (index && index.trace.bytes >= at.bytes) {
      const rounds = fromIndex(index).rounds.filter((r) => r.offset < at.bytes);
      // The checkpoint's end must be where the index has the next round begin (or its own end).
      const next = index.rounds.find(([, offset]) => offset >= at.bytes);
      const fits = next ? next[1] === at.bytes && next[2] === at.lines + 1 : index.trace.bytes === at.bytes;
      if (fits && startsFit(fd, rounds)) {
        const last = rounds.length ? rounds[rounds.length - 1].round : -1;
        return {
          bytes: at.bytes,
          lines: at.lines,
          rounds,
          lastRoundEnd: Math.min(index.last_round_end, last),
          complete: false,
        };
      }
    } else if (index && index.trace.bytes > 0) {
      const i = fromIndex(index);
      if (startsFit(fd, i.rounds) && lineEndsAt(fd, i.bytes)) {
        scan = new RoundScan(i.lines + 1, i);
        from = i.bytes;
      }
    }
    scan ??= new RoundScan();
    scanRange(fd, scan, from, at.bytes);
    return { bytes: at.bytes, lines: at.lines, rounds: scan.rounds, lastRoundEnd: scan.lastRoundEnd, complete: false };
  } finally {
    fs.closeSync(fd);
  }
}

/** Byte `offset` − 1 is a newline (or offset is 0): a line starts at `offset`. */
function lineEndsAt(fd: number, offset: number): boolean {
  if (offset === 0) return true;
  const b = Buffer.alloc(1);
  return fs.readSync(fd, b, 0, 1, offset - 1) === 1 && b[0] === 10;
}

/** The last of `rounds` starts a line of its round (a cheap check that an index is of this file). */
function startsFit(fd: number, rounds: readonly RoundStart[]): boolean {
  const last = rounds[rounds.length - 1];
  if (!last) return true;
  if (!lineEndsAt(fd, last.offset)) return false;
  const probe = Buffer.alloc(256);
  const n = fs.readSync(fd, probe, 0, probe.length, last.offset);
  const scan = new RoundScan(2);
  const nl = probe.subarray(0, n).indexOf(10);
  const text = probe.subarray(0, nl < 0 ? n : nl);
  // A long line is checked by its prefix (the type and round come first), parsed otherwise.
  scan.lineAt(nl < 0 ? Buffer.concat([text, Buffer.from(`}`)]) : text, 0, nl < 0 ? n + 1 : nl, last.offset);
  return scan.rounds.length === 1 && scan.rounds[0].round === last.round;
}
