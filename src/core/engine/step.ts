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
