// The OpenAI-compatible chat client. It asks for structured output (JSON schema) and steps down
// to plain JSON mode, then to prompt-only JSON, when an endpoint rejects the format (and from
// max_tokens to max_completion_tokens); each step is remembered for the rest of the run. One
// attempt per call: retries live in the resilient decorator.
import type OpenAI from 'openai';
import type { ChatCompletionCreateParamsNonStreaming } from 'openai/resources/chat/completions';
import type { ModelConfig } from '../../format/language/model';
import type { ChatClient, ChatIdentity, ChatRequest, ChatResult, ChatTokens } from '../chat';
import { ProviderError } from '../errors';
import type { Redactor } from '../redact';
import { readAnswer } from './answer';
import { addUrlSecrets, connect, publicEndpoint, requestUrl, type ConnectionOptions } from './connection';
import { rejectsResponseFormat, toProviderError, wantsMaxCompletionTokens } from './errors';

export type StructuredMode = 'json_schema' | 'json_object' | 'none';
type TokensParam = 'max_tokens' | 'max_completion_tokens';
const STEP_DOWN: Record<StructuredMode, StructuredMode | undefined> = {
  json_schema: 'json_object',
  json_object: 'none',
  none: undefined,
};
const RANK: Record<StructuredMode, number> = { json_schema: 0, json_object: 1, none: 2 };

export class OpenAIChatClient implements ChatClient {
  readonly identity: ChatIdentity;
  /** The structured-output mode new requests use; only ever steps down. */
  mode: StructuredMode = 'json_schema';
  private tokensParam: TokensParam = 'max_tokens';
  private readonly api: OpenAI;
  private readonly url: string;
  /** Tokens billed for failed 200 attempts of a request, added to the answer that follows (the retry loop reuses the request object). */
  private readonly spent = new WeakMap<ChatRequest, ChatTokens>();

  constructor(
    private readonly cfg: ModelConfig,
    opts: ConnectionOptions,
    private readonly redactor: Redactor,
  ) {
    addUrlSecrets(cfg, redactor);
    this.api = connect(cfg, opts);
    this.url = requestUrl(cfg, 'chat/completions');
    this.identity = identityOf(cfg);
  }

  async complete(request: ChatRequest, signal?: AbortSignal): Promise<ChatResult> {
    for (;;) {
      // Step down from what this request sent: other calls in flight may have moved the shared
      // settings on already, and a step taken is never undone.
      const sent = { mode: this.mode, tokensParam: this.tokensParam };
      let res: unknown;
      try {
        res = await this.api.chat.completions.create(this.body(request, sent.mode, sent.tokensParam), {
          signal,
          maxRetries: 0,
        });
      } catch (err) {
        const next = request.json && rejectsResponseFormat(err) ? STEP_DOWN[sent.mode] : undefined;
        if (next) {
          if (RANK[next] > RANK[this.mode]) this.mode = next;
          continue;
        }
        if (wantsMaxCompletionTokens(err) && sent.tokensParam === 'max_tokens') {
          this.tokensParam = 'max_completion_tokens';
          continue;
        }
        throw toProviderError(err, this.redactor, this.url);
      }
      return this.answer(request, res);
    }
  }

  private answer(request: ChatRequest, res: unknown): ChatResult {
    const before = this.spent.get(request);
    try {
      const result = readAnswer(res as Parameters<typeof readAnswer>[0], request, this.redactor);
      if (before) {
        this.spent.delete(request);
        result.tokens = addTokens(result.tokens, before);
      }
      return result;
    } catch (err) {
      if (err instanceof ProviderError) {
        const total = err.tokens && before ? addTokens(err.tokens, before) : (err.tokens ?? before);
        if (total) {
          err.tokens = total;
          this.spent.set(request, total);
        }
      }
      throw err;
    }
  }

  private body(
    request: ChatRequest,
    mode: StructuredMode,
    tokensParam: TokensParam,
  ): ChatCompletionCreateParamsNonStreaming {
    const c = this.cfg;
    const body: ChatCompletionCreateParamsNonStreaming = { model: this.identity.model, messages: request.messages };
    if (c.temperature !== undefined) body.temperature = c.temperature;
    if (c.max_tokens !== undefined) body[tokensParam] = c.max_tokens;
    if (c.seed !== undefined) body.seed = c.seed;
    if (request.json && mode === 'json_schema') {
      body.response_format = {
        type: 'json_schema',
        json_schema: { name: request.json.name, schema: request.json.schema, strict: true },
      };
    } else if (request.json && mode === 'json_object') {
      body.response_format = { type: 'json_object' };
    }
    return body;
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
