// What `society run` finds in its --out folder before a fresh run, and how it clears it. A run
// there (finished or not) is kept unless --overwrite: a re-run silently replaced the trace and
// checkpoint and left the old run's report files beside them (metrics.json of seed 7, trace of
// seed 8). Clearing waits until the trace is known to be writable: a read-only trace used to fail
// after the checkpoint was already gone.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPORT_FILES } from '../core/analysis/reportHtml';
import { printable } from '../core/text/printable';
import { counted } from '../core/text/counted';

export const TRACE_FILE = 'trace.jsonl';
export const CHECKPOINT_FILE = 'checkpoint.json';
/** What `society report` derives from the trace (core/analysis/reportFiles.ts): stale once the trace is replaced. */
export const DERIVED_FILES: readonly string[] = Object.values(REPORT_FILES);

/** Longest header line read back (a header with many models and prompts), as core/engine/resumePoint.ts. */
const MAX_LINE = 16 << 20;
/** The tail read for the trace's last line: a run_end is short. */
const TAIL = 64 << 10;

/**
 * The run a folder's trace holds, in a few words (`a finished run (scenario 'Friends', seed 7, 3
 * rounds)`); undefined when there is no trace, or an empty one. Two small reads at any trace size:
 * its header line and its last line.
 */
export function heldRun(dir: string): string | undefined {
  const trace = path.join(dir, TRACE_FILE);
  let fd: number;
  try {
    const stat = fs.statSync(trace);
    if (!stat.isFile() || stat.size === 0) return undefined;
    fd = fs.openSync(trace, 'r');
  } catch { return undefined; } // absent, or not ours to read: writing it will say why
  try {
    const header = parsed(firstLine(fd));
    const scenario = header?.scenario as { name?: unknown } | undefined;
    if (!header || header.type !== 'header' || typeof scenario?.name !== 'string') return `a ${TRACE_FILE} that is not a readable trace`;
    const finished = parsed(lastLine(fd))?.type === 'run_end';
    return `${finished ? 'a finished run' : 'the trace of a run'} (scenario '${printable(scenario.name)}', seed ${header.seed}, ${counted(Number(header.rounds), 'round')})`;
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Clears `dir` for a fresh run: the old checkpoint (and a half-written one) and, when
 * `derived`, the report files made from the old trace. Nothing goes before the trace is known to
 * be writable (opened for appending, which creates it and changes nothing in it); an error says
 * which file it is about (`path`). The checkpoint goes before the trace is cut: a crash in between
 * must not leave a checkpoint beside a trace it does not belong to.
 */
export function clearForFreshRun(dir: string, derived: boolean): void {
  fs.closeSync(fs.openSync(path.join(dir, TRACE_FILE), 'a'));
  const stale = [CHECKPOINT_FILE, `${CHECKPOINT_FILE}.tmp`, ...(derived ? DERIVED_FILES : [])];
  for (const name of stale) removeFile(path.join(dir, name));
}

/** Removes a file if it is there; a folder in its place is not ours to remove, and says so. */
function removeFile(file: string): void {
  try {
    fs.unlinkSync(file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw Object.assign(err as NodeJS.ErrnoException, { path: file });
  }
}

function parsed(line: string | undefined): Record<string, unknown> | undefined {
  if (line === undefined) return undefined;
  try {
    const v = JSON.parse(line) as unknown;
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
  } catch { return undefined; }
}

/** The file's first line (without its newline, which must be there). */
function firstLine(fd: number): string | undefined {
  const size = fs.fstatSync(fd).size;
  const buf = Buffer.allocUnsafe(Math.min(MAX_LINE, size));
  const n = fs.readSync(fd, buf, 0, buf.length, 0);
  const end = buf.subarray(0, n).indexOf(10);
  return end < 0 ? undefined : buf.toString('utf8', 0, end);
}

/** The file's last whole line (ended by its newline), when it fits in the tail read. */
function lastLine(fd: number): string | undefined {
  const size = fs.fstatSync(fd).size;
  const from = Math.max(0, size - TAIL);
  const buf = Buffer.allocUnsafe(size - from);
  fs.readSync(fd, buf, 0, buf.length, from);
  if (buf[buf.length - 1] !== 10) return undefined;
  const start = buf.subarray(0, buf.length - 1).lastIndexOf(10);
  return start < 0 && from > 0 ? undefined : buf.toString('utf8', start + 1, buf.length - 1);
}
