// Admission control for one model: at most `concurrency` calls in flight, within the
// requests-per-minute and tokens-per-minute budgets, first come first served. A 429 pauses
// admission until its Retry-After has passed, so the other calls do not run into the same wall.
import type { LimitSettings } from '../../format';
import { onAbort } from './abortable';
import { TokenBucket } from './tokenBucket';

export type { LimitSettings };

const MAX_TIMER_MS = 2 ** 31 - 1;

export interface Permit {
  /** Frees the slot; `actualTokens` corrects the tokens-per-minute estimate. Idempotent. */
  release(actualTokens?: number): void;
}

/** `onAbort`: unsubscribes the waiter from its signal (abortable.ts onAbort). */
interface Waiter {
  tokens: number;
  grant: (p: Permit) => void;
  fail: (e: unknown) => void;
  signal?: AbortSignal;
  onAbort?: () => void;
}

export class Limiter {
  inFlight = 0;
  /** Highest number of calls ever in flight together. */
  maxInFlight = 0;
  private readonly queue: Waiter[] = [];
  private readonly rpm?: TokenBucket;
  private readonly tpm?: TokenBucket;
  private pausedUntil = 0;
  private timer?: ReturnType<typeof setTimeout>;
  private timerAt = 0;

  constructor(
    readonly settings: LimitSettings,
    private readonly now: () => number = Date.now,
  ) {
    if (settings.concurrency < 1) throw new Error('concurrency must be at least 1');
    if (settings.rpm) this.rpm = TokenBucket.perMinute(settings.rpm, now());
    if (settings.tpm) this.tpm = TokenBucket.perMinute(settings.tpm, now());
  }

  get waiting(): number {
    return this.queue.length;
  }

  acquire(tokens: number, signal?: AbortSignal): Promise<Permit> {
    signal?.throwIfAborted();
    return new Promise<Permit>((grant, fail) => {
      const w: Waiter = { tokens, grant, fail, signal };
      if (signal) {
        w.onAbort = onAbort(signal, () => {
          const i = this.queue.indexOf(w);
          if (i >= 0) this.queue.splice(i, 1);
          fail(signal.reason);
          this.pump();
        });
      }
      this.queue.push(w);
      this.pump();
    });
  }

  /** No admissions before `until` (epoch ms); used when the endpoint says Retry-After. */
  pause(until: number): void {
    if (until > this.pausedUntil) this.pausedUntil = until;
  }

  /** No admissions for the next `ms`, by this limiter's clock (the one `pump` reads). */
  pauseFor(ms: number): void {
    this.pause(this.now() + ms);
  }

  private pump(): void {
    while (this.queue.length && this.inFlight < this.settings.concurrency) {
      const w = this.queue[0];
      const now = this.now();
      const wait = Math.max(
        this.pausedUntil - now,
        this.rpm?.waitMs(1, now) ?? 0,
        this.tpm?.waitMs(w.tokens, now) ?? 0,
      );
      if (wait > 0) {
        this.wake(now + wait);
        return;
      }
      this.queue.shift();
      w.onAbort?.(); // unsubscribes: admitted, it no longer waits on the signal
      this.rpm?.take(1, now);
      this.tpm?.take(w.tokens, now);
      this.inFlight++;
      if (this.inFlight > this.maxInFlight) this.maxInFlight = this.inFlight;
      w.grant(this.permit(w.tokens));
    }
    // Nobody left to wake (the waiters were admitted or cancelled): a long timer must not keep the process alive.
    if (!this.queue.length && this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
  }

  private permit(estimate: number): Permit {
    let released = false;
    return {
      release: (actual?: number) => {
        if (released) return;
        released = true;
        this.inFlight--;
        if (actual !== undefined) this.tpm?.adjust(estimate - actual, this.now());
        this.pump();
      },
    };
  }

  private wake(at: number): void {
    if (this.timer && this.timerAt <= at) return;
    if (this.timer) clearTimeout(this.timer);
    this.timerAt = at;
    // setTimeout fires after 1 ms for delays above 2^31-1 ms (with a warning each time): cap it, pump re-checks.
    this.timer = setTimeout(
      () => {
        this.timer = undefined;
        this.pump();
      },
      Math.min(MAX_TIMER_MS, Math.max(1, at - this.now())),
    );
  }
}
