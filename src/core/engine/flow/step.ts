// Steps that may or may not wait. The offline rule-based model answers every decision at once, so
// with it the engine's phases run as plain calls; a Promise appears only where a model really has
// to wait (an LLM call, an embeddings request). Not wrapping the immediate path in async/await
// saves a promise, a suspended frame and a microtask per step — millions of them at 10,000 agents.
export type Step = void | Promise<void>;

/** `f(x)` now when `x` is a value, or once it resolves. */
export function then<T>(x: T | Promise<T>, f: (value: T) => Step): Step {
  return x instanceof Promise ? x.then(f) : f(x);
}

/** `f()` now when `step` finished at once, or after it. */
export function after(step: Step, f: () => Step): Step {
  return step ? step.then(f) : f();
}

/** A turn of the event loop (timers, I/O, signals), where setImmediate exists, else a timer's. */
export const eventLoopTurn = (): Promise<void> =>
  new Promise((r) => (typeof setImmediate === 'function' ? setImmediate(r) : setTimeout(r, 0)));

/** Longest the world phase runs between turns of the event loop (ms): a stop is heard within it. */
export const TURN_EVERY_MS = 200;

/**
 * Turns of the event loop spaced in time, for loops whose steps may each be slow (a costly
 * expression, a module hook): after each turn, a stop that came in the meantime ends the run.
 */
export class Pacer {
  private at = performance.now();

  constructor(private readonly signal?: AbortSignal) {}

  /** Whether a turn is due (cheap enough to ask after every agent). */
  get due(): boolean {
    return performance.now() - this.at >= TURN_EVERY_MS;
  }

  async turn(): Promise<void> {
    await eventLoopTurn();
    this.at = performance.now();
    this.signal?.throwIfAborted();
  }
}
