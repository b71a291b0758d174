// Cancellation helpers: a sleep that stops on abort, and a per-attempt signal that fires on the
// caller's abort or on the attempt's timeout (and says which).
//
// A run's signal is shared by every call in flight (hundreds at concurrency 256): a listener each
// tripped Node's MaxListenersExceededWarning ("11 abort listeners added to [AbortSignal]") on every
// LLM run. So a signal gets one listener, which fans out to the callbacks subscribed through `onAbort`.

interface FanOut {
  subscribers: Set<() => void>;
  listener: () => void;
}
const fanOuts = new WeakMap<AbortSignal, FanOut>();

/** Calls `fn` once when `signal` aborts; returns the unsubscribe. One real listener per signal. */
export function onAbort(signal: AbortSignal, fn: () => void): () => void {
  let fanOut = fanOuts.get(signal);
  if (!fanOut) {
    const subscribers = new Set<() => void>();
    const listener = (): void => {
      fanOuts.delete(signal);
      for (const f of [...subscribers]) f();
      subscribers.clear();
    };
    fanOut = { subscribers, listener };
    fanOuts.set(signal, fanOut);
    signal.addEventListener('abort', listener, { once: true });
  }
  const own = fanOut;
  own.subscribers.add(fn);
  return () => {
    own.subscribers.delete(fn);
    // The last one out removes the real listener: a long-lived run signal keeps none once its calls are done.
    if (own.subscribers.size === 0 && fanOuts.get(signal) === own) {
      fanOuts.delete(signal);
      signal.removeEventListener('abort', own.listener);
    }
  };
}

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  signal?.throwIfAborted();
  return new Promise((resolve, reject) => {
    const done = (): void => {
      unsubscribe?.();
      resolve();
    };
    const timer = setTimeout(done, ms);
    const unsubscribe =
      signal &&
      onAbort(signal, () => {
        clearTimeout(timer);
        reject(signal.reason);
      });
  });
}

export interface Attempt {
  signal: AbortSignal;
  /** True once the timeout (not the caller) aborted the attempt. */
  readonly timedOut: boolean;
  dispose(): void;
}

export function attemptSignal(timeoutMs: number, outer?: AbortSignal): Attempt {
  const controller = new AbortController();
  let timedOut = false;
  let unsubscribe: (() => void) | undefined;
  if (outer?.aborted) controller.abort(outer.reason);
  else if (outer) unsubscribe = onAbort(outer, () => controller.abort(outer.reason));
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort(new DOMException(`no answer within ${timeoutMs} ms`, 'TimeoutError'));
  }, timeoutMs);
  return {
    signal: controller.signal,
    get timedOut() {
      return timedOut;
    },
    dispose() {
      clearTimeout(timer);
      unsubscribe?.();
    },
  };
}
