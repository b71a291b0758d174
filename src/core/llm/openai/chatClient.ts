// The OpenAI-compatible chat client. It asks for structured output (JSON schema) and steps down
// to plain JSON mode, then to prompt-only JSON, when an endpoint rejects the format (and from
// max_tokens to max_completion_tokens); each step is remembered for the rest of the run. One
// attempt per call: retries live in the resilient decorator. The HTTP exchange (exchange.ts) runs
// in this thread, or in a worker thread of a chat pool (chatPool.ts) when one is given.
import type OpenAI from 'openai';
import type { ModelConfig } from '../../format';
import type { ChatClient, ChatIdentity, ChatRequest, ChatResult, ChatTokens } from '../chat';
import { ProviderError } from '../errors';
import type { Redactor } from '../redact';
import type { ChatPool } from './chatPool';
import { addUrlSecrets, connect, publicEndpoint, requestUrl, type ConnectionOptions } from './connection';
import { StepState, exchange, isAnswerFailure, type ExchangeTarget, type StructuredMode } from './exchange';

export type { StructuredMode } from './exchange';

export class OpenAIChatClient implements ChatClient {
  readonly identity: ChatIdentity;
  private readonly state = new StepState();
  /** In this thread: the target of the exchange. */
  private readonly target?: ExchangeTarget;
  /** In a worker of `pool`: this client's id there. */
  private readonly remote?: { pool: ChatPool; id: number };
  /** Tokens billed for failed 200 attempts of a request, added to the answer that follows (the retry loop reuses the request object). */
  private readonly spent = new WeakMap<ChatRequest, ChatTokens>();

  constructor(
    cfg: ModelConfig,
    opts: ConnectionOptions,
    private readonly redactor: Redactor,
    /** Makes the calls from this pool's worker threads (opts.fetch cannot go there, so it is not used). */
    pool?: ChatPool,
  ) {
    addUrlSecrets(cfg, redactor);
    this.identity = identityOf(cfg);
    const url = requestUrl(cfg, 'chat/completions');
    if (pool) {
      this.remote = { pool, id: pool.register({ cfg, apiKey: opts.apiKey, model: this.identity.model, url }) };
    } else {
      const api: OpenAI = connect(cfg, opts);
      this.target = { api, cfg, model: this.identity.model, url, redactor };
    }
  }

  /** The structured-output mode new requests use; only ever steps down. */
  get mode(): StructuredMode {
    return this.state.mode;
  }

  /** With a pool: its workers started (not counted against the first calls' timeouts). */
  ready(): Promise<void> {
    return this.remote ? this.remote.pool.started() : Promise.resolve();
  }

  async complete(request: ChatRequest, signal?: AbortSignal): Promise<ChatResult> {
    const before = this.spent.get(request);
    try {
      const result = this.remote
        ? await this.remote.pool.call(this.remote.id, request, this.state, this.redactor, signal)
        : await exchange(this.target!, this.state, request, signal);
      if (before) {
        this.spent.delete(request);
        result.tokens = addTokens(result.tokens, before);
      }
      return result;
    } catch (err) {
      if (err instanceof ProviderError && isAnswerFailure(err)) {
        const total = err.tokens && before ? addTokens(err.tokens, before) : (err.tokens ?? before);
        if (total) {
          err.tokens = total;
          this.spent.set(request, total);
        }
      }
      throw err;
    }
  }
}

function addTokens(a: ChatTokens, b: ChatTokens): ChatTokens {
  return { input_tokens: a.input_tokens + b.input_tokens, output_tokens: a.output_tokens + b.output_tokens };
}

export function identityOf(cfg: ModelConfig): ChatIdentity {
  const model = cfg.model ?? cfg.azure?.deployment;
  if (!model) throw new Error(`model '${cfg.name}': set \`model\` (the model name at the endpoint)`);
  const id: ChatIdentity = { provider: cfg.provider, model, endpoint: publicEndpoint(cfg) };
  if (cfg.temperature !== undefined) id.temperature = cfg.temperature;
  if (cfg.max_tokens !== undefined) id.max_tokens = cfg.max_tokens;
  if (cfg.seed !== undefined) id.seed = cfg.seed;
  return id;
}
