// A memory source read from a trace file and kept up to date by polling it: while a run writes it
// (in the editor or `society run` in a terminal) new whole lines are read as they come; a file
// rewritten after its run ended (the same --out folder run again) is read again from the start.
// Listeners hear about each batch of new events once. A trace larger than the views' budget is
// not opened, and one that grows past it while followed stops at a round end (core/trace/viewBudget.ts).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { TraceMemorySource } from '../../core/memory/traceMemorySource';
import type { MemorySourceKind } from '../../core/memory/memorySource';
import { TraceLineReader, traceProblemsMessage } from '../../core/trace/reader';
import { tooLargeToOpen, VIEW_TRACE_LIMIT_MB, ViewBudget } from '../../core/trace/viewBudget';
import { TraceTail } from '../run/traceTail';

const POLL_MS = 500;

export interface TraceFileSource {
  source: TraceMemorySource;
  dispose(): void;
}

/**
 * Reads `file` and follows it. A file still empty (a run just started) gets its header later; one
 * whose first line is not a trace header, or that is larger than `limitMb`, throws.
 */
export function openTraceFile(
  file: string,
  kind: MemorySourceKind = 'trace',
  limitMb = VIEW_TRACE_LIMIT_MB,
): TraceFileSource {
  let size = 0;
  try {
    size = fs.statSync(file).size;
  } catch {
    /* not written yet */
  }
  const refusal = tooLargeToOpen(file, size, limitMb);
  if (refusal) throw new Error(refusal);
  const source = new TraceMemorySource(kind, runLabel(file), file);
  let tail: TraceTail;
  let reader: TraceLineReader;
  let budget: ViewBudget;
  let read = 0;
  const startOver = () => {
    budget = new ViewBudget(limitMb);
    reader = new TraceLineReader(false, (e, line, size) => {
      if (budget.take(e, size)) source.add(e, line);
    });
    read = 0;
    source.reset();
  };
  const restart = () => {
    tail = new TraceTail(file);
    startOver();
  };
  const readMore = () => {
    // (a rewritten file starts over, setting `read` to 0, inside drain: add after it returns)
    const lines = tail.drain(
      (line) => reader.line(line),
      () => budget.stopped,
      startOver,
    );
    read += lines;
    if (read === 0) return;
    const result = reader.result();
    if (!result.header) throw new Error(traceProblemsMessage(file, result.errors.slice(0, 1)));
    if (source.header !== result.header) source.setHeader(result.header);
    source.flush();
  };
  restart();
  readMore();
  const listener = (now: fs.Stats, before: fs.Stats) => {
    if (now.mtimeMs === before.mtimeMs && now.size === before.size) return;
    try {
      // Past the budget, rounds 0…R stay as they are unless the file is written anew.
      if (budget.stopped && now.size >= before.size) return;
      if (source.complete || budget.stopped) restart();
      readMore();
    } catch {
      /* the file is not a trace (any more): keep what was read */
    }
  };
  fs.watchFile(file, { interval: POLL_MS }, listener);
  return { source, dispose: () => fs.unwatchFile(file, listener) };
}

/** A run is known by its folder (`friends-20250101-120000`); a lone trace by its file name. */
export function runLabel(file: string): string {
  const base = path.basename(file);
  return base === 'trace.jsonl' ? path.basename(path.dirname(file)) : base;
}
