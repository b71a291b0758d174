// The memory stream (Generative Agents): append with a bounded size, score by recency, importance
// and relevance, retrieve the top k, and decide when to reflect. Pure functions so the engine,
// trace replay and the memory inspector's "retrieval preview" score memories identically.
import type { MemoryConfig } from '../../format';
import type { MemoryRecord } from '../../trace/events';
import { indexOf, liveIndex, type PackedMemories } from './memoryIndex';
import { MemoryStream, scoredRecord, type ScoredRecord } from './memoryStream';
import { minMax, Span } from './minmax';
import { markPhrases, markWords, markedIn, scanIds, scannedIds, tokenWords } from './tokens';

/** Streams keep at most this many memories; the oldest ordinary ones are forgotten first. */
export const MEMORY_CAP = 120;

/** A memory stream as retrieval reads it: records in an array, or an engine agent's columns. */
export type Memories = readonly MemoryRecord[] | MemoryStream;

function packedOf(stream: Memories): PackedMemories {
  return stream instanceof MemoryStream ? stream : indexOf(stream);
}

/** The record at position `j` (entry offset `o` in the packed form). */
function recordAt(stream: Memories, j: number, o: number): MemoryRecord {
  return stream instanceof MemoryStream ? stream.recordAt(j, o) : stream[j];
}

/** Lower-cased content words (length ≥ 3, no stopwords), one per stem, in first-seen order. */
export function tokenize(text: string): string[] {
  return tokenWords(text);
}

/** Tokens of a memory (what relevance matches against). */
export function memoryTokens(m: MemoryRecord): string[] {
  return tokenize(m.text);
}

/** A retrieval query: the tokens describing the current situation. */
export type Query = ReadonlySet<string>;
export function makeQuery(...texts: string[]): Query {
  const q = new Set<string>();
  for (const t of texts) for (const w of tokenWords(t)) q.add(w);
  return q;
}

export interface ScoredMemory {
  memory: MemoryRecord;
  /** decay^(now − memory.round), 0..1 (rescaled over the stream with `normalize: minmax`, as the next two). */
  recency: number;
  /** importance / 10, 0..1. */
  importance: number;
  /** Cosine overlap of token sets |Q∩M| / √(|Q|·|M|), 0..1. */
  relevance: number;
  /** recency·w_rec + importance·w_imp + relevance·w_rel (weights from the scenario's memory config). */
  score: number;
}

/**
 * Retrieval score of one memory on the fixed scales (the default; with `normalize: minmax` a score
 * depends on the other memories, see scoreMemories).
 */
export function scoreMemory(m: MemoryRecord, query: Query, now: number, cfg: MemoryConfig): ScoredMemory {
  return scored(m, markWords(query), now, cfg);
}

/** The score of the components: one order of operations everywhere, so every path's scores agree to the bit. */
function weighted(cfg: MemoryConfig, recency: number, importance: number, relevance: number): number {
  return cfg.recency * recency + cfg.importance * importance + cfg.relevance * relevance;
}

/** Relevance of the `n` token ids at ids[from…] to the marked query of `qn` ids: |Q∩M| / √(|Q|·|M|). */
function overlap(ids: Int32Array, from: number, n: number, qn: number): number {
  return qn === 0 || n === 0 ? 0 : markedIn(ids, from, from + n) / Math.sqrt(qn * n);
}

function scored(m: MemoryRecord, qn: number, now: number, cfg: MemoryConfig): ScoredMemory {
  const recency = Math.pow(cfg.decay, Math.max(0, now - m.round));
  const importance = m.importance / 10;
  const n = scanIds(m.text);
  const relevance = overlap(scannedIds(), 0, n, qn);
  const score = weighted(cfg, recency, importance, relevance);
  return { memory: m, recency, importance, relevance, score };
}

/** Every memory scored, best first (ties broken by newer id first). Used by the retrieval preview. */
export function scoreMemories(
  stream: readonly MemoryRecord[],
  query: Query,
  now: number,
  cfg: MemoryConfig,
): ScoredMemory[] {
  const qn = markWords(query);
  const all = stream.map((m) => scored(m, qn, now, cfg));
  if (minMax(cfg)) rescale(all, cfg);
  return all.sort(byScore);
}

/** `normalize: minmax`: every component rescaled over the memories ranked, and the scores with them (minmax.ts). */
function rescale(all: ScoredMemory[], cfg: MemoryConfig): void {
  const rec = new Span(),
    imp = new Span(),
    rel = new Span();
  for (const s of all) {
    rec.see(s.recency);
    imp.see(s.importance);
    rel.see(s.relevance);
  }
  for (const s of all) {
    s.recency = rec.scale(s.recency);
    s.importance = imp.scale(s.importance);
    s.relevance = rel.scale(s.relevance);
    s.score = weighted(cfg, s.recency, s.importance, s.relevance);
  }
}

function byScore(a: ScoredMemory, b: ScoredMemory): number {
  return b.score - a.score || b.memory.id - a.memory.id;
}

/**
 * The top-k memories for a query (k defaults to cfg.top_k), best first — the same scores and order
 * as scoreMemories(...).slice(0, k).
 */
export function retrieve(
  stream: readonly MemoryRecord[],
  query: Query,
  now: number,
  cfg: MemoryConfig,
  k = cfg.top_k,
): ScoredMemory[] {
  if (minMax(cfg)) return scoreMemories(stream, query, now, cfg).slice(0, Math.max(0, k));
  const qn = markWords(query);
  const n = topK(stream, qn, now, cfg, k),
    out: ScoredMemory[] = [];
  for (let i = 0; i < n; i++) out.push(scored(stream[topAt[i]], qn, now, cfg));
  return out;
}

/** Top-k for a situation given as phrases (the engine's path: no query set is built). */
export function retrieveFor(
  stream: Memories,
  situation: readonly string[],
  now: number,
  cfg: MemoryConfig,
  k = cfg.top_k,
): { memory: MemoryRecord; score: number }[] {
  return retrieveAs(stream, situation, now, cfg, withScore, k);
}

function withScore(memory: MemoryRecord, score: number): { memory: MemoryRecord; score: number } {
  return { memory, score };
}

/** retrieveFor with each of the top k made into what the caller hands on (`as` must not retrieve). */
export function retrieveAs<T>(
  stream: Memories,
  situation: readonly string[],
  now: number,
  cfg: MemoryConfig,
  as: (m: MemoryRecord, score: number) => T,
  k = cfg.top_k,
): T[] {
  const n = topK(stream, markPhrases(situation), now, cfg, k),
    out: T[] = [];
  for (let i = 0; i < n; i++) out.push(as(recordAt(stream, topAt[i], topOff[i]), topScore[i]));
  return out;
}

/**
 * Top-k for a situation as recall hands them on (fields, then score): from an engine stream's
 * columns straight into the result, with no record built in between.
 */
export function retrieveScored(
  stream: Memories,
  situation: readonly string[],
  now: number,
  cfg: MemoryConfig,
  k = cfg.top_k,
): ScoredRecord[] {
  const n = topK(stream, markPhrases(situation), now, cfg, k),
    out: ScoredRecord[] = [];
  for (let i = 0; i < n; i++) {
    out.push(
      stream instanceof MemoryStream
        ? stream.scoredAt(topAt[i], topOff[i], topScore[i])
        : scoredRecord(stream[topAt[i]], topScore[i]),
    );
  }
  return out;
}

// Recency weights by age, filled with Math.pow itself so scores equal scoreMemory's exactly.
let powBase = NaN;
const powByAge: number[] = [];
function recencyAt(decay: number, age: number): number {
  if (decay !== powBase) {
    powBase = decay;
    powByAge.length = 0;
  }
  if (age >= 4096) return Math.pow(decay, age);
  let w = powByAge[age];
  if (w === undefined) w = powByAge[age] = Math.pow(decay, age);
  return w;
}

// topK's result: stream positions, packed offsets, scores and ids of the best, best first. Shared buffers (a
// retrieval is synchronous and read before the next), so a retrieval allocates only its answer.
let topAt = new Int32Array(16);
let topOff = new Int32Array(16);
let topScore = new Float64Array(16);
let topId = new Float64Array(16);

/**
 * The k best against the marked query (ties: newer id first) into topAt/topScore; returns how
 * many. One pass over the stream's packed index; O(n·k) with small k.
 */
function topK(stream: Memories, qn: number, now: number, cfg: MemoryConfig, k: number): number {
  if (k <= 0) return 0;
  if (k > topAt.length) {
    topAt = new Int32Array(k);
    topOff = new Int32Array(k);
    topScore = new Float64Array(k);
    topId = new Float64Array(k);
  }
  const packed = packedOf(stream);
  if (packed.inexact) return topKOfRecords(stream, packed, qn, now, cfg, k);
  if (minMax(cfg)) return topKRescaled(stream, qn, now, cfg, k);
  const { data, fields } = packed;
  // weighted() and overlap() written out, the weights read once: this loop runs for every memory of
  // every retrieval (the calls measured 5–8% slower in a retrieval micro-benchmark).
  const wRec = cfg.recency,
    wImp = cfg.importance,
    wRel = cfg.relevance,
    decay = cfg.decay;
  let size = 0;
  for (let j = 0, o = 0; j < stream.length; j++) {
    const at = o,
      id = data[o],
      age = now - data[o + 1],
      n = data[o + 3];
    const start = o + fields;
    o = start + n;
    const relevance = qn === 0 || n === 0 ? 0 : markedIn(data, start, o) / Math.sqrt(qn * n);
    const s = wRec * recencyAt(decay, age > 0 ? age : 0) + wImp * (data[at + 2] / 10) + wRel * relevance;
    size = offer(size, k, j, at, s, id);
  }
  return size;
}

/**
 * Inserts stream position `j` (entry offset `off`, score `s`, memory id `id`) into the sorted top list of `size`
 * entries if it beats the last (ties: newer id first); returns the new size.
 */
function offer(size: number, k: number, j: number, off: number, s: number, id: number): number {
  const at = topAt,
    offs = topOff,
    sc = topScore,
    ids = topId;
  let pos = size;
  if (pos === k && !(s > sc[k - 1] || (s === sc[k - 1] && id > ids[k - 1]))) return size;
  if (pos < k) size++;
  else pos--;
  while (pos > 0 && (s > sc[pos - 1] || (s === sc[pos - 1] && id > ids[pos - 1]))) {
    at[pos] = at[pos - 1];
    offs[pos] = offs[pos - 1];
    sc[pos] = sc[pos - 1];
    ids[pos] = ids[pos - 1];
    pos--;
  }
  at[pos] = j;
  offs[pos] = off;
  sc[pos] = s;
  ids[pos] = id;
  return size;
}

// topKRescaled's raw components by stream position, and their spans (shared, as the top list).
let rawRecency = new Float64Array(128),
  rawImportance = new Float64Array(128),
  rawRelevance = new Float64Array(128);
const recencySpan = new Span(),
  importanceSpan = new Span(),
  relevanceSpan = new Span();

/** topK with `normalize: minmax`: the raw components in one pass, the rescaled scores in a second. */
function topKRescaled(stream: Memories, qn: number, now: number, cfg: MemoryConfig, k: number): number {
  const count = stream.length;
  if (count > rawRecency.length) {
    const n = Math.max(count, rawRecency.length * 2);
    rawRecency = new Float64Array(n);
    rawImportance = new Float64Array(n);
    rawRelevance = new Float64Array(n);
  }
  const { data, fields } = packedOf(stream);
  const rec = recencySpan,
    imp = importanceSpan,
    rel = relevanceSpan;
  rec.reset();
  imp.reset();
  rel.reset();
  for (let j = 0, o = 0; j < count; j++) {
    const age = now - data[o + 1],
      n = data[o + 3],
      importance = data[o + 2];
    const start = o + fields;
    o = start + n;
    rec.see((rawRecency[j] = recencyAt(cfg.decay, age > 0 ? age : 0)));
    imp.see((rawImportance[j] = importance / 10));
    rel.see((rawRelevance[j] = overlap(data, start, n, qn)));
  }
  let size = 0;
  for (let j = 0, o = 0; j < count; j++) {
    const at = o,
      id = data[o];
    o += fields + data[o + 3];
    const s = weighted(cfg, rec.scale(rawRecency[j]), imp.scale(rawImportance[j]), rel.scale(rawRelevance[j]));
    size = offer(size, k, j, at, s, id);
  }
  return size;
}

/**
 * topK for a stream whose packed entries do not say every record's numbers exactly (an id, round
 * or importance that is not an Int32): each record scored as scoreMemories scores it, offered in
 * stream order with the same tie-break, so the top list is the preview's first k.
 */
function topKOfRecords(
  stream: Memories,
  packed: PackedMemories,
  qn: number,
  now: number,
  cfg: MemoryConfig,
  k: number,
): number {
  const { data, fields } = packed;
  const all: ScoredMemory[] = [],
    offsets: number[] = [];
  for (let j = 0, o = 0; j < stream.length; j++) {
    all.push(scored(recordAt(stream, j, o), qn, now, cfg));
    offsets.push(o);
    o += fields + data[o + 3];
  }
  if (minMax(cfg)) rescale(all, cfg);
  let size = 0;
  for (let j = 0; j < all.length; j++) size = offer(size, k, j, offsets[j], all[j].score, all[j].memory.id);
  return size;
}

/**
 * Append a memory, forgetting the oldest non-seed, non-reflection memory when the stream exceeds
 * `cap` (seed memories and reflections are the agent's long-term identity). Returns the forgotten one.
 */
export function appendMemory(stream: MemoryRecord[], m: MemoryRecord, cap = MEMORY_CAP): MemoryRecord | undefined {
  const index = liveIndex(stream);
  stream.push(m);
  index?.append(m);
  if (stream.length <= cap) return undefined;
  let idx = stream.findIndex((x) => x.kind !== 'seed' && x.kind !== 'reflection');
  if (idx < 0) idx = stream.findIndex((x) => x.kind !== 'seed');
  if (idx < 0) idx = 0;
  const forgotten = stream.splice(idx, 1)[0];
  index?.removeAt(idx, stream);
  return forgotten;
}

/** Reflection fires when the importance summed since the last reflection reaches the threshold. */
export function shouldReflect(importanceSinceReflection: number, cfg: MemoryConfig): boolean {
  return importanceSinceReflection >= cfg.reflect_at;
}

/**
 * Top-k when relevance comes from elsewhere (endpoint embeddings): `relevance[i]` belongs to
 * `stream[i]`; recency, importance, weights and tie-breaking are the lexical path's.
 */
export function retrieveByRelevance(
  stream: readonly MemoryRecord[],
  relevance: readonly number[],
  now: number,
  cfg: MemoryConfig,
  k = cfg.top_k,
): ScoredMemory[] {
  const all = stream.map((m, i): ScoredMemory => {
    const recency = recencyAt(cfg.decay, Math.max(0, now - m.round));
    const importance = m.importance / 10;
    const rel = Math.max(0, Math.min(1, relevance[i] ?? 0));
    return { memory: m, recency, importance, relevance: rel, score: weighted(cfg, recency, importance, rel) };
  });
  if (minMax(cfg)) rescale(all, cfg);
  return all.sort(byScore).slice(0, Math.max(0, k));
}
