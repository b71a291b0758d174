// Whether a trace is the one a checkpoint belongs to, before `--resume` appends to it. The
// checkpoint records the trace's length at its round; a length check alone let a resume append to
// another run's trace (a fresh run killed in its first checkpoint left its own trace beside the
// old checkpoint) or cut a trace mid-line, and exit 0 with a corrupt record. Two cheap reads, at
// any trace size: the header line must be the checkpoint's header, and the checkpoint's byte count
// must end exactly after its round's `round_end` (or the `run_end` after it).
import * as fs from 'node:fs';
import type { Checkpoint } from './checkpoint';
import { jsonObject, lineBefore, lineFrom } from '../../trace/lineRead';
import { withoutProvenance } from '../../trace/provenance';

/** Why `tracePath` cannot continue from `cp`, in a sentence; undefined when it can. */
export function resumeProblem(tracePath: string, cp: Checkpoint): string | undefined {
  const bytes = cp.trace?.bytes;
  if (bytes === undefined) return 'the checkpoint does not record its trace length';
  const fd = fs.openSync(tracePath, 'r');
  try {
    const size = fs.fstatSync(fd).size;
    const header = size ? jsonObject(lineFrom(fd, 0, size)) : undefined;
    if (!header) return 'the trace does not start with a readable header';
    const differs = headerDifference(
      withoutProvenance(header),
      withoutProvenance(cp.header) as unknown as Record<string, unknown>,
    );
    if (differs) return `the trace is another run's: its header differs from the checkpoint's (${differs})`;
    if (size < bytes) {
      return `the trace has ${size} bytes, fewer than the ${bytes} the checkpoint's round ${cp.completed} ends at (it was cut)`;
    }
    const last = jsonObject(lineBefore(fd, bytes));
    const at = last && (last.type === 'round_end' || last.type === 'run_end') ? last.round : undefined;
    if (at !== cp.completed) {
      return `the trace does not end round ${cp.completed} at byte ${bytes}, where the checkpoint says it does (the trace was changed, or is another run's)`;
    }
    return undefined;
  } finally {
    fs.closeSync(fd);
  }
}

/** The first field that differs, as `seed 7 vs 8`; '' when the headers are the same. */
function headerDifference(trace: Record<string, unknown>, checkpoint: Record<string, unknown>): string {
  if (JSON.stringify(trace) === JSON.stringify(checkpoint)) return '';
  const scenario = (h: Record<string, unknown>) => (h.scenario as { name?: string; hash?: string } | undefined) ?? {};
  if (scenario(trace).hash !== scenario(checkpoint).hash) {
    return `scenario '${scenario(trace).name}' vs '${scenario(checkpoint).name}'`;
  }
  for (const key of ['format', 'version', 'seed', 'rounds']) {
    if (JSON.stringify(trace[key]) !== JSON.stringify(checkpoint[key])) {
      return `${key} ${JSON.stringify(trace[key])} vs ${JSON.stringify(checkpoint[key])}`;
    }
  }
  return 'its settings or models';
}

/**
 * What the unfinished run a folder holds got to (`round 13 of 30`), from its checkpoint; undefined
 * when there is none, it finished, or it cannot be read (nothing to resume then). Only the
 * checkpoint's head is read: at 10,000 agents the whole is ~12 MB (~170 MB in version 1), and `completed` and `ended`
 * come right after the header.
 */
export function unfinishedRun(checkpointPath: string): string | undefined {
  let head: string;
  try {
    const fd = fs.openSync(checkpointPath, 'r');
    try {
      const buf = Buffer.allocUnsafe(1 << 20);
      head = buf.toString('utf8', 0, fs.readSync(fd, buf, 0, buf.length, 0));
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    return undefined;
  }
  if (!head.startsWith('{"format":"society-checkpoint"')) return undefined;
  const state = /\},"completed":(\d+),"ended":(true|false),/.exec(head);
  const rounds = /"seed":-?\d+,"rounds":(\d+)/.exec(head);
  return state && state[2] === 'false' ? `round ${state[1]}${rounds ? ` of ${rounds[1]}` : ''}` : undefined;
}
