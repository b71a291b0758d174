// A counting semaphore bounding the model decisions in flight per model config (its
// `concurrency`). Uncontended acquisition is synchronous, so offline runs pay almost nothing.
//
// When calls queue, a freed slot goes to the waiter with the most dependent calls still to come
// after its own (its `rest`), first come first served among equals: critical-path-first list
// scheduling. With FIFO, a stage's last conversations would start their chains of turns only
// after every other call had been served and then run with most slots idle.
export class Semaphore {
  private active = 0;
  /** FIFO queues of waiters by `rest`; `heads[r]` is the next one to serve in `waiting[r]`. */
  private readonly waiting: (() => void)[][] = [];
  private readonly heads: number[] = [];
  private queued = 0;

  constructor(readonly limit: number) {}

  /**
   * Undefined when a slot was free (and is now taken); otherwise a promise of the slot.
   * `rest`: how many calls depend on this one in sequence (a whole number; larger goes first).
   */
  acquire(rest = 0): Promise<void> | undefined {
    if (this.active < this.limit) {
      this.active++;
      return undefined;
    }
    const r = Math.max(0, Math.floor(rest));
    while (this.waiting.length <= r) {
      this.waiting.push([]);
      this.heads.push(0);
    }
    this.queued++;
    return new Promise((resolve) => this.waiting[r].push(resolve));
  }

  /** Free a slot, handing it straight to the waiter first in line if there is one. */
  release(): void {
    if (!this.queued) {
      this.active--;
      return;
    }
    for (let r = this.waiting.length - 1; r >= 0; r--) {
      const q = this.waiting[r];
      if (this.heads[r] === q.length) continue;
      const next = q[this.heads[r]++];
      if (this.heads[r] === q.length) {
        q.length = 0;
        this.heads[r] = 0;
      }
      this.queued--;
      next();
      return;
    }
  }

  get inFlight(): number {
    return this.active;
  }
  get waiters(): number {
    return this.queued;
  }
}
