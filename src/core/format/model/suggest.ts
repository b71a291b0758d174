// "Did you mean …?" suggestions: the closest candidate by edit distance, if close enough.
// A file can hold tens of thousands of personas and as many references to ids that are not
// there: asking for each of them against every id made `society check` of 20,000 such references
// take six minutes. A Suggester is made once for a list of candidates: it skips candidates whose
// length alone puts them out of reach, stops a distance as soon as it cannot be close enough,
// remembers each word's answer, and past a budget of work suggests nothing more.

/** Damerau-Levenshtein (optimal string alignment) distance; small strings only. */
export function editDistance(a: string, b: string): number {
  const m = a.length,
    n = b.length;
  if (Math.abs(m - n) > 3 && Math.min(m, n) < 20) return Math.abs(m - n);
  return boundedDistance(a, b, Infinity);
}

// Three rows of the table, reused: the transposition looks two rows back.
let rowA = new Int32Array(64),
  rowB = new Int32Array(64),
  rowC = new Int32Array(64);

/**
 * The optimal-string-alignment distance of `a` and `b` if it is at most `most`, else some number
 * above `most` (the table stops once two rows in a row exceed it: no later row can come back).
 * Counts the cells it fills into `cells.n` when given.
 */
function boundedDistance(a: string, b: string, most: number, cells?: { n: number }): number {
  const m = a.length,
    n = b.length;
  if (n + 1 > rowA.length) {
    rowA = new Int32Array(2 * (n + 1));
    rowB = new Int32Array(2 * (n + 1));
    rowC = new Int32Array(2 * (n + 1));
  }
  let back2 = rowA,
    back1 = rowB,
    cur = rowC;
  for (let j = 0; j <= n; j++) back1[j] = j;
  let prevMin = 0;
  for (let i = 1; i <= m; i++) {
    cur[0] = i;
    let rowMin = i;
    const ai = a.charCodeAt(i - 1);
    for (let j = 1; j <= n; j++) {
      const bj = b.charCodeAt(j - 1);
      let d = Math.min(back1[j] + 1, cur[j - 1] + 1, back1[j - 1] + (ai === bj ? 0 : 1));
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj) d = Math.min(d, back2[j - 2] + 1);
      cur[j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (cells) cells.n += n;
    // A cell comes from the row above or, by a transposition, from two rows above plus one.
    if (rowMin > most && prevMin > most) return most + 1;
    prevMin = rowMin;
    const t = back2;
    back2 = back1;
    back1 = cur;
    cur = t;
  }
  return back1[n];
}

/** How close a word must be to be suggested: a third of its length, from 1 to 3. */
const limitFor = (word: string): number => Math.max(1, Math.min(3, Math.floor(word.length / 3)));

/** Table cells one Suggester fills at most (≈ 0.2 s); words asked after that get no suggestion. */
const BUDGET_CELLS = 50_000_000;

/** Suggestions from one list of candidates, for as many words as are asked. */
export class Suggester {
  private readonly names: string[];
  private readonly lower: string[];
  private readonly asked = new Map<string, string | undefined>();
  private readonly cells = { n: 0 };

  constructor(candidates: Iterable<string>) {
    this.names = [...candidates];
    this.lower = this.names.map((c) => c.toLowerCase());
  }

  /** The first candidate at the least distance, if within the word's limit (as `didYouMean`). */
  suggest(word: string): string | undefined {
    if (this.asked.has(word)) return this.asked.get(word);
    if (this.cells.n > BUDGET_CELLS) return undefined;
    const lower = word.toLowerCase(),
      limit = limitFor(word);
    let best: string | undefined;
    let bestDistance = limit + 1;
    for (let k = 0; k < this.names.length && bestDistance > 0; k++) {
      const c = this.names[k],
        cl = this.lower[k];
      if (c === word || Math.abs(cl.length - lower.length) >= bestDistance) continue;
      // Only a distance below the best so far (and within the limit) changes the answer.
      const distance = cl === lower ? 0 : boundedDistance(lower, cl, bestDistance - 1, this.cells);
      if (distance < bestDistance) {
        best = c;
        bestDistance = distance;
      }
    }
    this.asked.set(word, best);
    return best;
  }
}

/** The best candidate within a distance proportional to the word's length, or undefined. */
export function didYouMean(word: string, candidates: Iterable<string>): string | undefined {
  return new Suggester(candidates).suggest(word);
}
