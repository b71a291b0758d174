// A run through the run harness (core/run/runHarness.ts) into a folder, as a host runs it: its
// trace, a checkpoint after every round, a resume from that checkpoint; and the trace read back.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Scenario } from '../../../src/core/format/model/model';
import { parseCheckpoint } from '../../../src/core/engine/persist/checkpoint';
import { RunHarness } from '../../../src/core/run/runHarness';
import { memoriesFromTrace } from '../../../src/core/replay/traceMemories';
import { traceLines, type Line } from './traceHelpers';

export type { Line };

/** The events of the trace in `dir`, the header first. */
export const traceIn = (dir: string): Line[] => traceLines(fs.readFileSync(path.join(dir, 'trace.jsonl'), 'utf8'));

/** Runs into `dir` with a checkpoint every round (resuming from it when asked); modules allowed. */
export async function runIn(dir: string, s: Scenario, opts: { resume?: boolean; limitMs?: number } = {}) {
  const trace = path.join(dir, 'trace.jsonl');
  const cpPath = path.join(dir, 'checkpoint.json');
  const cp = opts.resume ? parseCheckpoint(fs.readFileSync(cpPath, 'utf8')) : undefined;
  const harness = RunHarness.open(s, {
    simulation: { allowModule: true, ...(opts.limitMs ? { moduleTimeLimitMs: opts.limitMs } : {}) },
    ...(cp ? { resume: { checkpoint: cp, memories: memoriesFromTrace(trace, cp.trace!.bytes) } } : {}),
    trace: { path: trace },
    checkpoints: { path: cpPath, every: 1 },
  });
  return harness.run();
}
