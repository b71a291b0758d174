// Reading one round of a trace, or rounds 0..N, by seeking with its per-round index
// (roundIndex.ts; a trace without a matching index is scanned for its round starts first).
import * as fs from 'node:fs';
import type { TraceEvent, TraceHeader } from './events';
import { checkEvent, checkHeader, traceProblemsMessage, type TraceProblem } from './reader';
import { jsonObject, lineFrom } from './lineRead';
import { roundOffsets, roundRange, type RoundOffsets } from './roundIndex';

export interface RoundRead {
  header: TraceHeader;
  /** The round's events in trace order (with any interview of the debugger that carries its number). */
  events: TraceEvent[];
  /** The line number of the first event (1-based). */
  line: number;
  /** The round's round_end is there. */
  ended: boolean;
}

/** Characters read at a time. */
const READ_CHUNK = 1 << 20;

/**
 * Streams the lines of bytes [start, end) of a file, numbered from `firstLine`; the last line may
 * lack its newline (the end of the file).
 */
async function forEachLine(
  file: string,
  start: number,
  end: number,
  firstLine: number,
  onLine: (text: string, line: number) => void,
): Promise<void> {
  if (end <= start) return;
  const input = fs.createReadStream(file, { encoding: 'utf8', highWaterMark: READ_CHUNK, start, end: end - 1 });
  let rest = '',
    line = firstLine;
  for await (const chunk of input as AsyncIterable<string>) {
    let from = 0;
    for (let nl = chunk.indexOf('\n'); nl >= 0; nl = chunk.indexOf('\n', from)) {
      const text = rest ? rest + chunk.slice(from, nl) : chunk.slice(from, nl);
      onLine(text.endsWith('\r') ? text.slice(0, -1) : text, line++);
      rest = '';
      from = nl + 1;
    }
    rest += chunk.slice(from);
  }
  if (rest) onLine(rest, line);
}

/** The trace's header; throws naming the file when its first line is not one. */
export function readHeader(file: string): TraceHeader {
  const fd = fs.openSync(file, 'r');
  try {
    let text = lineFrom(fd, 0, fs.fstatSync(fd).size) ?? '';
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    const v = jsonObject(text);
    const problem = checkHeader(v);
    if (problem) throw new Error(traceProblemsMessage(file, [{ line: 1, message: problem }]));
    return v as unknown as TraceHeader;
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * The events of round `round` of the trace at `tracePath`, each checked as the reader checks it
 * (a problem throws, naming file and line); undefined when the trace has no such round. Seeks with
 * the trace's index, or, without one that matches it, with the round starts a scan finds.
 */
export async function readRound(
  tracePath: string,
  round: number,
  offsets?: RoundOffsets,
): Promise<RoundRead | undefined> {
  const o = offsets ?? roundOffsets(tracePath);
  const range = roundRange(o, round);
  if (!range) return undefined;
  const header = readHeader(tracePath);
  const events: TraceEvent[] = [];
  const errors: TraceProblem[] = [];
  let ended = false;
  await forEachLine(tracePath, range.start.offset, range.end, range.start.line, (text, line) => {
    if (!text.trim()) return;
    let v: unknown;
    try {
      v = JSON.parse(text);
    } catch (e) {
      // A cut-off last line of the file is no problem of the round's whole lines.
      if (range.end === o.bytes && o.truncated && line === o.lines) return;
      errors.push({ line, message: `invalid JSON: ${e instanceof Error ? e.message : String(e)}` });
      return;
    }
    const problem = checkEvent(v);
    if (problem) errors.push({ line, message: problem });
    else {
      const e = v as TraceEvent;
      events.push(e);
      if (e.type === 'round_end' && e.round === round) ended = true;
    }
  });
  if (errors.length) throw new Error(traceProblemsMessage(tracePath, errors));
  return { header, events, line: range.start.line, ended };
}
