// Cancellation helpers: a sleep that stops on abort, and a per-attempt signal that fires on the
// caller's abort or on the attempt's timeout (and says which).

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  signal?.throwIfAborted();
  return new Promise((resolve, reject) => {
    const done = (): void => { signal?.removeEventListener('abort', onAbort); resolve(); };
    const timer = setTimeout(done, ms);
    const onAbort = (): void => { clearTimeout(timer); reject(signal!.reason); };
    signal?.addEventListener('abort', onAbort, { once: true });
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
  const onOuter = (): void => controller.abort(outer!.reason);
  if (outer?.aborted) controller.abort(outer.reason);
  else outer?.addEventListener('abort', onOuter, { once: true });
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort(new DOMException(`no answer within ${timeoutMs} ms`, 'TimeoutError'));
  }, timeoutMs);
  return {
    signal: controller.signal,
    get timedOut() { return timedOut; },
    dispose() { clearTimeout(timer); outer?.removeEventListener('abort', onOuter); },
  };
}
