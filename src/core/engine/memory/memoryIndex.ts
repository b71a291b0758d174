// A memory stream's scoring fields packed into one Int32Array — per memory [id, round, importance,
// token count, token ids…] — so retrieval scans contiguous memory instead of chasing a hundred
// scattered records (at 10,000 agents that cache-missing was most of the cost). For a plain record
// array it mirrors the array position for position; appendMemory keeps it in step, and anything
// else that changes the array simply makes it stale, which is detected and rebuilt. The engine's
// own streams (memoryStream.ts) keep their records' other fields in the same entries.
import type { MemoryRecord } from '../../trace/events';
import { scanIds, scannedIds } from './tokens';

/** Words of an entry before its token ids here; a MemoryStream adds its record's columns after them. */
const FIELDS = 4;
/**
 * Room for about three memories to start with, grown by half: at a million agents every wasted
 * slot is 4 MB, and most agents of a short run hold a handful of memories.
 */
const INITIAL = 64;
const NONE = new Int32Array(0);
const INDEX = Symbol('memoryIndex');
type Indexed = MemoryRecord[] & { [INDEX]?: MemoryIndex };

/** Entries of [id, round, importance, token count, …`fields − 4` more words, token ids…], as retrieval scans them. */
export abstract class PackedMemories {
  /** Empty until the first entry: an engine agent holds its stream from the start, most of a run with a handful. */
  data = NONE;
  used = 0;
  count = 0;
  /** Words of each entry before its token ids. */
  abstract readonly fields: number;
  /**
   * Whether an entry's id, round or importance is not the Int32 it was stored as (a hand-made or
   * foreign trace's importance 7.5): retrieval then scores the records themselves (memory.ts
   * topK), so it ranks them as the retrieval preview does. Once set it stays.
   */
  inexact = false;

  /** Appends m's entry (its words after the first four for the caller to fill); returns the entry's offset. */
  protected put(m: MemoryRecord): number {
    const n = scanIds(m.text),
      toks = scannedIds();
    const at = this.used,
      start = at + this.fields,
      need = start + n;
    if (need > this.data.length) {
      const grown = new Int32Array(Math.max(need, INITIAL, this.data.length + (this.data.length >> 1)));
      grown.set(this.data);
      this.data = grown;
    }
    const d = this.data;
    d[at] = m.id;
    d[at + 1] = m.round;
    d[at + 2] = m.importance;
    d[at + 3] = n;
    if (d[at] !== m.id || d[at + 1] !== m.round || d[at + 2] !== m.importance) this.inexact = true;
    for (let i = 0; i < n; i++) d[start + i] = toks[i];
    this.used = need;
    this.count++;
    return at;
  }

  /** Offset of entry `i`. */
  offsetOf(i: number): number {
    let o = 0;
    for (let k = 0; k < i; k++) o += this.fields + this.data[o + 3];
    return o;
  }

  /** Drops entry `i`. */
  protected dropAt(i: number): void {
    const o = this.offsetOf(i);
    const len = this.fields + this.data[o + 3];
    this.data.copyWithin(o, o + len, this.used);
    this.used -= len;
    this.count--;
  }
}

export class MemoryIndex extends PackedMemories {
  readonly fields = FIELDS;
  /** The records at either end of the stream mirrored (what `matches` checks, by identity: no record is read). */
  private first: MemoryRecord | undefined;
  private newest: MemoryRecord | undefined;

  append(m: MemoryRecord): void {
    this.put(m);
    if (this.count === 1) this.first = m;
    this.newest = m;
  }

  /** Drop the entry at position `i`, which `stream` (now one shorter) no longer holds. */
  removeAt(i: number, stream: readonly MemoryRecord[]): void {
    this.dropAt(i);
    this.first = stream[0];
    this.newest = stream[stream.length - 1];
  }

  /** Whether this still mirrors `stream` (same length, same records at either end). */
  matches(stream: readonly MemoryRecord[]): boolean {
    const n = stream.length;
    if (n !== this.count) return false;
    return n === 0 || (stream[0] === this.first && stream[n - 1] === this.newest);
  }
}

/** The index of a stream, built (or rebuilt) when missing or stale. */
export function indexOf(stream: readonly MemoryRecord[]): MemoryIndex {
  const s = stream as Indexed;
  let idx = s[INDEX];
  if (!idx || !idx.matches(stream)) {
    idx = new MemoryIndex();
    for (const m of stream) idx.append(m);
    s[INDEX] = idx;
  }
  return idx;
}

/** The index if the stream has one that is in step before `change` (used by appendMemory). */
export function liveIndex(stream: readonly MemoryRecord[]): MemoryIndex | undefined {
  const s = stream as Indexed;
  const idx = s[INDEX];
  if (idx && idx.count !== stream.length) {
    delete s[INDEX];
    return undefined;
  }
  return idx;
}

export const INDEX_FIELDS = FIELDS;
