// Tokens for memory relevance: lower-cased content words, each given a small integer id once per
// process, and a query's ids marked in a shared table so relevance is a scan with no hashing.
// Words with the same Porter stem share an id, so "plans" finds "we made a plan" and "climbing"
// finds "climb" (the stem is worked out once per distinct word). The vocabulary only grows (ids
// must stay stable); LLM-sized runs add tens of thousands of words.
import { stemmer } from 'stemmer';

const STOPWORDS = new Set(
  (
    'the and for with that this you your are was were have has had but not about from they them ' +
    'their what when who how its our out all can will just into than then there some very like also been more ' +
    'would could should i me my we us he she his her him of to in on at is it be as or an a by so do did'
  ).split(' '),
);

/** Word characters: ASCII letters and digits, and every non-ASCII code unit (accented letters, CJK). */
function isWordChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c > 127;
}

/** Word → id; words with one stem share it. Stopwords are in it as −1, so a scan looks each word up once. */
const STOP = -1;
const vocabulary = new Map<string, number>([...STOPWORDS].map((w) => [w, STOP]));
const stems = new Map<string, number>();
function idOf(w: string): number {
  let id = vocabulary.get(w);
  if (id === undefined) {
    const stem = stemmer(w);
    id = stems.get(stem);
    if (id === undefined) {
      id = stems.size;
      stems.set(stem, id);
      fitIds(id + 1);
    }
    vocabulary.set(w, id);
  }
  return id;
}

/** Calls `visit` with each content word (length ≥ 3, no stopwords) and its id in order: the scan scanIds and tokenWords share. */
function scanWords(text: string, visit: (id: number, word: string) => void): void {
  const lower = text.toLowerCase();
  let start = -1;
  for (let i = 0; i <= lower.length; i++) {
    const word = i < lower.length && isWordChar(lower.charCodeAt(i));
    if (word) {
      if (start < 0) start = i;
      continue;
    }
    if (start >= 0) {
      if (i - start >= 3) {
        const w = lower.slice(start, i);
        const id = idOf(w);
        if (id !== STOP) visit(id, w);
      }
      start = -1;
    }
  }
}

// A scan's ids go to one shared buffer, deduplicated by stamping each id with the scan's number:
// no array per text and no search of what was found so far.
let scanned = new Int32Array(64);
let found = 0;
let seen = new Int32Array(1024);
let scan = 0;

function keep(id: number): void {
  if (seen[id] === scan) return;
  seen[id] = scan;
  if (found === scanned.length) {
    const grown = new Int32Array(found * 2);
    grown.set(scanned);
    scanned = grown;
  }
  scanned[found++] = id;
}

/**
 * Scans the ids of a text's content words (length ≥ 3, no stopwords), deduplicated, in first-seen
 * order, into scannedIds()[0, n); returns n. Valid until the next scan.
 */
export function scanIds(text: string): number {
  scan++;
  found = 0;
  scanWords(text, keep);
  return found;
}

/** The buffer scanIds fills. */
export function scannedIds(): Int32Array {
  return scanned;
}

/** Ids of the content words (length ≥ 3, no stopwords) of a text, deduplicated, in first-seen order. */
export function tokenIds(text: string): number[] {
  const n = scanIds(text),
    out: number[] = [];
  for (let i = 0; i < n; i++) out.push(scanned[i]);
  return out;
}

/** The content words of a text as written, one per stem ("plans, plan" → "plans"), in first-seen order. */
export function tokenWords(text: string): string[] {
  const ids: number[] = [],
    out: string[] = [];
  scanWords(text, (id, w) => {
    if (!ids.includes(id)) {
      ids.push(id);
      out.push(w);
    }
  });
  return out;
}

// Situations are described by the same short strings (names, interests) over and over. Each
// phrase's ids are kept once, as [count, ids…] at an offset in one pool, so a phrase is one Map
// lookup of a number away from its ids.
const phraseAt = new Map<string, number>();
let phrasePool = new Int32Array(4096);
let phraseUsed = 0;

function phraseOffset(text: string): number {
  let at = phraseAt.get(text);
  if (at === undefined) {
    if (phraseAt.size > 100_000) {
      phraseAt.clear();
      phraseUsed = 0;
    }
    const n = scanIds(text);
    if (phraseUsed + 1 + n > phrasePool.length) {
      const grown = new Int32Array(Math.max(phraseUsed + 1 + n, phrasePool.length * 2));
      grown.set(phrasePool);
      phrasePool = grown;
    }
    at = phraseUsed;
    phrasePool[at] = n;
    phrasePool.set(scanned.subarray(0, n), at + 1);
    phraseUsed += 1 + n;
    phraseAt.set(text, at);
  }
  return at;
}

// The mark table: marks[id] === generation ⇔ token id is in the current query. It and `seen` are
// sized to the vocabulary as ids are handed out, so a lookup needs no bounds check.
let marks = new Int32Array(1024);
let generation = 0;

function fitIds(n: number): void {
  if (n <= marks.length) return;
  const size = Math.max(n, marks.length * 2);
  const m = new Int32Array(size);
  m.set(marks);
  marks = m;
  const s = new Int32Array(size);
  s.set(seen);
  seen = s;
}

function mark(id: number): boolean {
  if (marks[id] === generation) return false;
  marks[id] = generation;
  return true;
}

/** Starts a new query and marks the tokens of `words` (words of one stem count once); returns |Q|. */
export function markWords(query: Iterable<string>): number {
  generation++;
  let n = 0;
  for (const w of query) {
    const id = idOf(w);
    if (id !== STOP && mark(id)) n++;
  }
  return n;
}

/** Starts a new query from situation phrases (no set built); returns |Q|. */
export function markPhrases(texts: readonly string[]): number {
  generation++;
  let n = 0;
  for (const t of texts) {
    if (t.length > 64) {
      const k = scanIds(t);
      for (let i = 0; i < k; i++) if (mark(scanned[i])) n++;
      continue;
    }
    const at = phraseOffset(t),
      end = at + 1 + phrasePool[at];
    for (let i = at + 1; i < end; i++) if (mark(phrasePool[i])) n++;
  }
  return n;
}

/** Whether a token id is in the current query. */
export function marked(id: number): boolean {
  return marks[id] === generation;
}

/** Count of `ids[from, to)` in the current query. */
export function markedIn(ids: Int32Array, from: number, to: number): number {
  let hit = 0;
  for (let i = from; i < to; i++) if (marks[ids[i]] === generation) hit++;
  return hit;
}
