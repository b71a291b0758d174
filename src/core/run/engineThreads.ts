// How many threads the engine may use beside the model calls' pool (`--threads`): `society run
// --engine-threads N`, else $SOCIETY_ENGINE_THREADS, else 1. With 1 everything runs on the main
// thread; with 2 or more the trace's lines are encoded and written on a thread of their own
// (trace/offThreadWriter.ts), the bytes the same. Measured on this project's 2-core machine that
// spared the engine's thread nothing it could use (its CPU within noise, the process's 10–20%
// more: the second core is the collector's helpers' too), so it is not the default; the engine's
// own work moves to threads once its state is laid out by agent index (docs/benchmarks.md).

/** The engine's threads: the one given, else $SOCIETY_ENGINE_THREADS, else 1. */
export function engineThreads(given?: number, env: NodeJS.ProcessEnv = process.env): number {
  if (given !== undefined) return Math.max(1, given);
  const fromEnv = env.SOCIETY_ENGINE_THREADS;
  if (fromEnv !== undefined && /^\d+$/.test(fromEnv.trim())) return Math.max(1, Number(fromEnv));
  return 1;
}

/** Whether the trace is written on a thread of its own. */
export function traceOffThread(threads: number): boolean {
  return threads >= 2;
}
