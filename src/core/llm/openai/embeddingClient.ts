// Endpoint embeddings through the `openai` package, with the model's limiter and retry loop.
import type OpenAI from 'openai';
import type { ModelConfig } from '../../format/model';
import { approxTokens, type ChatIdentity } from '../chat';
import type { EmbeddingClient } from '../embeddings';
import { ProviderError } from '../errors';
import type { Limiter } from '../limits/limiter';
import { resilientCall, type ResilienceSettings } from '../limits/resilientCall';
import type { Redactor } from '../redact';
import { connect, publicEndpoint, type ConnectionOptions } from './connection';
import { toProviderError } from './errors';

export function embeddingIdentity(cfg: ModelConfig): ChatIdentity {
  return { provider: cfg.provider, model: cfg.embeddings!.model, endpoint: publicEndpoint(cfg) };
}

export class OpenAIEmbeddingClient implements EmbeddingClient {
  readonly identity: ChatIdentity;
  private readonly api: OpenAI;

  constructor(cfg: ModelConfig, opts: ConnectionOptions, private readonly limiter: Limiter, private readonly settings: ResilienceSettings, private readonly redactor: Redactor) {
    if (!cfg.embeddings) throw new Error(`model '${cfg.name}' has no embeddings model`);
    this.api = connect(cfg, opts);
    this.identity = embeddingIdentity(cfg);
  }

  async embed(texts: string[], signal?: AbortSignal): Promise<{ vectors: number[][]; tokens: number }> {
    const estimate = texts.reduce((n, t) => n + approxTokens(t), 0);
    const { result } = await resilientCall(async (s) => {
      try {
        const res = await this.api.embeddings.create({ model: this.identity.model, input: texts }, { signal: s, maxRetries: 0 });
        const vectors = [...res.data].sort((a, b) => a.index - b.index).map((d) => d.embedding);
        if (vectors.length !== texts.length) throw new ProviderError('bad_response', `expected ${texts.length} embeddings, got ${vectors.length}`);
        return { vectors, tokens: res.usage?.prompt_tokens ?? estimate };
      } catch (err) {
        throw err instanceof ProviderError ? err : toProviderError(err, this.redactor);
      }
    }, { limiter: this.limiter, settings: this.settings, redactor: this.redactor, estimate, tokensOf: (r) => r.tokens }, signal);
    return result;
  }
}
