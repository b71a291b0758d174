// The run a branch starts from: its trace (a run folder's trace.jsonl, or the file itself), read
// whole, with what a re-run needs to be the same run: the header (scenario, seed, rounds,
// settings, models), the `--model` its checkpoint records, and where its model answers are cached.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseCheckpoint } from '../engine';
import { readTraceFile, traceProblemsMessage } from '../trace/reader';
import type { TraceEvent, TraceHeader } from '../trace/events';

export class BranchError extends Error {}

export interface ParentRun {
  /** The run's folder (the trace's). */
  folder: string;
  tracePath: string;
  header: TraceHeader;
  events: TraceEvent[];
  /** The last round the trace ends (round_end); −1 when none. */
  lastRound: number;
  complete: boolean;
  /** Its `--model` (null: each persona's own); undefined when no checkpoint says. */
  model: string | null | undefined;
  /** `<folder>/cache` when it is there (where `society run --replay` looks). */
  cacheDir?: string;
}

export async function readParentRun(given: string): Promise<ParentRun> {
  const stat = fs.statSync(given, { throwIfNoEntry: false });
  if (!stat) throw new BranchError(`${given} does not exist`);
  const tracePath = stat.isDirectory() ? path.join(given, 'trace.jsonl') : given;
  if (!fs.existsSync(tracePath)) throw new BranchError(`${given} holds no trace.jsonl: not a run folder`);
  const folder = path.dirname(path.resolve(tracePath));
  let header: TraceHeader | undefined;
  const read = await readTraceFile(tracePath, { onHeader: (h) => (header = h) });
  if (read.errors.length || !header) throw new BranchError(traceProblemsMessage(tracePath, read.errors));
  const cache = path.join(folder, 'cache');
  return {
    folder,
    tracePath: path.resolve(tracePath),
    header,
    events: read.events,
    lastRound: read.lastRound,
    complete: read.complete,
    model: recordedModel(path.join(folder, 'checkpoint.json')),
    ...(fs.existsSync(cache) ? { cacheDir: cache } : {}),
  };
}

/** The `--model` the run's checkpoint records, if it has a readable one. */
function recordedModel(file: string): string | null | undefined {
  try {
    const cp = parseCheckpoint(fs.readFileSync(file, 'utf8'));
    return cp.model === undefined ? undefined : (cp.model ?? null);
  } catch {
    return undefined;
  }
}
