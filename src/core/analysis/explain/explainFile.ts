// A trace read for explaining: its events with their line numbers, from a trace file or a run
// folder (its trace.jsonl).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readTraceFile, traceProblemsMessage } from '../../trace/reader';
import type { TraceEvent, TraceHeader } from '../../trace/events';
import type { LocatedEvents } from './explainTypes';

export interface LocatedTrace extends LocatedEvents<TraceEvent> {
  file: string;
  header: TraceHeader;
  lines: number[];
  /** Lines that could not be read (left out; the others keep their own line numbers). */
  problems: number;
}

/** The trace of a run folder, or the file itself. */
export function traceFileOf(target: string): string {
  return fs.statSync(target).isDirectory() ? path.join(target, 'trace.jsonl') : target;
}

/** Reads a trace with each event's line; throws a sentence when it cannot be read or is damaged before any event. */
export async function readLocatedTrace(target: string): Promise<LocatedTrace> {
  const file = traceFileOf(target);
  const lines: number[] = [];
  const read = await readTraceFile(file, { onEvent: (_e, line) => lines.push(line) });
  if (!read.header) throw new Error(traceProblemsMessage(file, read.errors));
  return { file, header: read.header, events: read.events, lines, problems: read.errors.length };
}
