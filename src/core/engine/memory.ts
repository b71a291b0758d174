// The memory stream (Generative Agents): append with a bounded size, score by recency, importance
// and relevance, retrieve the top k, and decide when to reflect. Pure functions so the engine,
// trace replay and the memory inspector's "retrieval preview" score memories identically.
import type { MemoryConfig } from '../format/model';
import type { MemoryRecord } from '../trace/events';

/** Streams keep at most this many memories; the oldest ordinary ones are forgotten first. */
export const MEMORY_CAP = 120;

const STOPWORDS = new Set(('the and for with that this you your are was were have has had but not about from they them ' +
  'their what when who how its our out all can will just into than then there some very like also been more ' +
  'would could should i me my we us he she his her him of to in on at is it be as or an a by so do did')
  .split(' '));

/** Word characters: ASCII letters and digits, and every non-ASCII code unit (accented letters, CJK). */
function isWordChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c > 127;
}

// One shared string per distinct token keeps large populations' memory streams small.
const interned = new Map<string, string>();
function intern(w: string): string {
  const hit = interned.get(w);
  if (hit !== undefined) return hit;
  if (interned.size > 500_000) interned.clear();
  interned.set(w, w);
  return w;
}

/** Lower-cased content words (length ≥ 3, no stopwords), deduplicated, in first-seen order. */
export function tokenize(text: string): string[] {
  const out: string[] = [];
  const lower = text.toLowerCase();
  let start = -1;
  for (let i = 0; i <= lower.length; i++) {
    const word = i < lower.length && isWordChar(lower.charCodeAt(i));
    if (word) { if (start < 0) start = i; continue; }
    if (start >= 0) {
      if (i - start >= 3) {
        const w = intern(lower.slice(start, i));
        if (!STOPWORDS.has(w) && !out.includes(w)) out.push(w);
      }
      start = -1;
    }
  }
  return out;
}

// Tokens ride on the record under a symbol: invisible to JSON and cheaper than a WeakMap lookup.
const TOKENS = Symbol('tokens');
type Tokenized = MemoryRecord & { [TOKENS]?: string[] };
/** Tokens of a memory, computed once per record object. */
export function memoryTokens(m: MemoryRecord): string[] {
  const r = m as Tokenized;
  return r[TOKENS] ??= tokenize(m.text);
}

// Situations are described by the same short strings (names, interests) over and over.
const phraseCache = new Map<string, string[]>();
function phraseTokens(text: string): string[] {
  let t = phraseCache.get(text);
  if (!t) {
    if (phraseCache.size > 100_000) phraseCache.clear();
    t = tokenize(text);
    phraseCache.set(text, t);
  }
  return t;
}

/** A retrieval query: the tokens describing the current situation. */
export type Query = ReadonlySet<string>;
export function makeQuery(...texts: string[]): Query {
  const q = new Set<string>();
  for (const t of texts) for (const tok of (t.length <= 64 ? phraseTokens(t) : tokenize(t))) q.add(tok);
  return q;
}

export interface ScoredMemory {
  memory: MemoryRecord;
  /** decay^(now − memory.round), 0..1. */
  recency: number;
  /** importance / 10, 0..1. */
  importance: number;
  /** Cosine overlap of token sets |Q∩M| / √(|Q|·|M|), 0..1. */
  relevance: number;
  /** recency·w_rec + importance·w_imp + relevance·w_rel (weights from the scenario's memory config). */
  score: number;
}

/**
 * Retrieval score of one memory. Components use fixed scales rather than Generative Agents'
 * per-query min–max normalisation, so a score does not depend on the other memories in the stream.
 */
export function scoreMemory(m: MemoryRecord, query: Query, now: number, cfg: MemoryConfig): ScoredMemory {
  const recency = Math.pow(cfg.decay, Math.max(0, now - m.round));
  const importance = m.importance / 10;
  const relevance = relevanceOf(m, query);
  const score = cfg.recency * recency + cfg.importance * importance + cfg.relevance * relevance;
  return { memory: m, recency, importance, relevance, score };
}

function relevanceOf(m: MemoryRecord, query: Query): number {
  if (query.size === 0) return 0;
  const toks = memoryTokens(m);
  if (toks.length === 0) return 0;
  let hit = 0;
  for (const t of toks) if (query.has(t)) hit++;
  return hit / Math.sqrt(query.size * toks.length);
}

/** Every memory scored, best first (ties broken by newer id first). Used by the retrieval preview. */
export function scoreMemories(stream: readonly MemoryRecord[], query: Query, now: number, cfg: MemoryConfig): ScoredMemory[] {
  return stream.map((m) => scoreMemory(m, query, now, cfg)).sort(byScore);
}

function byScore(a: ScoredMemory, b: ScoredMemory): number {
  return b.score - a.score || b.memory.id - a.memory.id;
}

/**
 * The top-k memories for a query (k defaults to cfg.top_k), best first — the same scores and order
 * as scoreMemories(...).slice(0, k). Allocation-free selection; O(n·k) with small k.
 */
export function retrieve(stream: readonly MemoryRecord[], query: Query, now: number, cfg: MemoryConfig, k = cfg.top_k): ScoredMemory[] {
  if (k <= 0) return [];
  const idx: number[] = [], sc: number[] = [];
  for (let j = 0; j < stream.length; j++) {
    const m = stream[j];
    const s = cfg.recency * Math.pow(cfg.decay, Math.max(0, now - m.round)) + cfg.importance * (m.importance / 10) + cfg.relevance * relevanceOf(m, query);
    // Insert into the sorted top list if it beats the last entry (ties: newer id first).
    let pos = idx.length;
    while (pos > 0 && (s > sc[pos - 1] || (s === sc[pos - 1] && m.id > stream[idx[pos - 1]].id))) pos--;
    if (pos >= k) continue;
    idx.splice(pos, 0, j); sc.splice(pos, 0, s);
    if (idx.length > k) { idx.pop(); sc.pop(); }
  }
  return idx.map((j) => scoreMemory(stream[j], query, now, cfg));
}

/**
 * Append a memory, forgetting the oldest non-seed, non-reflection memory when the stream exceeds
 * `cap` (seed memories and reflections are the agent's long-term identity). Returns the forgotten one.
 */
export function appendMemory(stream: MemoryRecord[], m: MemoryRecord, cap = MEMORY_CAP): MemoryRecord | undefined {
  stream.push(m);
  if (stream.length <= cap) return undefined;
  let idx = stream.findIndex((x) => x.kind !== 'seed' && x.kind !== 'reflection');
  if (idx < 0) idx = stream.findIndex((x) => x.kind !== 'seed');
  if (idx < 0) idx = 0;
  return stream.splice(idx, 1)[0];
}

/** Reflection fires when the importance summed since the last reflection reaches the threshold. */
export function shouldReflect(importanceSinceReflection: number, cfg: MemoryConfig): boolean {
  return importanceSinceReflection >= cfg.reflect_at;
}
