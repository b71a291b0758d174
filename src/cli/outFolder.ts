// What `society run` finds in its --out folder before a fresh run, and how it clears it. A run
// there (finished or not) is kept unless --overwrite: a re-run silently replaced the trace and
// checkpoint and left the old run's report files beside them (metrics.json of seed 7, trace of
// seed 8). Clearing waits until the trace is known to be writable: a read-only trace used to fail
// after the checkpoint was already gone.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPORT_FILES } from '../core/analysis';
import { printable } from '../core/text/printable';
import { counted } from '../core/text/counted';
import { traceEnds } from '../core/trace/traceEnds';
import { ourFilesIn } from '../core/files/ourFiles';
import { openForWriting } from '../core/files/safeWrite';
import { forgetWritten, recordWritten } from './manifest';
import { PROMPTS_FILE } from '../core/llm/promptBook';

export const TRACE_FILE = 'trace.jsonl';
export const CHECKPOINT_FILE = 'checkpoint.json';
/** The trace's per-round index (core/trace/roundIndex.ts indexPathOf), which the trace writer keeps. */
export const TRACE_INDEX_FILE = 'trace.index.json';
/** What `society report` derives from the trace (core/analysis/report/reportFiles.ts): stale once the trace is replaced. */
export const DERIVED_FILES: readonly string[] = Object.values(REPORT_FILES);
/** The book of the run's model calls beside its trace (core/llm/promptBook.ts). */
export { PROMPTS_FILE };
/** What a run itself writes into --out: checked as any output is before a fresh run writes them. */
export const RUN_FILES: readonly string[] = [TRACE_FILE, TRACE_INDEX_FILE, CHECKPOINT_FILE, PROMPTS_FILE];

/**
 * The run a folder's trace holds, in a few words (`a finished run (scenario 'Friends', seed 7, 3
 * rounds)`); undefined when there is no trace, or an empty one. Two small reads at any trace size:
 * its header line and its last line.
 */
export function heldRun(dir: string): string | undefined {
  let ends: ReturnType<typeof traceEnds>;
  try {
    ends = traceEnds(path.join(dir, TRACE_FILE));
  } catch {
    return undefined;
  } // absent, or not ours to read: writing it will say why
  if (!ends) return undefined;
  const { header, last } = ends;
  const scenario = header?.scenario as { name?: unknown } | undefined;
  if (!header || header.type !== 'header' || typeof scenario?.name !== 'string') {
    return `a ${TRACE_FILE} that is not a readable trace`;
  }
  const finished = last?.type === 'run_end';
  return `${finished ? 'a finished run' : 'the trace of a run'} (scenario '${printable(scenario.name)}', seed ${header.seed}, ${counted(Number(header.rounds), 'round')})`;
}

/**
 * Clears `dir` for a fresh run: the old checkpoint (and a half-written one) and, when
 * `derived`, the report files made from the old trace. Nothing goes before the trace is known to
 * be writable (opened for appending, which creates it and changes nothing in it); an error says
 * which file it is about (`path`). The checkpoint goes before the trace is cut: a crash in between
 * must not leave a checkpoint beside a trace it does not belong to.
 */
export function clearForFreshRun(dir: string, derived: boolean): void {
  const ours = ourFiles(dir);
  const derivedOurs = derived ? DERIVED_FILES.filter(ours) : [];
  fs.closeSync(openForWriting(path.join(dir, TRACE_FILE), 'append'));
  // The old run's prompt book goes too: with --no-prompts none is written to take its place.
  const stale = [
    ...(ours(CHECKPOINT_FILE) ? [CHECKPOINT_FILE] : []),
    `${CHECKPOINT_FILE}.tmp`,
    ...(ours(PROMPTS_FILE) ? [PROMPTS_FILE] : []),
    ...derivedOurs,
  ];
  for (const name of stale) removeFile(path.join(dir, name));
  forgetWritten(dir, stale);
  recordWritten(dir, [TRACE_FILE, TRACE_INDEX_FILE, CHECKPOINT_FILE]);
}

/**
 * Whether a file of `dir` is one our commands wrote: one the folder's list names with this
 * machine's signature (core/files/ourFiles.ts). A name alone, or a list the folder carries, is
 * not enough: a user's report.html or checkpoint.json where no run was is not ours (issue 70), nor
 * one a cloned folder lists (issue 87).
 */
export function ourFiles(dir: string): (name: string) => boolean {
  return ourFilesIn(dir);
}

/** Removes a file if it is there; a folder in its place is not ours to remove, and says so. */
export function removeFile(file: string): void {
  try {
    fs.unlinkSync(file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw Object.assign(err as NodeJS.ErrnoException, { path: file });
  }
}
