// The chat-completion seam between an agent model and an endpoint. Providers (OpenAI-compatible
// HTTP, the VS Code language model API) implement ChatClient; limits, retries and the response
// cache are ChatClient decorators, so every provider gets them the same way.

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

/** A JSON schema the answer must follow: sent as structured output where the endpoint supports it. */
export interface JsonSchemaFormat {
  name: string;
  schema: Record<string, unknown>;
}

export interface ChatRequest {
  messages: ChatMessage[];
  json?: JsonSchemaFormat;
  /**
   * The answer's length cap when the model config sets no `max_tokens` (answerBudget.ts). Not key
   * material for the cache: it follows from the request's kind and schema, which are.
   */
  max_tokens?: number;
}

export interface ChatTokens {
  input_tokens: number;
  output_tokens: number;
  /** Of `input_tokens`, those the endpoint served from its prompt cache (where it reports them). */
  cached_input_tokens?: number;
}

/** Why an attempt failed. Transient reasons are retried; the rest fail the call at once. */
export type FaultReason =
  'rate_limited' | 'server_error' | 'timeout' | 'network' | 'bad_response' | 'rejected' | 'unparseable' | 'replay_miss';

/** One failed attempt (retried or final). Plain data: it is cached and replayed into the trace. */
export interface CallFault {
  /** 1-based attempt number within the chat call. */
  attempt: number;
  reason: FaultReason;
  status?: number;
  retry_after_ms?: number;
  /** Redacted, one line. */
  message: string;
  /**
   * Not a failed attempt: something wrong in an answer that was still used (unusable `usage`
   * figures). Recorded like a fault, not counted as an attempt.
   */
  note?: true;
}

export interface ChatResult {
  content: string;
  tokens: ChatTokens;
  /** Faults overcome on the way to this answer, in order. */
  faults: CallFault[];
  /** Served from the response cache. */
  cached?: boolean;
}

/**
 * What makes two calls interchangeable for the cache: provider, endpoint, model and sampling
 * parameters. Never keys or headers.
 */
export interface ChatIdentity {
  provider: string;
  model: string;
  endpoint?: string;
  temperature?: number;
  max_tokens?: number;
  seed?: number;
}

export interface ChatClient {
  readonly identity: ChatIdentity;
  complete(request: ChatRequest, signal?: AbortSignal): Promise<ChatResult>;
  /**
   * Settles once the client can make calls (a worker thread started): awaited before a call's
   * attempts, so a start-up is not counted against the attempt's timeout. Never rejects.
   */
  ready?(): Promise<void>;
}

/** Rough token count (4 characters per token) for rate limiting and estimates, not billing. */
export function approxTokens(text: string): number {
  return Math.ceil(text.length / 4);
}

export function messageTokens(messages: ChatMessage[]): number {
  let n = 0;
  for (const m of messages) n += approxTokens(m.content) + 4;
  return n;
}
