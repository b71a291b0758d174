// A token bucket: `capacity` tokens, refilled continuously at `perMs`. Used for both
// requests-per-minute (cost 1 per request) and tokens-per-minute (cost = estimated tokens).
// Time is passed in, so the arithmetic is testable without waiting.

export class TokenBucket {
  private level: number;
  private at: number;
  /**
   * The deepest debt: a minute's refill (at least one capacity). A request larger than a whole
   * minute's budget can never fit the limit anyway; it must not stop the model for longer.
   */
  private readonly floor: number;

  constructor(
    readonly capacity: number,
    readonly perMs: number,
    now: number,
  ) {
    this.level = capacity;
    this.at = now;
    this.floor = -Math.max(capacity, perMs * 60_000);
  }

  /** A bucket for a per-minute limit, allowing a burst of one second's worth (at least one unit). */
  static perMinute(limit: number, now: number): TokenBucket {
    return new TokenBucket(Math.max(1, limit / 60), limit / 60_000, now);
  }

  private refill(now: number): void {
    if (now > this.at) this.level = Math.min(this.capacity, this.level + (now - this.at) * this.perMs);
    this.at = Math.max(this.at, now);
  }

  /**
   * Milliseconds until `cost` can be taken (0 = now). A cost above the capacity waits for a full
   * bucket and then goes into debt, so one large request is slow, never stuck.
   */
  waitMs(cost: number, now: number): number {
    this.refill(now);
    const need = Math.min(cost, this.capacity);
    return this.level >= need ? 0 : Math.ceil((need - this.level) / this.perMs);
  }

  take(cost: number, now: number): void {
    this.adjust(-cost, now);
  }

  /** Returns (or, negative, charges) the difference between an estimate and the actual cost. */
  adjust(delta: number, now: number): void {
    this.refill(now);
    if (!Number.isFinite(delta)) return; // not a count: callers validate, this keeps the bucket usable regardless
    this.level = Math.max(this.floor, Math.min(this.capacity, this.level + delta));
  }

  get available(): number {
    return this.level;
  }
}
