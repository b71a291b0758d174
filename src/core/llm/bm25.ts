// Okapi BM25 lexical relevance: the documented fallback for memory relevance when no embeddings
// endpoint is configured. Needs no network, is deterministic, and favours memories sharing rare
// words with the situation. Scores are divided by the best score, so they lie in 0..1 like
// cosine similarities.

const STOPWORDS = new Set(('a an and are as at be but by did do for from had has have he her him his how i in is it its ' +
  'me my not of on or our she so than that the their them then there they this to us was we were what when who will with ' +
  'would you your').split(' '));

export function terms(text: string): string[] {
  return (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).filter((w) => w.length > 1 && !STOPWORDS.has(w));
}

export interface Bm25Settings { k1: number; b: number }
export const BM25_DEFAULTS: Bm25Settings = { k1: 1.2, b: 0.75 };

/** BM25 scores of `query` against each document, normalised to 0..1 (all 0 when nothing matches). */
export function bm25Scores(query: string, documents: string[], s: Bm25Settings = BM25_DEFAULTS): number[] {
  const docs = documents.map(terms);
  const n = docs.length;
  if (!n) return [];
  const avgLen = docs.reduce((a, d) => a + d.length, 0) / n || 1;
  const df = new Map<string, number>();
  for (const d of docs) for (const t of new Set(d)) df.set(t, (df.get(t) ?? 0) + 1);
  const q = [...new Set(terms(query))];
  const raw = docs.map((d) => {
    const tf = new Map<string, number>();
    for (const t of d) tf.set(t, (tf.get(t) ?? 0) + 1);
    let score = 0;
    for (const t of q) {
      const f = tf.get(t);
      if (!f) continue;
      const idf = Math.log(1 + (n - df.get(t)! + 0.5) / (df.get(t)! + 0.5));
      score += idf * (f * (s.k1 + 1)) / (f + s.k1 * (1 - s.b + (s.b * d.length) / avgLen));
    }
    return score;
  });
  const best = Math.max(...raw);
  return best > 0 ? raw.map((x) => x / best) : raw.map(() => 0);
}
