// The retry loop shared by chat and embedding calls: each attempt waits for the limiter, has a
// timeout and obeys cancellation; transient failures (429, 5xx, timeouts, network, malformed
// responses) are retried with backoff, a 429 after its Retry-After. Every failed attempt becomes
// a CallFault, so nothing that went wrong is lost even when the call finally succeeds.
import type { CallFault } from '../chat';
import { ModelLoadError, ProviderError, isTransient } from '../errors';
import type { Redactor } from '../redact';
import { attemptSignal, sleep } from './abortable';
import { DEFAULT_BACKOFF, retryDelayMs, type BackoffSettings } from './backoff';
import type { Limiter } from './limiter';
import type { EndpointHealth } from './endpointHealth';

export interface ResilienceSettings {
  /** The endpoint's circuit breaker (one per endpoint, shared by its calls); none: never opens. */
  health?: EndpointHealth;
  retries: number;
  timeoutMs: number;
  backoff?: BackoffSettings;
  random?: () => number;
  /**
   * Told when the endpoint's Retry-After holds its calls for LONG_WAIT_MS or more: a run must not
   * stand still for minutes without a word (`ms`: the pause, at most the backoff's maxRetryAfterMs).
   */
  onLongWait?: (wait: { ms: number; retryAfterMs: number }) => void;
}

/** A Retry-After pause this long or longer is said (ResilienceSettings.onLongWait). */
export const LONG_WAIT_MS = 10_000;

export interface CallPlan<T> {
  limiter: Limiter;
  settings: ResilienceSettings;
  redactor: Redactor;
  /** Tokens the call is expected to use, for the tokens-per-minute budget. */
  estimate: number;
  /** Tokens the call actually used. */
  tokensOf(result: T): number;
}

export async function resilientCall<T>(
  attempt: (signal: AbortSignal) => Promise<T>,
  plan: CallPlan<T>,
  signal?: AbortSignal,
): Promise<{ result: T; faults: CallFault[] }> {
  const { retries, timeoutMs } = plan.settings;
  const backoff = plan.settings.backoff ?? DEFAULT_BACKOFF;
  const faults: CallFault[] = [];
  for (let n = 1; ; n++) {
    plan.settings.health?.check();
    const permit = await plan.limiter.acquire(plan.estimate, signal);
    const a = attemptSignal(timeoutMs, signal);
    let failure: ProviderError;
    try {
      const result = await attempt(a.signal);
      permit.release(plan.tokensOf(result));
      plan.settings.health?.succeeded();
      return { result, faults };
    } catch (err) {
      if (signal?.aborted) {
        permit.release();
        throw signal.reason;
      }
      // A model that cannot be loaded is not a call to retry: the run stops.
      if (err instanceof ModelLoadError) {
        permit.release();
        throw err;
      }
      failure = a.timedOut
        ? new ProviderError('timeout', `no answer within ${timeoutMs} ms`)
        : err instanceof ProviderError
          ? err
          : new ProviderError('rejected', plan.redactor.message(err));
    } finally {
      a.dispose();
    }
    const delay = retryDelayMs(n, failure.retryAfterMs, backoff, plan.settings.random);
    // The endpoint's Retry-After holds every call to it, also when this one gives up here: calls
    // started inside that window would only meet the same 429. Paused before the slot is freed,
    // so a call queued behind this one cannot slip in between.
    if (failure.reason === 'rate_limited' && failure.retryAfterMs !== undefined) {
      plan.limiter.pauseFor(delay);
      if (delay >= LONG_WAIT_MS) plan.settings.onLongWait?.({ ms: delay, retryAfterMs: failure.retryAfterMs });
    }
    permit.release();
    plan.settings.health?.failed(failure.reason, plan.redactor.message(failure));
    faults.push({
      attempt: n,
      reason: failure.reason,
      message: plan.redactor.message(failure),
      ...(failure.status !== undefined ? { status: failure.status } : {}),
      ...(failure.retryAfterMs !== undefined ? { retry_after_ms: failure.retryAfterMs } : {}),
    });
    if (!isTransient(failure.reason) || n > retries) {
      failure.faults = faults;
      throw failure;
    }
    plan.settings.health?.check();
    await sleep(delay, signal);
  }
}
