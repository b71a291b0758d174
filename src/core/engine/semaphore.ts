// A counting semaphore bounding the model decisions in flight per model config (its
// `concurrency`). Uncontended acquisition is synchronous, so offline runs pay almost nothing.
export class Semaphore {
  private active = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(readonly limit: number) {}

  /** Undefined when a slot was free (and is now taken); otherwise a promise of the slot. */
  acquire(): Promise<void> | undefined {
    if (this.active < this.limit) { this.active++; return undefined; }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  /** Free a slot, handing it straight to the longest waiter if there is one. */
  release(): void {
    const next = this.waiting.shift();
    if (next) next(); else this.active--;
  }

  get inFlight(): number { return this.active; }
}
