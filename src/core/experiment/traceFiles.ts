// Where an experiment's runs write their traces. A run writes `<name>.jsonl.part`, renamed to
// `<name>.jsonl` once the run has finished: a `.jsonl` under traces/ is always a whole run, even
// after a crash or a kill, and a run that did not finish leaves no trace that passes for one. A run
// that calls a model keeps its prompt book the same way, under prompts/ by the trace's name (a
// `.jsonl` under traces/ is a trace to every reader).
import * as fs from 'node:fs';
import * as path from 'node:path';
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

/** The run's prompt book (core/llm/promptBook.ts): `prompts/<trace's name>` beside traces/. */
export function bookPathOf(tracePath: string): string {
  return path.join(path.dirname(path.dirname(tracePath)), 'prompts', path.basename(tracePath));
}

/**
 * The run finished: its trace takes its real name (replacing an earlier experiment's), and so does
 * its book; a run that kept none leaves no earlier experiment's book to pass for its own.
 */
export function keepTrace(tracePath: string): void {
  moveIntoPlace(partPath(tracePath), tracePath);
  const book = bookPathOf(tracePath);
  if (fs.existsSync(partPath(book))) moveIntoPlace(partPath(book), book);
  else remove(book);
}

/** The run did not finish: its cut-off trace and book go. */
export function dropPart(tracePath: string): void {
  remove(partPath(tracePath));
  remove(partPath(bookPathOf(tracePath)));
}

/** An earlier experiment's trace (and book) of a run this one did not finish: this one's report replaces that one's. */
export function dropStale(tracePath: string): void {
  remove(tracePath);
  remove(bookPathOf(tracePath));
}

function remove(file: string): void {
  // A file a terminated worker still holds open may refuse (Windows): a cut-off one stays `.part`.
  try {
    fs.rmSync(file, { force: true });
  } catch {
    /* see above */
  }
}
