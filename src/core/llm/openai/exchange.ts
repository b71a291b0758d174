// One chat call's HTTP exchange with an OpenAI-compatible endpoint: the request body, the
// structured-output and max_tokens step-downs, the answer read from the 200 body and failures
// mapped onto ProviderError. It runs where the `openai` client lives: in the calling thread, or
// in a worker of the chat pool (chatPool.ts), which only sends the answer back.
import type OpenAI from 'openai';
import type { ChatCompletionCreateParamsNonStreaming } from 'openai/resources/chat/completions';
import type { ModelConfig } from '../../format';
import type { ChatRequest, ChatResult } from '../chat';
import { ProviderError } from '../errors';
import type { Redactor } from '../redact';
import { readAnswer } from './answer';
import { rejectsResponseFormat, toProviderError, wantsMaxCompletionTokens } from './errors';

export type StructuredMode = 'json_schema' | 'json_object' | 'none';
export type TokensParam = 'max_tokens' | 'max_completion_tokens';
/** What a request is sent with; the settings of a client only ever step down. */
export interface Sent {
  mode: StructuredMode;
  tokensParam: TokensParam;
}

const STEP_DOWN: Record<StructuredMode, StructuredMode | undefined> = {
  json_schema: 'json_object',
  json_object: 'none',
  none: undefined,
};
const RANK: Record<StructuredMode, number> = { json_schema: 0, json_object: 1, none: 2 };

/** The settings a client uses for new requests, shared by its calls in flight. */
export class StepState implements Sent {
  mode: StructuredMode = 'json_schema';
  tokensParam: TokensParam = 'max_tokens';

  /** Takes a step another call (or thread) took; a step taken is never undone. */
  apply(s: Sent): boolean {
    let moved = false;
    if (RANK[s.mode] > RANK[this.mode]) {
      this.mode = s.mode;
      moved = true;
    }
    if (s.tokensParam === 'max_completion_tokens' && this.tokensParam === 'max_tokens') {
      this.tokensParam = s.tokensParam;
      moved = true;
    }
    return moved;
  }
}

export interface ExchangeTarget {
  api: OpenAI;
  cfg: ModelConfig;
  /** The model name sent. */
  model: string;
  /** The request URL, credentials masked, for failure messages. */
  url: string;
  redactor: Redactor;
}

/**
 * Makes the call, stepping down from what it sent when the endpoint rejects the format or asks for
 * max_completion_tokens (`onStep` hears every step as it is taken). Throws a ProviderError for a
 * failed attempt, the abort error when `signal` aborts.
 */
export async function exchange(
  t: ExchangeTarget,
  state: StepState,
  request: ChatRequest,
  signal?: AbortSignal,
  onStep?: (s: Sent) => void,
): Promise<ChatResult> {
  for (;;) {
    // Step down from what this request sent: other calls in flight may have moved the shared
    // settings on already, and a step taken is never undone.
    const sent: Sent = { mode: state.mode, tokensParam: state.tokensParam };
    let res: unknown;
    try {
      res = await t.api.chat.completions.create(chatBody(t.cfg, t.model, request, sent), { signal, maxRetries: 0 });
    } catch (err) {
      const next = request.json && rejectsResponseFormat(err) ? STEP_DOWN[sent.mode] : undefined;
      if (next) {
        if (state.apply({ mode: next, tokensParam: sent.tokensParam })) onStep?.(state);
        continue;
      }
      if (wantsMaxCompletionTokens(err) && sent.tokensParam === 'max_tokens') {
        if (state.apply({ mode: sent.mode, tokensParam: 'max_completion_tokens' })) onStep?.(state);
        continue;
      }
      throw toProviderError(err, t.redactor, t.url);
    }
    try {
      return readAnswer(res as Parameters<typeof readAnswer>[0], request, t.redactor);
    } catch (err) {
      if (err instanceof ProviderError) answerFailures.add(err);
      throw err;
    }
  }
}

/**
 * Failures of a 200 body that could not be used (no message content): the tokens they were billed
 * are added to the answer that follows. Other failures (HTTP errors) bill nothing.
 */
const answerFailures = new WeakSet<ProviderError>();
export const isAnswerFailure = (err: ProviderError): boolean => answerFailures.has(err);
export const markAnswerFailure = (err: ProviderError): void => void answerFailures.add(err);

export function chatBody(
  c: ModelConfig,
  model: string,
  request: ChatRequest,
  { mode, tokensParam }: Sent,
): ChatCompletionCreateParamsNonStreaming {
  const body: ChatCompletionCreateParamsNonStreaming = { model, messages: request.messages };
  if (c.temperature !== undefined) body.temperature = c.temperature;
  // The config's own cap wins; else the request's (answerBudget.ts), so no answer runs unmetered.
  const cap = c.max_tokens ?? request.max_tokens;
  if (cap !== undefined) body[tokensParam] = cap;
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
