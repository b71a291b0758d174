// A ChatClient decorator that answers from the content-addressed store when it can. Live runs
// store every answer, and every call that failed for good. Replay never reaches the network: a
// hit returns the recorded answer (with the faults that preceded it) or rethrows the recorded
// failure, so the rerun's trace is byte-identical; a miss is a ReplayMissError.
import type { ChatClient, ChatRequest, ChatResult } from '../chat';
import { ProviderError, ReplayMissError } from '../errors';
import { CACHE_VERSION, cacheKey } from './key';
import { failureOf, fromFailure, type ResponseStore } from './store';

export class CachedChatClient implements ChatClient {
  hits = 0;
  misses = 0;

  /** `inner` is omitted in replay mode: there is nothing to call. */
  constructor(
    private readonly inner: ChatClient | undefined,
    private readonly store: ResponseStore,
    readonly identity = inner!.identity,
  ) {}

  get replay(): boolean {
    return !this.inner;
  }

  async complete(request: ChatRequest, signal?: AbortSignal): Promise<ChatResult> {
    signal?.throwIfAborted();
    const key = cacheKey(this.identity, request);
    const entry = await this.store.get(key);
    if (entry && 'content' in entry) {
      this.hits++;
      return { content: entry.content, tokens: entry.tokens, faults: entry.faults, cached: true };
    }
    if (entry && 'failure' in entry && this.replay) {
      this.hits++;
      throw fromFailure(entry.failure);
    }
    this.misses++;
    if (!this.inner) throw new ReplayMissError(this.identity.model, key);
    try {
      const result = await this.inner.complete(request, signal);
      await this.store.put(key, {
        v: CACHE_VERSION,
        model: this.identity.model,
        content: result.content,
        tokens: result.tokens,
        faults: result.faults,
      });
      return result;
    } catch (err) {
      if (err instanceof ProviderError) {
        await this.store.put(key, { v: CACHE_VERSION, model: this.identity.model, failure: failureOf(err) });
      }
      throw err;
    }
  }
}
