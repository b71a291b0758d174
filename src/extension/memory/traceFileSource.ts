// A memory source read from a trace file and kept up to date by polling it: while a run writes it
// (in the editor or `society run` in a terminal) new whole lines are read as they come; a file
// rewritten after its run ended (the same --out folder run again) is read again from the start.
// Listeners hear about each batch of new events once.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { TraceMemorySource } from '../../core/memory/traceMemorySource';
import type { MemorySourceKind } from '../../core/memory/memorySource';
import { TraceLineReader } from '../../core/trace/reader';
import { TraceTail } from '../run/traceTail';

const POLL_MS = 500;

export interface TraceFileSource {
  source: TraceMemorySource;
  dispose(): void;
}

/**
 * Reads `file` and follows it. A file still empty (a run just started) gets its header later; one
 * whose first line is not a trace header throws.
 */
export function openTraceFile(file: string, kind: MemorySourceKind = 'trace'): TraceFileSource {
  const source = new TraceMemorySource(kind, runLabel(file), file);
  let tail: TraceTail;
  let reader: TraceLineReader;
  let read = 0;
  const restart = () => {
    tail = new TraceTail(file);
    reader = new TraceLineReader(false, (e, line) => source.add(e, line));
    read = 0;
    source.reset();
  };
  const readMore = () => {
    const { lines, reset } = tail.read();
    if (reset) restart();
    for (const line of lines) reader.line(line);
    read += lines.length;
    if (read === 0) return;
    const result = reader.result();
    if (!result.header) throw new Error(`${file}: ${result.errors[0]?.message ?? 'not a society trace'}`);
    if (source.header !== result.header) source.setHeader(result.header);
    source.flush();
  };
  restart();
  readMore();
  const listener = (now: fs.Stats, before: fs.Stats) => {
    if (now.mtimeMs === before.mtimeMs && now.size === before.size) return;
    try {
      if (source.complete) restart();
      readMore();
    } catch { /* the file is not a trace (any more): keep what was read */ }
  };
  fs.watchFile(file, { interval: POLL_MS }, listener);
  return { source, dispose: () => fs.unwatchFile(file, listener) };
}

/** A run is known by its folder (`friends-20250101-120000`); a lone trace by its file name. */
export function runLabel(file: string): string {
  const base = path.basename(file);
  return base === 'trace.jsonl' ? path.basename(path.dirname(file)) : base;
}
