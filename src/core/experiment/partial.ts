// A cancelled experiment still reports the runs that finished, and says wherever it is read that
// it is partial: a report of 23 runs must not pass for the 40 that were planned.

export interface PartialRuns {
  planned: number;
  finished: number;
}

/** "partial: 23 of 40 runs finished (cancelled)": the page, the terminal and experiment.json agree. */
export function partialText(p: PartialRuns): string {
  return `partial: ${p.finished} of ${p.planned} runs finished (cancelled)`;
}

/** experiment.json's fields, written for every experiment so a script need not guess from their absence. */
export function partialFields(
  planned: number,
  finished: number,
): { partial: boolean; runs_planned: number; runs_finished: number } {
  return { partial: finished < planned, runs_planned: planned, runs_finished: finished };
}
