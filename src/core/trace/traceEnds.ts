// A trace's first and last lines, read without the lines between: whether a trace file is a whole
// run (its header first, its run_end last) at any size, in two small reads. A copy cut short ends
// mid-line, or on a whole line that is not run_end; neither passes.
import * as fs from 'node:fs';
import { jsonObject, lineBefore, lineFrom } from './lineRead';

export interface TraceEnds {
  /** The first line as JSON; undefined when it is not a JSON object (or has no newline). */
  header: Record<string, unknown> | undefined;
  /** The last line as JSON; undefined when the file does not end with a whole JSON line. */
  last: Record<string, unknown> | undefined;
}

/** The ends of the trace in `file`; undefined when it is not a file, or empty. IO errors are thrown. */
export function traceEnds(file: string): TraceEnds | undefined {
  // Looked at before it is opened: opening a FIFO waits for a writer.
  const stat = fs.statSync(file);
  if (!stat.isFile() || stat.size === 0) return undefined;
  const fd = fs.openSync(file, 'r');
  try {
    const size = fs.fstatSync(fd).size;
    return { header: jsonObject(lineFrom(fd, 0, size)), last: jsonObject(lineBefore(fd, size)) };
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * What keeps the trace in `file` from being the whole run it should be (a run of seed `seed`), in a
 * few words; undefined when it is whole. The header must come first and run_end last, for the
 * header's rounds.
 */
export function unwholeTrace(file: string, seed: number): string | undefined {
  let ends: TraceEnds | undefined;
  try {
    ends = traceEnds(file);
  } catch (err) {
    return `it cannot be read (${(err as NodeJS.ErrnoException).code ?? String(err)})`;
  }
  if (!ends) return 'it is empty';
  const { header, last } = ends;
  if (header?.type !== 'header') return 'its first line is not a trace header';
  if (header.seed !== seed) return `its header is of seed ${String(header.seed)}, not ${seed}`;
  if (!last) return 'it ends in the middle of a line, without run_end (cut off)';
  if (last.type !== 'run_end') {
    return `it ends with ${String(last.type)} in round ${String(last.round)} of ${String(header.rounds)}, without run_end (cut off)`;
  }
  if (last.rounds !== header.rounds) {
    return `its run_end says ${String(last.rounds)} rounds, its header ${String(header.rounds)}`;
  }
  return undefined;
}
