// Memory relevance from endpoint embeddings. With `embeddings: { model }` on the model config,
// relevance is the cosine similarity of endpoint embeddings (cached by text, so each memory is
// embedded once per model, and replayable). Otherwise the engine uses its own lexical relevance
// (engine/memory.ts), which is also what answers a retrieval whose embeddings call failed
// (engine/recall.ts records the failure).
import type { ChatIdentity } from './chat';
import { ProviderError, ReplayMissError } from './errors';
import { CACHE_VERSION, embeddingKey } from './cache/key';
import type { ResponseStore } from './cache/store';

export interface RelevanceScorer {
  /** Relevance of each document to the query, 0..1. */
  scores(query: string, documents: string[], signal?: AbortSignal): Promise<number[]>;
}

export interface EmbeddingClient {
  readonly identity: ChatIdentity;
  embed(texts: string[], signal?: AbortSignal): Promise<{ vectors: number[][]; tokens: number }>;
}

export function cosine(a: number[], b: number[]): number {
  let dot = 0, na = 0, nb = 0;
  for (let i = 0; i < a.length; i++) { dot += a[i] * b[i]; na += a[i] * a[i]; nb += b[i] * b[i]; }
  return na && nb ? dot / Math.sqrt(na * nb) : 0;
}

const BATCH = 64;

export class EmbeddingRelevance implements RelevanceScorer {
  /** Embedding calls made (batches), and tokens spent on them. */
  requests = 0;
  tokens = 0;
  private readonly memo = new Map<string, number[]>();
  private readonly pending = new Map<string, Promise<void>>();

  /** `client` is omitted in replay mode. A failed call throws (the engine records it and falls back). */
  constructor(
    readonly identity: ChatIdentity,
    private readonly client: EmbeddingClient | undefined,
    private readonly store?: ResponseStore,
  ) {}

  async scores(query: string, documents: string[], signal?: AbortSignal): Promise<number[]> {
    if (!documents.length) return [];
    const [q, ...docs] = await this.vectors([query, ...documents], signal);
    return docs.map((d) => Math.max(0, cosine(q, d)));
  }

  /**
   * Vectors of `texts`, each text embedded at most once per instance: concurrent callers (a
   * stage's agents retrieve together) share one request for a text rather than racing to pay twice.
   */
  async vectors(texts: string[], signal?: AbortSignal): Promise<number[][]> {
    const missing = new Set<string>();
    for (const t of texts) if (!this.memo.has(t) && !this.pending.has(t)) missing.add(t);
    if (missing.size) {
      const work = this.fetch([...missing], signal);
      for (const t of missing) this.pending.set(t, work);
      try { await work; } finally { for (const t of missing) this.pending.delete(t); }
    }
    // Texts another caller was fetching: wait for that request (its failure is ours too).
    for (const t of texts) if (!this.memo.has(t)) await this.pending.get(t);
    return texts.map((t) => {
      const v = this.memo.get(t);
      if (!v) throw new ProviderError('bad_response', `no embedding returned for a text of ${texts.length}`);
      return v;
    });
  }

  private async fetch(texts: string[], signal?: AbortSignal): Promise<void> {
    const todo: string[] = [];
    for (const t of texts) {
      const entry = this.store ? await this.store.get(embeddingKey(this.identity, t)) : undefined;
      if (entry && 'embedding' in entry) this.memo.set(t, entry.embedding);
      else todo.push(t);
    }
    for (let i = 0; i < todo.length; i += BATCH) {
      const batch = todo.slice(i, i + BATCH);
      if (!this.client) throw new ReplayMissError(this.identity.model, embeddingKey(this.identity, batch[0]));
      const { vectors, tokens } = await this.client.embed(batch, signal);
      this.requests++;
      this.tokens += tokens;
      for (let j = 0; j < batch.length; j++) {
        this.memo.set(batch[j], vectors[j]);
        await this.store?.put(embeddingKey(this.identity, batch[j]), { v: CACHE_VERSION, model: this.identity.model, embedding: vectors[j], tokens: Math.ceil(tokens / batch.length) });
      }
    }
  }
}
