// Worker-thread entry: runs experiment runs it is sent, one at a time, and posts back progress
// and outcomes. Bundled to dist/experiment-worker.js; run from source through tsx in tests.
import { parentPort } from 'node:worker_threads';
import type { Scenario } from '../format';
import { runOne } from './runOne';

export interface WorkerTask {
  id: number;
  scenario: Scenario;
  condition: { name: string; set: Record<string, unknown> };
  seed: number;
  rounds: number;
  tracePath?: string;
  /** Response cache of LLM answers (the experiment's, shared by every run). */
  cacheDir?: string;
  /** Workers calling the endpoints at once: each takes its part of their limits. */
  share?: number;
  /** The scenario's `module:` may run. */
  allowModule?: boolean;
}

export type WorkerMessage =
  | { type: 'round'; id: number; round: number; of: number }
  | { type: 'done'; id: number; outcome: Awaited<ReturnType<typeof runOne>> }
  | { type: 'failed'; id: number; message: string };

parentPort?.on('message', async (task: WorkerTask) => {
  const post = (m: WorkerMessage): void => parentPort!.postMessage(m);
  try {
    const outcome = await runOne(task.scenario, task.condition, task.seed, {
      rounds: task.rounds,
      tracePath: task.tracePath,
      cacheDir: task.cacheDir,
      share: task.share,
      allowModule: task.allowModule,
      onRound: (round, of) => post({ type: 'round', id: task.id, round, of }),
    });
    post({ type: 'done', id: task.id, outcome });
  } catch (err) {
    post({ type: 'failed', id: task.id, message: err instanceof Error ? err.message : String(err) });
  }
});
