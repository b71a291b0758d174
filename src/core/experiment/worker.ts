// Worker-thread entry: runs experiment runs it is sent, one at a time, and posts back progress
// and outcomes. Bundled to dist/experiment-worker.js; run from source through tsx in tests.
import { parentPort } from 'node:worker_threads';
import type { Scenario } from '../format';
import { runOne } from './runOne';
import { SpendLimitReached, SpendMeter, type SpendMeterPort } from '../llm/spendMeter';

/** This thread's view of the command's meter (one per buffer: every task of the thread shares it). */
let attached: SpendMeter | undefined;
function meterOf(port: SpendMeterPort): () => SpendMeter {
  if (attached?.port.buffer !== port.buffer) attached = SpendMeter.attach(port);
  const m = attached;
  return () => m;
}

export interface WorkerTask {
  id: number;
  scenario: Scenario;
  condition: { name: string; set: Record<string, unknown> };
  seed: number;
  rounds: number;
  tracePath?: string;
  /** Keep the run's model calls in this prompt book (when it calls a model). */
  promptsPath?: string;
  /** Response cache of LLM answers (the experiment's, shared by every run). */
  cacheDir?: string;
  /** Workers calling the endpoints at once: each takes its part of their limits. */
  share?: number;
  /** The scenario's `module:` may run. */
  allowModule?: boolean;
  /** The command's spending meter, shared with every thread (llm/spendMeter.ts). */
  meter?: SpendMeterPort;
}

export type WorkerMessage =
  | { type: 'round'; id: number; round: number; of: number }
  | { type: 'done'; id: number; outcome: Awaited<ReturnType<typeof runOne>> }
  | { type: 'failed'; id: number; message: string }
  /** Stopped by the cost limit before it finished: not a failure, a run the experiment lacks. */
  | { type: 'stopped'; id: number; message: string };

parentPort?.on('message', async (task: WorkerTask) => {
  const post = (m: WorkerMessage): void => parentPort!.postMessage(m);
  try {
    const outcome = await runOne(task.scenario, task.condition, task.seed, {
      rounds: task.rounds,
      tracePath: task.tracePath,
      promptsPath: task.promptsPath,
      cacheDir: task.cacheDir,
      share: task.share,
      allowModule: task.allowModule,
      ...(task.meter ? { models: { meter: meterOf(task.meter) } } : {}),
      onRound: (round, of) => post({ type: 'round', id: task.id, round, of }),
    });
    post({ type: 'done', id: task.id, outcome });
  } catch (err) {
    if (err instanceof SpendLimitReached) post({ type: 'stopped', id: task.id, message: err.message });
    else post({ type: 'failed', id: task.id, message: err instanceof Error ? err.message : String(err) });
  }
});
