// Runs experiment runs on a pool of worker threads (the offline model is CPU-bound; two cores run
// two simulations at once). Results come back in task order whatever order they finish in.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { WorkerMessage, WorkerTask } from './worker';
import type { RunOutcome } from './outcome';

/** The worker script: the bundle beside the bundled CLI/extension, else the TypeScript source via tsx. */
function workerEntry(): { file: string; execArgv: string[] } {
  const bundled = path.join(__dirname, 'experiment-worker.js');
  if (fs.existsSync(bundled)) return { file: bundled, execArgv: [] };
  return { file: path.join(__dirname, 'worker.ts'), execArgv: ['--require', require.resolve('tsx/cjs')] };
}

export interface PoolEvents {
  onRound?: (taskId: number, round: number, of: number) => void;
  onDone?: (taskId: number, outcome: RunOutcome) => void;
}

export interface PoolStops {
  /** Stop at once: the workers are terminated, mid-run (a worker takes no signal, only tasks). */
  signal?: AbortSignal;
  /** Start no more tasks; those under way finish. */
  stopStarting?: AbortSignal;
}

/**
 * Runs the tasks on up to `jobs` worker threads. Stopped, it gives the outcomes of the tasks that
 * finished (undefined for the others), and only once every worker has exited: a terminated worker
 * writes nothing more. A failed task throws, once the tasks under way have finished.
 */
export async function runOnPool(
  tasks: WorkerTask[],
  jobs: number,
  events: PoolEvents = {},
  stops: PoolStops = {},
): Promise<(RunOutcome | undefined)[]> {
  const results = new Array<RunOutcome | undefined>(tasks.length).fill(undefined);
  const queue = [...tasks];
  const entry = workerEntry();
  const workers: Worker[] = [];
  const failures: string[] = [];
  const { signal, stopStarting } = stops;
  const stopAll = (): void => {
    for (const w of workers) void w.terminate();
  };
  signal?.addEventListener('abort', stopAll, { once: true });
  // What throws in a listener (a trace that cannot be renamed) fails the pool, not the process.
  const failing = (f: () => void): void => {
    try {
      f();
    } catch (err) {
      failures.push(err instanceof Error ? err.message : String(err));
    }
  };
  let limitReached = false;
  const startNoMore = (): boolean =>
    !!signal?.aborted || !!stopStarting?.aborted || limitReached || failures.length > 0;

  const lane = (): Promise<void> =>
    new Promise((resolve) => {
      const worker = new Worker(entry.file, { execArgv: entry.execArgv });
      workers.push(worker);
      const next = (): void => {
        const task = startNoMore() ? undefined : queue.shift();
        if (!task) {
          void worker.terminate();
          return;
        }
        worker.postMessage(task);
      };
      worker.on('message', (m: WorkerMessage) => {
        if (m.type === 'round') events.onRound?.(m.id, m.round, m.of);
        else if (m.type === 'done') {
          results[m.id] = m.outcome;
          failing(() => events.onDone?.(m.id, m.outcome));
          next();
        } else if (m.type === 'stopped') {
          // The cost limit: this run is left unfinished and no other starts (the experiment is partial).
          // The runs under way elsewhere are stopped too: none may call again, and one waiting on a
          // call (or for the meter) would keep the pool waiting with nothing left to do. A call they
          // had in flight is counted as cut off (spendMeter.ts).
          limitReached = true;
          stopAll();
        } else {
          failures.push(`run ${m.id + 1}: ${m.message}`);
          next();
        }
      });
      worker.on('error', (err) => {
        failures.push(err.message);
        resolve();
      });
      worker.on('exit', () => resolve());
      next();
    });

  await Promise.all(Array.from({ length: Math.max(1, Math.min(jobs, tasks.length)) }, lane));
  signal?.removeEventListener('abort', stopAll);
  if (failures.length) throw new Error(failures.join('; '));
  return results;
}
