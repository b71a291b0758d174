// Memory relevance from endpoint embeddings. With `embeddings: { model }` on the model config,
// relevance is the cosine similarity of endpoint embeddings (cached by text, so each memory is
// embedded once per model, and replayable). Otherwise the engine uses its own lexical relevance
// (engine/memory/memory.ts), which is also what answers a retrieval whose embeddings call failed
// (engine/phases/recall.ts records the failure).
import type { CallFault, ChatIdentity } from './chat';
import { ProviderError, ReplayMissError } from './errors';
import { CACHE_VERSION, embeddingKey, retrievalKey } from './cache/key';
import { failureOf, fromFailure, type ResponseStore, type RetrievalOutcome } from './cache/store';
import { pushAll } from '../text/pushAll';

export interface RelevanceScorer {
  /** Relevance of each document to the query, 0..1. */
  scores(query: string, documents: string[], signal?: AbortSignal): Promise<number[]>;
}

export interface EmbeddingClient {
  readonly identity: ChatIdentity;
  /** `faults`: what the call got past (retried attempts, unusable usage figures). */
  embed(texts: string[], signal?: AbortSignal): Promise<{ vectors: number[][]; tokens: number; faults?: CallFault[] }>;
}

export function cosine(a: number[], b: number[]): number {
  let dot = 0,
    na = 0,
    nb = 0;
  for (let i = 0; i < a.length; i++) {
    dot += a[i] * b[i];
    na += a[i] * a[i];
    nb += b[i] * b[i];
  }
  return na && nb ? dot / Math.sqrt(na * nb) : 0;
}

const BATCH = 64;

export class EmbeddingRelevance implements RelevanceScorer {
  /** Embedding calls made (batches), and tokens spent on them. */
  requests = 0;
  tokens = 0;
  /** Embedding calls that failed for good (after retries): retrieval fell back to lexical relevance. */
  failedRequests = 0;
  /** Faults of embedding calls that still succeeded, met now or replayed from the cache. */
  readonly faults: CallFault[] = [];
  private readonly memo = new Map<string, number[]>();
  private readonly pending = new Map<string, Promise<void>>();
  /** Outcomes of retrievals whose embeddings failed at some point, by retrieval key (see vectors). */
  private readonly outcomes = new Map<string, RetrievalOutcome[]>();
  /** Replay: how many of a recorded retrieval's outcomes have been used. */
  private readonly replayed = new Map<string, number>();

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
   * Vectors of `texts`. Whether a retrieval failed depends on which batch its texts fell into, which
   * depends on how retrievals interleaved, and texts are cached one by one; so a failure is also
   * recorded under the retrieval's own key (one outcome per occurrence), for replay to fail the
   * same retrievals with the same error.
   */
  async vectors(texts: string[], signal?: AbortSignal): Promise<number[][]> {
    const key = this.store ? retrievalKey(this.identity, texts) : undefined;
    if (key && !this.client) await this.replayOutcome(key);
    try {
      const vectors = await this.gather(texts, signal);
      if (key && this.client) await this.record(key, null);
      return vectors;
    } catch (err) {
      if (key && this.client && err instanceof ProviderError) await this.record(key, failureOf(err));
      throw err;
    }
  }

  private async replayOutcome(key: string): Promise<void> {
    const entry = await this.store!.get(key);
    if (!entry || !('outcomes' in entry)) return;
    const n = this.replayed.get(key) ?? 0;
    this.replayed.set(key, n + 1);
    const failure = entry.outcomes[n];
    if (failure) throw fromFailure(failure);
  }

  /** Live: appends the outcome to this run's record of the retrieval; a success clears a record left by an earlier run. */
  private async record(key: string, outcome: RetrievalOutcome): Promise<void> {
    if (!this.outcomes.has(key)) {
      if (!outcome && !(await this.store!.get(key))) return; // the usual case: nothing ever failed here
      if (!this.outcomes.has(key)) this.outcomes.set(key, []);
    }
    const list = this.outcomes.get(key)!;
    list.push(outcome);
    await this.store!.put(key, { v: CACHE_VERSION, model: this.identity.model, outcomes: list });
  }

  /**
   * Each text embedded at most once per instance: concurrent callers (a stage's agents retrieve
   * together) share one request for a text rather than racing to pay twice. A shared request that
   * failed fails every caller with its own error.
   */
  private async gather(texts: string[], signal?: AbortSignal): Promise<number[][]> {
    const missing = [...new Set(texts.filter((t) => !this.memo.has(t) && !this.pending.has(t)))];
    if (missing.length) {
      const work = this.fetch(missing, signal);
      for (const t of missing) this.pending.set(t, work);
      const clear = (): void => {
        for (const t of missing) if (this.pending.get(t) === work) this.pending.delete(t);
      };
      work.then(clear, clear);
    }
    // Taken now: a request settles (and leaves `pending`) while we wait for another.
    const requests = [...new Set(texts.map((t) => this.pending.get(t)).filter((p) => p !== undefined))];
    const settled = await Promise.allSettled(requests);
    const failed = settled.find((s) => s.status === 'rejected');
    if (failed) throw failed.reason;
    return texts.map((t) => {
      const v = this.memo.get(t);
      if (!v) throw new ProviderError('bad_response', 'the endpoint returned no embedding for a text');
      return v;
    });
  }

  private async fetch(texts: string[], signal?: AbortSignal): Promise<void> {
    const todo: string[] = [];
    for (const t of texts) {
      const entry = this.store ? await this.store.get(embeddingKey(this.identity, t)) : undefined;
      if (entry && 'embedding' in entry) {
        this.memo.set(t, entry.embedding);
        if (entry.faults) pushAll(this.faults, entry.faults);
      } else todo.push(t);
    }
    for (let i = 0; i < todo.length; i += BATCH) {
      const batch = todo.slice(i, i + BATCH);
      if (!this.client) throw new ReplayMissError(this.identity.model, embeddingKey(this.identity, batch[0]));
      let answer: Awaited<ReturnType<EmbeddingClient['embed']>>;
      try {
        answer = await this.client.embed(batch, signal);
      } catch (err) {
        // Counted too: a run whose every embeddings call failed said nothing of them.
        this.failedRequests++;
        throw err;
      }
      const { vectors, tokens, faults = [] } = answer;
      this.requests++;
      this.tokens += tokens;
      pushAll(this.faults, faults);
      for (let j = 0; j < batch.length; j++) {
        this.memo.set(batch[j], vectors[j]);
        // The batch's faults go with its first text, so a replay or rerun reports them once.
        const extra = j === 0 && faults.length ? { faults } : {};
        await this.store?.put(embeddingKey(this.identity, batch[j]), {
          v: CACHE_VERSION,
          model: this.identity.model,
          embedding: vectors[j],
          tokens: Math.ceil(tokens / batch.length),
          ...extra,
        });
      }
    }
  }
}
