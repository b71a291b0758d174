// An engine agent's memory stream held as columns instead of one object per record: each record's
// numbers live in its retrieval-index entry (memoryIndex.ts) — importance as the Int32 the index
// scores, one word of kind, cue key order, action and driver by their table index, and valence as
// the bits of its float64 —
// and its strings (the text, a cue's partner and topic, shared with whoever made them) in one
// array, three slots a record. At a million agents this takes the record and cue objects (≈ 130 B
// and two objects a memory) out of the heap the collector marks. Records are built on read, with
// the same keys in the same order and the same numbers to the bit, so every reader (prompts,
// checkpoints, the debugger) sees the `MemoryRecord` it saw before; a record or cue object the
// columns cannot say exactly (a key they do not know, a value of another type) is kept as given.
import { DRIVERS } from '../../format/pure';
import { ADVICE_ACTIONS, MEMORY_KINDS, type MemoryCues, type MemoryRecord } from '../../trace/events';
import { INDEX_FIELDS, PackedMemories } from './memoryIndex';

// Words of an entry after the index's [id, round, importance as Int32, token count]: a record whose
// importance that Int32 does not say exactly (the engine's are whole numbers 1..10) is kept as given.
const TAG = INDEX_FIELDS; // kind | cue key order << 3 | flags | action and driver (index + 1)
const VALENCE = INDEX_FIELDS + 1; // float64 bits, 2 words
const FIELDS = INDEX_FIELDS + 3;

/** Slots of `strs` a record: its text, its cues' partner (or the record or cues kept as given), its cues' topic. */
const SLOTS = 3;

const CUE_KEYS = ['partner', 'action', 'driver', 'topic', 'valence'] as const;
type CueKey = (typeof CUE_KEYS)[number];
/** Bits a cue key takes in the key order (its index + 1; five keys fit in 15 bits). */
const KEY_BITS = 3;
const ORDER_SHIFT = 3;
const ORDER_MASK = 0x7fff;
const HAS_CUES = 1 << 18;
/** The record object is kept in the partner slot as given (its keys or values are not the usual ones). */
const RAW_RECORD = 1 << 19;
/** The cues object is kept in the partner slot as given. */
const RAW_CUES = 1 << 20;
const ACTION_SHIFT = 21;
const DRIVER_SHIFT = 24;
/** The kind bits of a kept record whose kind is none of MEMORY_KINDS (an ordinary memory to the cap). */
const OTHER_KIND = 7;
const RECORD_KEYS = ['id', 'round', 'kind', 'text', 'importance', 'cues'] as const;

const kindIndex = new Map<string, number>(MEMORY_KINDS.map((k, i) => [k, i]));
const actionIndex = new Map<string, number>(ADVICE_ACTIONS.map((k, i) => [k, i]));
const driverIndex = new Map<string, number>(DRIVERS.map((k, i) => [k, i]));
const cueIndex = new Map<string, number>(CUE_KEYS.map((k, i) => [k, i]));

// A float64 as two Int32 words and back (bit-exact: −0, NaN and every fraction survive).
const f64 = new Float64Array(1);
const f64Words = new Int32Array(f64.buffer);
function putFloat(d: Int32Array, at: number, x: number): void {
  f64[0] = x;
  d[at] = f64Words[0];
  d[at + 1] = f64Words[1];
}
function getFloat(d: Int32Array, at: number): number {
  f64Words[0] = d[at];
  f64Words[1] = d[at + 1];
  return f64[0];
}

function isPlain(o: object): boolean {
  const p = Object.getPrototypeOf(o);
  return p === Object.prototype || p === null;
}

/**
 * Whether the columns say `m` exactly: the record keys in their order, an int32 id, round and
 * importance, a known kind, a string text.
 */
function columnar(m: MemoryRecord): boolean {
  if (!isPlain(m)) return false;
  let i = 0;
  for (const k in m) {
    if (k !== RECORD_KEYS[i]) return false;
    i++;
  }
  if (i < 5) return false;
  if (i === 6 && (typeof m.cues !== 'object' || m.cues === null)) return false;
  return (
    (m.id | 0) === m.id &&
    (m.round | 0) === m.round &&
    kindIndex.has(m.kind) &&
    typeof m.text === 'string' &&
    (m.importance | 0) === m.importance &&
    !Object.is(m.importance, -0)
  );
}

/**
 * A record as retrieval hands it on (llm/types RetrievedMemory): its fields, its score, its cues.
 * One literal per shape: adding `cues` afterwards would reshape every object, and at 10,000 agents
 * retrieved memories are among the most allocated objects of a round.
 */
export type ScoredRecord = Omit<MemoryRecord, 'cues'> & { score: number; cues?: MemoryCues };

export function scoredRecord(m: MemoryRecord, score: number): ScoredRecord {
  return m.cues
    ? { id: m.id, round: m.round, kind: m.kind, text: m.text, importance: m.importance, score, cues: m.cues }
    : { id: m.id, round: m.round, kind: m.kind, text: m.text, importance: m.importance, score };
}

export class MemoryStream extends PackedMemories {
  readonly fields = FIELDS;
  /** Per record: text, partner (or the kept record or cues), topic. */
  private strs: unknown[] = [];

  /** A stream of these records, in order (no cap applied). */
  static of(records: readonly MemoryRecord[]): MemoryStream {
    const s = new MemoryStream();
    for (const m of records) s.push(m);
    return s;
  }

  get length(): number {
    return this.count;
  }

  /**
   * Append a memory, forgetting the oldest non-seed, non-reflection memory when the stream then
   * holds more than `cap` (memory.ts appendMemory's rule for record arrays).
   */
  append(m: MemoryRecord, cap: number): void {
    this.push(m);
    if (this.count <= cap) return;
    const d = this.data,
      seed = kindIndex.get('seed')!,
      reflection = kindIndex.get('reflection')!;
    let ordinary = -1,
      notSeed = -1;
    for (let j = 0, o = 0; j < this.count; j++) {
      const kind = this.kindAt(o);
      if (kind !== seed && kind !== reflection) {
        ordinary = j;
        break;
      }
      if (notSeed < 0 && kind !== seed) notSeed = j;
      o += FIELDS + d[o + 3];
    }
    this.removeAt(ordinary >= 0 ? ordinary : notSeed >= 0 ? notSeed : 0);
  }

  /** The record at position `i`. */
  at(i: number): MemoryRecord {
    return this.recordAt(i, this.offsetOf(i));
  }

  /** Every record, oldest first. */
  records(): MemoryRecord[] {
    const out: MemoryRecord[] = new Array(this.count);
    for (let j = 0, o = 0; j < this.count; j++) {
      out[j] = this.recordAt(j, o);
      o += FIELDS + this.data[o + 3];
    }
    return out;
  }

  [Symbol.iterator](): Iterator<MemoryRecord> {
    return this.records()[Symbol.iterator]();
  }

  /** What JSON.stringify writes for the stream: its records, as the array it replaced. */
  toJSON(): MemoryRecord[] {
    return this.records();
  }

  /** Position of the memory with this id, or −1. */
  indexOfId(id: number): number {
    for (let j = 0, o = 0; j < this.count; j++) {
      if (this.data[o] === id) return j;
      o += FIELDS + this.data[o + 3];
    }
    return -1;
  }

  /** Drops the record at position `i`. */
  removeAt(i: number): void {
    this.dropAt(i);
    const s = this.strs,
      from = (i + 1) * SLOTS;
    for (let k = from; k < s.length; k++) s[k - SLOTS] = s[k];
    s.length -= SLOTS;
  }

  /** The record of entry `j` at offset `o` (retrieval knows both). */
  recordAt(j: number, o: number): MemoryRecord {
    const d = this.data,
      tag = d[o + TAG],
      t = j * SLOTS;
    if (tag & RAW_RECORD) return this.strs[t + 1] as MemoryRecord;
    const id = d[o],
      round = d[o + 1],
      kind = MEMORY_KINDS[tag & 7],
      text = this.strs[t] as string,
      importance = d[o + 2];
    if (!(tag & HAS_CUES)) return { id, round, kind, text, importance };
    const cues = tag & RAW_CUES ? (this.strs[t + 1] as MemoryCues) : this.cuesAt(t, o, tag);
    return { id, round, kind, text, importance, cues };
  }

  /**
   * What retrieval hands on for the record of entry `j` at offset `o`: its fields and `score`, in
   * scoredRecord's order, built straight from the columns.
   */
  scoredAt(j: number, o: number, score: number): ScoredRecord {
    const d = this.data,
      tag = d[o + TAG],
      t = j * SLOTS;
    if (tag & RAW_RECORD) return scoredRecord(this.strs[t + 1] as MemoryRecord, score);
    const id = d[o],
      round = d[o + 1],
      kind = MEMORY_KINDS[tag & 7],
      text = this.strs[t] as string,
      importance = d[o + 2];
    if (!(tag & HAS_CUES)) return { id, round, kind, text, importance, score };
    const cues = tag & RAW_CUES ? (this.strs[t + 1] as MemoryCues) : this.cuesAt(t, o, tag);
    return { id, round, kind, text, importance, score, cues };
  }

  private kindAt(o: number): number {
    return this.data[o + TAG] & 7;
  }

  private cuesAt(t: number, o: number, tag: number): MemoryCues {
    const d = this.data,
      s = this.strs,
      c: MemoryCues = {};
    for (let order = (tag >>> ORDER_SHIFT) & ORDER_MASK; order; order >>>= KEY_BITS) {
      const key: CueKey = CUE_KEYS[(order & 7) - 1];
      if (key === 'partner') c.partner = s[t + 1] as string;
      else if (key === 'topic') c.topic = s[t + 2] as string;
      else if (key === 'action') c.action = ADVICE_ACTIONS[((tag >>> ACTION_SHIFT) & 7) - 1];
      else if (key === 'driver') c.driver = DRIVERS[((tag >>> DRIVER_SHIFT) & 7) - 1];
      else c.valence = getFloat(d, o + VALENCE);
    }
    return c;
  }

  private push(m: MemoryRecord): void {
    const o = this.put(m),
      d = this.data,
      s = this.strs;
    if (!columnar(m)) {
      d[o + TAG] = RAW_RECORD | (kindIndex.get(m.kind) ?? OTHER_KIND);
      s.push(m.text, m, undefined);
      return;
    }
    let tag = kindIndex.get(m.kind)!;
    s.push(m.text, undefined, undefined);
    if (m.cues) tag |= HAS_CUES | this.putCues(m.cues, o, s.length - SLOTS);
    d[o + TAG] = tag;
  }

  /** Writes `c` into entry `o`'s columns and slots `t…`; returns its tag bits (key order and enums, or RAW_CUES). */
  private putCues(c: MemoryCues, o: number, t: number): number {
    const d = this.data,
      s = this.strs;
    let order = 0,
      pos = 0,
      enums = 0;
    if (isPlain(c)) {
      for (const k in c) {
        const v: unknown = c[k as CueKey];
        // An absent value is no key to JSON, and reads as undefined either way.
        if (v === undefined) continue;
        const key = cueIndex.get(k);
        if (key === undefined) return this.rawCues(c, o, t);
        if (key === 0 || key === 3) {
          if (typeof v !== 'string') return this.rawCues(c, o, t);
          s[t + (key === 0 ? 1 : 2)] = v;
        } else if (key === 1 || key === 2) {
          const i = typeof v === 'string' ? (key === 1 ? actionIndex : driverIndex).get(v) : undefined;
          if (i === undefined) return this.rawCues(c, o, t);
          enums |= (i + 1) << (key === 1 ? ACTION_SHIFT : DRIVER_SHIFT);
        } else {
          if (typeof v !== 'number') return this.rawCues(c, o, t);
          putFloat(d, o + VALENCE, v);
        }
        order |= (key + 1) << (KEY_BITS * pos++);
      }
      return (order << ORDER_SHIFT) | enums;
    }
    return this.rawCues(c, o, t);
  }

  private rawCues(c: MemoryCues, o: number, t: number): number {
    this.strs[t + 1] = c;
    this.strs[t + 2] = undefined;
    return RAW_CUES;
  }
}
