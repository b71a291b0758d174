// Messages between the main thread and a chat worker (chatPool.ts, chatWorker.ts), sent together
// once per turn of the event loop. Each postMessage wakes the other thread; a wave of calls (64
// sent at once, their answers back together 100 ms later) made one wake-up a call each way, and
// on a 2-core machine those wake-ups, not the copying, were most of what postMessage cost
// (issue 71: bench/llmEngine.ts). Order is kept: a client and its secrets still reach the worker
// before the calls that use them.

/** Where a batch goes: a Worker, or a worker's parentPort. */
export interface BatchTarget<M> {
  postMessage(batch: M[]): void;
}

/** Queues messages for `target`; what is queued in one turn of the event loop goes as one batch. */
export function batchedPost<M>(target: BatchTarget<M>): (message: M) => void {
  let queued: M[] = [];
  const flush = (): void => {
    const batch = queued;
    queued = [];
    target.postMessage(batch);
  };
  return (message) => {
    if (queued.push(message) === 1) setImmediate(flush);
  };
}
