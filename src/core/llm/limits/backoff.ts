// How long to wait before retrying: the endpoint's Retry-After when it gives one, otherwise
// exponential backoff with "equal jitter" (half fixed, half random), so clients that failed
// together do not retry together.

export interface BackoffSettings {
  /** Delay after the first failure before jitter, ms. */
  baseMs: number;
  /** Cap on any computed delay, ms (Retry-After is honoured up to `maxRetryAfterMs`). */
  maxMs: number;
  maxRetryAfterMs: number;
}

export const DEFAULT_BACKOFF: BackoffSettings = { baseMs: 500, maxMs: 30_000, maxRetryAfterMs: 600_000 };

/** Delay after failed attempt `attempt` (1-based). */
export function backoffMs(attempt: number, s: BackoffSettings, random: () => number = Math.random): number {
  const ceiling = Math.min(s.maxMs, s.baseMs * 2 ** (attempt - 1));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

export function retryDelayMs(
  attempt: number,
  retryAfterMs: number | undefined,
  s: BackoffSettings,
  random?: () => number,
): number {
  if (retryAfterMs !== undefined) return Math.min(Math.max(0, retryAfterMs), s.maxRetryAfterMs);
  return backoffMs(attempt, s, random);
}

/** Parses Retry-After (seconds or an HTTP date) or retry-after-ms into milliseconds. */
export function parseRetryAfter(
  retryAfter: string | null | undefined,
  retryAfterMs?: string | null,
  now = Date.now(),
): number | undefined {
  if (retryAfterMs) {
    const ms = Number(retryAfterMs);
    if (Number.isFinite(ms) && ms >= 0) return ms;
  }
  if (!retryAfter) return undefined;
  const seconds = Number(retryAfter);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(retryAfter);
  return Number.isFinite(date) ? Math.max(0, date - now) : undefined;
}
