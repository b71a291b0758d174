// Maps what the `openai` package throws onto ProviderError reasons, redacting the message (an
// endpoint may echo request headers, keys included, in an error body).
import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai';
import type { FaultReason } from '../chat';
import { ProviderError } from '../errors';
import { parseRetryAfter } from '../limits/backoff';
import type { Redactor } from '../redact';
import { AnswerTooLargeError } from './answerCap';

function reasonForStatus(status: number): FaultReason {
  if (status === 429) return 'rate_limited';
  if (status === 408) return 'timeout';
  if (status === 409 || status >= 500) return 'server_error';
  return 'rejected';
}

/**
 * Converts an error from the client; aborts are rethrown unchanged for the caller to classify.
 * `url` (credentials masked) is named where a wrong URL is a likely cause: rejections and
 * network errors.
 */
export function toProviderError(err: unknown, redactor: Redactor, url?: string): ProviderError {
  if (err instanceof APIUserAbortError) throw err;
  const at = url ? ` (POST ${url})` : '';
  if (err instanceof APIConnectionTimeoutError) return new ProviderError('timeout', redactor.message(err));
  if (err instanceof APIConnectionError && err.cause instanceof AnswerTooLargeError) {
    return new ProviderError('bad_response', redactor.message(err.cause));
  }
  if (err instanceof APIConnectionError) {
    return new ProviderError('network', `${redactor.message(err.cause ?? err)}${at}`);
  }
  if (err instanceof APIError && err.status !== undefined) {
    const headers = err.headers;
    const retryAfter = parseRetryAfter(headers?.get('retry-after'), headers?.get('retry-after-ms'));
    // The package's message starts with the status too ("401 Incorrect API key…"): say it once.
    const text = redactor.message(err).replace(new RegExp(`^${err.status}\\b\\s*`), '');
    const reason = reasonForStatus(err.status);
    return new ProviderError(
      reason,
      `HTTP ${err.status}${reason === 'rejected' ? at : ''}: ${text}`,
      err.status,
      retryAfter,
    );
  }
  if (err instanceof SyntaxError) {
    return new ProviderError('bad_response', `the endpoint's response is not valid JSON: ${redactor.message(err)}`);
  }
  if (err instanceof Error && err.name === 'AbortError') throw err;
  return new ProviderError('network', redactor.message(err));
}

/** A 400 that says the endpoint does not support the structured-output format we asked for. */
export function rejectsResponseFormat(err: unknown): boolean {
  return (
    err instanceof APIError &&
    (err.status === 400 || err.status === 422) &&
    /response_format|json_schema|json_object|structured output|guided/i.test(err.message)
  );
}

/** A 400 that asks for max_completion_tokens instead of max_tokens (newer OpenAI models). */
export function wantsMaxCompletionTokens(err: unknown): boolean {
  return err instanceof APIError && err.status === 400 && /max_completion_tokens/.test(err.message);
}
