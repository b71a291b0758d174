// The OpenAI-compatible chat client. It asks for structured output (JSON schema) and steps down
// to plain JSON mode, then to prompt-only JSON, when an endpoint rejects the format; the step
// down is remembered for the rest of the run. One attempt per call: retries live in the
// resilient decorator.
import type OpenAI from 'openai';
import type { ChatCompletionCreateParamsNonStreaming } from 'openai/resources/chat/completions';
import type { ModelConfig } from '../../format/model';
import { approxTokens, messageTokens, type ChatClient, type ChatIdentity, type ChatRequest, type ChatResult } from '../chat';
import { ProviderError } from '../errors';
import type { Redactor } from '../redact';
import { reportedTokens } from '../reportedTokens';
import { connect, publicEndpoint, type ConnectionOptions } from './connection';
import { rejectsResponseFormat, toProviderError, wantsMaxCompletionTokens } from './errors';

export type StructuredMode = 'json_schema' | 'json_object' | 'none';
const STEP_DOWN: Record<StructuredMode, StructuredMode | undefined> = { json_schema: 'json_object', json_object: 'none', none: undefined };

export class OpenAIChatClient implements ChatClient {
  readonly identity: ChatIdentity;
  /** The structured-output mode currently used; steps down on rejection. */
  mode: StructuredMode = 'json_schema';
  private tokensParam: 'max_tokens' | 'max_completion_tokens' = 'max_tokens';
  private readonly api: OpenAI;

  constructor(private readonly cfg: ModelConfig, opts: ConnectionOptions, private readonly redactor: Redactor) {
    this.api = connect(cfg, opts);
    this.identity = identityOf(cfg);
  }

  async complete(request: ChatRequest, signal?: AbortSignal): Promise<ChatResult> {
    for (;;) {
      try {
        const res = await this.api.chat.completions.create(this.body(request), { signal, maxRetries: 0 });
        const content = res.choices?.[0]?.message?.content;
        if (typeof content !== 'string') throw new ProviderError('bad_response', 'the endpoint answered without message content');
        const { tokens, notes } = reportedTokens(res.usage, { prompt_tokens: messageTokens(request.messages), completion_tokens: approxTokens(content) });
        return { content, tokens: { input_tokens: tokens.prompt_tokens, output_tokens: tokens.completion_tokens }, faults: notes };
      } catch (err) {
        if (err instanceof ProviderError) throw err;
        if (request.json && rejectsResponseFormat(err) && STEP_DOWN[this.mode]) { this.mode = STEP_DOWN[this.mode]!; continue; }
        if (wantsMaxCompletionTokens(err) && this.tokensParam === 'max_tokens') { this.tokensParam = 'max_completion_tokens'; continue; }
        throw toProviderError(err, this.redactor);
      }
    }
  }

  private body(request: ChatRequest): ChatCompletionCreateParamsNonStreaming {
    const c = this.cfg;
    const body: ChatCompletionCreateParamsNonStreaming = { model: this.identity.model, messages: request.messages };
    if (c.temperature !== undefined) body.temperature = c.temperature;
    if (c.max_tokens !== undefined) body[this.tokensParam] = c.max_tokens;
    if (c.seed !== undefined) body.seed = c.seed;
    if (request.json && this.mode === 'json_schema') {
      body.response_format = { type: 'json_schema', json_schema: { name: request.json.name, schema: request.json.schema, strict: true } };
    } else if (request.json && this.mode === 'json_object') {
      body.response_format = { type: 'json_object' };
    }
    return body;
  }
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
