// Where an experiment's runs write their traces. A run writes `<name>.jsonl.part`, renamed to
// `<name>.jsonl` once the run has finished: a `.jsonl` under traces/ is always a whole run, even
// after a crash or a kill, and a run that did not finish leaves no trace that passes for one.
import * as fs from 'node:fs';

const PART = '.part';

/** The file a run writes its trace to while it runs. */
export function partPath(tracePath: string): string {
  return tracePath + PART;
}

/** The run finished: its trace takes its real name (replacing an earlier experiment's). */
export function keepTrace(tracePath: string): void {
  fs.renameSync(partPath(tracePath), tracePath);
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
