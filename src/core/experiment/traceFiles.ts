// Where an experiment's runs write their traces. A run writes `<name>.jsonl.part`, renamed to
// `<name>.jsonl` once the run has finished: a `.jsonl` under traces/ is always a whole run, even
// after a crash or a kill, and a run that did not finish leaves no trace that passes for one.
import * as fs from 'node:fs';
import { conditionFileStem, stemClashes } from '../format';
import { moveIntoPlace } from '../files/safeWrite';

const PART = '.part';

/** A run's trace file name under traces/: `<condition stem>-seed<n>.jsonl`. */
export function traceFileName(condition: string, seed: number): string {
  return `${conditionFileStem(condition)}-seed${seed}.jsonl`;
}

/**
 * Conditions whose traces would share a file name (`record +1`, `record -1`), said before any run
 * starts: with one worker the later run overwrote the earlier's trace, with two a rename failed.
 */
export function traceFileClash(conditions: readonly { name: string }[]): string | undefined {
  const clash = stemClashes(conditions.map((c) => c.name))[0];
  if (!clash) return undefined;
  const [a, b, stem] = clash;
  const [x, y] = [conditions[a].name, conditions[b].name];
  return x === y
    ? `condition '${x}' is listed twice: its runs would write one trace file`
    : `conditions '${x}' and '${y}' would write their runs to one trace file (traces/${stem}-seed<n>.jsonl): rename one so their names differ in letters or digits`;
}

/** The file a run writes its trace to while it runs. */
export function partPath(tracePath: string): string {
  return tracePath + PART;
}

/** The run finished: its trace takes its real name (replacing an earlier experiment's). */
export function keepTrace(tracePath: string): void {
  moveIntoPlace(partPath(tracePath), tracePath);
}

/** The run did not finish: its cut-off trace goes. */
export function dropPart(tracePath: string): void {
  remove(partPath(tracePath));
}

/** An earlier experiment's trace of a run this one did not finish: this one's report replaces that one's. */
export function dropStale(tracePath: string): void {
  remove(tracePath);
}

function remove(file: string): void {
  // A file a terminated worker still holds open may refuse (Windows): a cut-off one stays `.part`.
  try {
    fs.rmSync(file, { force: true });
  } catch {
    /* see above */
  }
}
