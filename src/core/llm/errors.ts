// Typed failures of model calls. A ProviderError is one chat call that failed for good (after
// retries); a ModelCallError is a decision that failed, which the engine answers with the model's
// `on_error` policy. Anything else thrown from a model is a bug or a replay miss: fatal.
import type { Usage } from '../trace/events';
import type { CallFault, ChatTokens, FaultReason } from './chat';
import type { DecisionKind } from './types';

const TRANSIENT: ReadonlySet<FaultReason> = new Set([
  'rate_limited',
  'server_error',
  'timeout',
  'network',
  'bad_response',
]);

export function isTransient(reason: FaultReason): boolean {
  return TRANSIENT.has(reason);
}

export class ProviderError extends Error {
  override readonly name = 'ProviderError';
  /** Replayed from the response cache rather than met just now. */
  cached = false;
  /** Tokens billed for 200 answers the call could not use (a body without content). */
  tokens?: ChatTokens;
  constructor(
    readonly reason: FaultReason,
    message: string,
    readonly status?: number,
    readonly retryAfterMs?: number,
    /** Every failed attempt of the call, the last one included. */
    public faults: CallFault[] = [],
  ) {
    super(message);
  }
}

/** A cache miss while replaying: the run cannot be reproduced from the cache. Never retried. */
export class ReplayMissError extends Error {
  override readonly name = 'ReplayMissError';
  constructor(
    readonly model: string,
    readonly cacheKey: string,
    readonly decision?: string,
  ) {
    super(
      `replay: no cached answer for ${decision ? `decision '${decision}' of ` : ''}model '${model}' (cache key ${cacheKey.slice(0, 16)}); ` +
        'the scenario, prompts or model parameters differ from the recorded run, or the cache is incomplete',
    );
  }
}

/** A recorded answer a replay cannot give back: it fails the checks a live answer passes. */
export class RecordedAnswerError extends ReplayMissError {
  constructor(model: string, file: string, decision: string, why: string) {
    super(model, file, decision);
    this.message = `replay: the recorded answer to decision '${decision}' in ${file} is refused: ${why}`;
  }
}

/**
 * A local model that could not be loaded (issue 86): every call of the run would fail alike, so
 * the run stops with the file and why, as when an endpoint is never reached, rather than failing
 * each decision one by one with the process never ending.
 */
export class ModelLoadError extends Error {
  override readonly name = 'ModelLoadError';
}

export class ModelCallError extends Error {
  override readonly name = 'ModelCallError';
  constructor(
    readonly model: string,
    readonly kind: DecisionKind,
    readonly key: string,
    readonly reason: FaultReason,
    /** HTTP attempts made, across retries and the re-ask. */
    readonly attempts: number,
    readonly faults: CallFault[],
    detail: string,
    /** Tokens spent on the failed decision (answers that could not be used still cost). */
    readonly usage?: Usage,
  ) {
    super(
      `model '${model}' failed to ${kind.replace('_', ' ')} (${reason}) after ${attempts} attempt${attempts === 1 ? '' : 's'}: ${detail}`,
    );
  }
}

export function isAbort(err: unknown): boolean {
  return (
    err instanceof Error &&
    (err.name === 'AbortError' || err.name === 'APIUserAbortError' || err.name === 'TimeoutError')
  );
}

/**
 * A decision left out on purpose rather than failed: a person playing the agent did not answer in
 * time and the declared policy is `skip`. The engine skips it whatever the model's `on_error`
 * says, and books no failed call (llm/human/).
 */
export class DecisionSkipped extends Error {
  override readonly name = 'DecisionSkipped';
  constructor(
    message: string,
    readonly reason: string,
  ) {
    super(message);
  }
}
