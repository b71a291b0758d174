// Endpoint embeddings through the `openai` package, with the model's limiter and retry loop. On
// Azure, `embeddings.model` names the embeddings deployment (Azure routes by deployment).
import type OpenAI from 'openai';
import type { ModelConfig } from '../../format';
import { approxTokens, type CallFault, type ChatIdentity } from '../chat';
import type { EmbeddingClient } from '../embeddings';
import { ProviderError } from '../errors';
import type { Limiter } from '../limits/limiter';
import { resilientCall, type ResilienceSettings } from '../limits/resilientCall';
import type { Redactor } from '../redact';
import { reportedTokens } from '../reportedTokens';
import { addUrlSecrets, connect, publicEndpoint, requestUrl, type ConnectionOptions } from './connection';
import { toProviderError } from './errors';

export function embeddingIdentity(cfg: ModelConfig): ChatIdentity {
  return { provider: cfg.provider, model: cfg.embeddings!.model, endpoint: publicEndpoint(cfg, 'embeddings') };
}

export class OpenAIEmbeddingClient implements EmbeddingClient {
  readonly identity: ChatIdentity;
  private readonly api: OpenAI;
  private readonly url: string;

  constructor(
    cfg: ModelConfig,
    opts: ConnectionOptions,
    private readonly limiter: Limiter,
    private readonly settings: ResilienceSettings,
    private readonly redactor: Redactor,
  ) {
    if (!cfg.embeddings) throw new Error(`model '${cfg.name}' has no embeddings model`);
    addUrlSecrets(cfg, redactor);
    this.api = connect(cfg, opts, 'embeddings');
    this.url = requestUrl(cfg, 'embeddings');
    this.identity = embeddingIdentity(cfg);
  }

  /** Faults the call got past are returned with it (the caller reports them), as for chat calls. */
  async embed(
    texts: string[],
    signal?: AbortSignal,
  ): Promise<{ vectors: number[][]; tokens: number; faults: CallFault[] }> {
    const estimate = texts.reduce((n, t) => n + approxTokens(t), 0);
    try {
      const { result, faults } = await resilientCall(
        async (s) => {
          try {
            const res = await this.api.embeddings.create(
              { model: this.identity.model, input: texts },
              { signal: s, maxRetries: 0 },
            );
            const vectors = [...res.data].sort((a, b) => a.index - b.index).map((d) => d.embedding);
            if (vectors.length !== texts.length) {
              throw new ProviderError('bad_response', `expected ${texts.length} embeddings, got ${vectors.length}`);
            }
            const { tokens, notes } = reportedTokens(res.usage, { prompt_tokens: estimate });
            return { vectors, tokens: tokens.prompt_tokens, notes };
          } catch (err) {
            throw err instanceof ProviderError ? err : toProviderError(err, this.redactor, this.url);
          }
        },
        {
          limiter: this.limiter,
          settings: this.settings,
          redactor: this.redactor,
          estimate,
          tokensOf: (r) => r.tokens,
        },
        signal,
      );
      const attempt = faults.length + 1;
      return {
        vectors: result.vectors,
        tokens: result.tokens,
        faults: [...faults, ...result.notes.map((f) => ({ ...f, attempt }))],
      };
    } catch (err) {
      // The trace shows only the message: say that retries were made.
      if (err instanceof ProviderError && err.faults.length > 1) {
        err.message += ` (after ${err.faults.length} attempts)`;
      }
      throw err;
    }
  }
}
