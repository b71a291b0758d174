// Reads a 200 chat answer. Its `usage` is billed whatever the body holds, so it is read first.
// A refusal (`content: null, refusal: "…"`) is the model's answer: it is returned, so its tokens
// count and it goes through parsing like any other answer (unusable: one re-ask, then the
// decision fails quoting it). A body with neither (no choices, a 200 carrying an `error`) is a
// malformed response: retried as transient, the tokens it cost kept on the error.
import { approxTokens, messageTokens, type ChatRequest, type ChatResult, type ChatTokens } from '../chat';
import { ProviderError } from '../errors';
import type { Redactor } from '../redact';
import { isTokenCount, reportedTokens } from '../reportedTokens';

/** Marks a refusal in the answer text, so the re-ask and the failure excerpt show what it was. */
export const REFUSAL_PREFIX = 'refusal: ';

/** The parts of a 200 body read here, loosely typed: a proxy may send anything. */
interface Body {
  choices?: { message?: { content?: unknown; refusal?: unknown }; finish_reason?: unknown }[];
  usage?: unknown;
  error?: unknown;
}

/**
 * OpenAI's `usage.prompt_tokens_details.cached_tokens`: the prompt tokens its cache served
 * (billed at the cached-input rate). Trusted only as a token count, and never above the prompt.
 */
export function cachedTokens(usage: unknown, promptTokens: number): number {
  const details = (usage as { prompt_tokens_details?: { cached_tokens?: unknown } } | null | undefined)
    ?.prompt_tokens_details;
  const n = details && typeof details === 'object' ? details.cached_tokens : undefined;
  return isTokenCount(n) ? Math.min(n, promptTokens) : 0;
}

export function readAnswer(res: Body, request: ChatRequest, redactor: Redactor): ChatResult {
  const message = res.choices?.[0]?.message;
  const refusal = typeof message?.refusal === 'string' ? message.refusal.trim() : '';
  // An empty answer cut at its cap (a reasoning model that spent it thinking) has no content.
  const ranOut = res.choices?.[0]?.finish_reason === 'length';
  const content: string | undefined =
    typeof message?.content === 'string' && (message.content || (!refusal && !ranOut))
      ? message.content
      : refusal
        ? REFUSAL_PREFIX + refusal
        : undefined;
  const { tokens, notes } = reportedTokens(res.usage, {
    prompt_tokens: messageTokens(request.messages),
    completion_tokens: approxTokens(content ?? ''),
  });
  const used: ChatTokens = { input_tokens: tokens.prompt_tokens, output_tokens: tokens.completion_tokens };
  const cached = cachedTokens(res.usage, used.input_tokens);
  if (cached) used.cached_input_tokens = cached;
  if (content !== undefined) return { content, tokens: used, faults: notes };
  const error = res.error as { message?: unknown } | undefined;
  const why = error?.message ?? error ?? res.choices?.[0]?.finish_reason;
  const detail =
    why === undefined || why === null
      ? ''
      : `: ${redactor.message(typeof why === 'string' ? why : JSON.stringify(why), 200)}`;
  const room = ranOut ? ' (max_tokens ran out before any content: set a larger `max_tokens:` in the model)' : '';
  const err = new ProviderError('bad_response', `the endpoint answered without message content${detail}${room}`);
  // Estimates are no evidence of billing: only reported usage is kept for a body without content.
  if (res.usage && typeof res.usage === 'object') err.tokens = used;
  throw err;
}
