// How many threads the engine may use beside the model calls' pool (`--threads`): `society run
// --engine-threads N`, else $SOCIETY_ENGINE_THREADS, else the machine's cores for a population large
// enough that a thread's start (≈ 30 ms) is small beside the run. With 1 everything runs on the
// main thread; with 2 or more the trace is serialized and written on a thread of its own
// (trace/offThreadWriter.ts). The trace's bytes are the same either way.
import { availableParallelism } from 'node:os';

/** Populations from which the default gives the trace its own thread. */
export const ENGINE_THREADS_FROM_AGENTS = 1000;

/** The engine's threads: the one given, else $SOCIETY_ENGINE_THREADS, else the cores from ENGINE_THREADS_FROM_AGENTS agents. */
export function engineThreads(agents: number, given?: number, env: NodeJS.ProcessEnv = process.env): number {
  if (given !== undefined) return Math.max(1, given);
  const fromEnv = env.SOCIETY_ENGINE_THREADS;
  if (fromEnv !== undefined && /^\d+$/.test(fromEnv.trim())) return Math.max(1, Number(fromEnv));
  return agents >= ENGINE_THREADS_FROM_AGENTS ? availableParallelism() : 1;
}

/** Whether the trace is written on a thread of its own. */
export function traceOffThread(threads: number): boolean {
  return threads >= 2;
}
