// Reading a JSONL trace: every line is parsed and checked against the event types; problems are
// returned with their line numbers (1-based), never thrown. Works on a whole text or line by line.
import * as fs from 'node:fs';
import { TRACE_FORMAT, TRACE_FORMAT_VERSION, type TraceEvent, type TraceEventType, type TraceHeader } from './events';
import { ioReason } from '../files/ioReason';

export interface TraceProblem { line: number; message: string }

export interface TraceRead {
  header?: TraceHeader;
  events: TraceEvent[];
  errors: TraceProblem[];
  /** The run finished (a run_end event is present). */
  complete: boolean;
  /** The last round whose round_end is present (−1 if none). */
  lastRound: number;
  /** The latest round any event belongs to (0 if none): past lastRound when the trace stops inside a round. */
  latestRound: number;
  /**
   * The file ends inside a line that is not JSON: a write cut off (the process was killed). The
   * line is left out rather than reported as an error; the rounds before it are whole.
   */
  truncated?: boolean;
}

type Check = 'string' | 'number' | 'boolean' | 'object' | 'array';
/** Required fields per event type (beyond `type` and `round`). */
const REQUIRED: Record<TraceEventType, Record<string, Check>> = {
  agent_added: { agent: 'object', model: 'string', reason: 'string' },
  agent_removed: { agent: 'string' },
  round_start: { agents: 'number' },
  encounter: { id: 'string', from: 'string', to: 'string', via: 'string' },
  room: { id: 'string', room: 'string', members: 'array' },
  message: { encounter: 'string', turn: 'number', from: 'string', act: 'string', text: 'string' },
  evaluation: { encounter: 'string', from: 'string', to: 'string', rating: 'number', reasons: 'object', text: 'string' },
  tie: { from: 'string', to: 'string', previous: 'number', strength: 'number', exists: 'boolean', cause: 'string' },
  tie_decay: { rate: 'number', floor: 'number', dissolved: 'array' },
  reward: { agent: 'string', raw: 'object', weighted: 'object', total: 'number', basis: 'object' },
  advice: { agent: 'string', driver: 'string', action: 'string', text: 'string' },
  memory: { agent: 'string', memory: 'object' },
  reflection: { agent: 'string', memory: 'number', evidence: 'array', importance_sum: 'number' },
  event_fired: { index: 'number', action: 'string' },
  error: { message: 'string', handling: 'string' },
  intervention: { kind: 'string', agent: 'string', question: 'string', answer: 'string' },
  round_end: { stats: 'object' },
  run_end: { rounds: 'number', usage: 'object' },
};

/**
 * The same as pairs, per type, looked up in a Map: a plain object would take "toString" or
 * "constructor" for event types, and listing the pairs once saves an array per line (a 10,000-agent
 * trace has 1.8 million lines).
 */
const REQUIRED_FIELDS = new Map<string, readonly [string, Check][]>(Object.entries(REQUIRED).map(([type, fields]) => [type, Object.entries(fields)]));

function kindOf(v: unknown): Check | 'null' | 'undefined' {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  return typeof v as Check;
}

/** Check one parsed value; returns a problem message or undefined. */
export function checkEvent(v: unknown): string | undefined {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return 'not a JSON object';
  const o = v as Record<string, unknown>;
  if (typeof o.type !== 'string') return "missing 'type'";
  const req = REQUIRED_FIELDS.get(o.type);
  if (!req) return `unknown event type '${o.type}'`;
  if (typeof o.round !== 'number' || !Number.isInteger(o.round) || o.round < 0) return `${o.type}: 'round' must be a non-negative integer`;
  for (const [k, c] of req) {
    const got = kindOf(o[k]);
    if (got !== c) return `${o.type}: '${k}' must be ${c === 'array' ? 'an array' : c === 'object' ? 'an object' : `a ${c}`}, got ${got}`;
  }
  if (o.type === 'memory') {
    const m = o.memory as Record<string, unknown>;
    if (typeof m.id !== 'number' || typeof m.text !== 'string' || typeof m.importance !== 'number' || typeof m.round !== 'number' || typeof m.kind !== 'string') return 'memory: malformed memory record';
  }
  return undefined;
}

export function checkHeader(v: unknown): string | undefined {
  if (!v || typeof v !== 'object') return 'the first line is not a trace header';
  const h = v as Record<string, unknown>;
  if (h.type !== 'header' || h.format !== TRACE_FORMAT) return 'the first line is not a society trace header';
  if (typeof h.version !== 'number') return "header: missing 'version'";
  if (h.version > TRACE_FORMAT_VERSION) return `trace format version ${h.version} is newer than this reader (${TRACE_FORMAT_VERSION})`;
  if (typeof h.seed !== 'number' || typeof h.rounds !== 'number' || !h.scenario || !h.settings) return 'header: missing seed, rounds, scenario or settings';
  return undefined;
}

/** Incremental reader: feed lines in order, then `result()`. */
export class TraceLineReader {
  private read: TraceRead = { events: [], errors: [], complete: false, lastRound: -1, latestRound: 0 };
  private lineNo = 0;

  /** `onEvent` gets each event with its line number and the line's size (characters + newline). */
  constructor(private readonly keepEvents = true, private readonly onEvent?: (e: TraceEvent, line: number, size: number) => void) {}

  /** The header, once its line was read. */
  get header(): TraceHeader | undefined { return this.read.header; }

  /** `unterminated`: the text's last line, with no newline after it (a cut-off write if it is not JSON). */
  line(text: string, unterminated = false): void {
    const n = ++this.lineNo;
    if (!text.trim()) return;
    let v: unknown;
    try { v = JSON.parse(text); } catch (e) {
      if (unterminated) this.read.truncated = true;
      else this.read.errors.push({ line: n, message: `invalid JSON: ${e instanceof Error ? e.message : String(e)}` });
      return;
    }
    if (!this.read.header) {
      const problem = checkHeader(v);
      if (problem) { this.read.errors.push({ line: n, message: problem }); if (n === 1) return; }
      else { this.read.header = v as TraceHeader; return; }
    }
    const problem = checkEvent(v);
    if (problem) { this.read.errors.push({ line: n, message: problem }); return; }
    const e = v as TraceEvent;
    if (e.round < this.read.latestRound) this.read.errors.push({ line: n, message: `round ${e.round} after round ${this.read.latestRound}: events out of order` });
    this.read.latestRound = Math.max(this.read.latestRound, e.round);
    if (e.type === 'round_end') this.read.lastRound = e.round;
    if (e.type === 'run_end') this.read.complete = true;
    if (this.keepEvents) this.read.events.push(e);
    this.onEvent?.(e, n, text.length + 1);
  }

  result(): TraceRead {
    if (!this.read.header && !this.read.errors.some((e) => e.line === 1)) this.read.errors.push({ line: 1, message: 'empty trace: no header' });
    return this.read;
  }
}

/** A trace's problems as one message for people: the first five with file and line, then how many more. */
export function traceProblemsMessage(file: string, errors: readonly TraceProblem[]): string {
  // Line 0 is the file as a whole (it could not be read at all).
  const shown = errors.slice(0, 5).map((e) => `${file}${e.line > 0 ? `:${e.line}` : ''}: ${e.message}`);
  const more = errors.length > 5 ? [`... and ${errors.length - 5} more problems`] : [];
  return [...shown, ...more].join('\n') || `${file}: not a society trace`;
}

/** A file that could not be read at all: one problem for the whole file (line 0), said plainly. */
function unreadable(e: unknown): TraceRead {
  return { events: [], errors: [{ line: 0, message: `cannot read the trace: ${ioReason(e, 'trace file')}` }], complete: false, lastRound: -1, latestRound: 0 };
}

/** Parse a whole trace text. */
export function readTrace(text: string): TraceRead {
  const r = new TraceLineReader();
  const lines = text.split('\n');
  const last = lines.pop()!; // '' when the text ends with a newline
  for (const l of lines) r.line(l);
  if (last) r.line(last, true);
  return r.result();
}

/** Characters read from a trace file at a time. */
const READ_CHUNK = 1 << 20;

/**
 * Stream a trace file line by line (large traces); `keepEvents: false` with `onEvent` avoids
 * holding them. `onHeader` hears the header as soon as it is read, before any event; `onProgress`
 * hears the bytes read so far after each piece of the file. Lines are split by hand: readline's
 * line-break regular expression cost a quarter of the reading time of a 450 MB trace.
 */
export async function readTraceFile(path: string, opts: {
  keepEvents?: boolean; onEvent?: (e: TraceEvent, line: number, size: number) => void; onHeader?: (h: TraceHeader) => void; onProgress?: (bytesRead: number) => void;
} = {}): Promise<TraceRead> {
  const r = new TraceLineReader(opts.keepEvents ?? true, opts.onEvent);
  let input: fs.ReadStream;
  try { input = fs.createReadStream(path, { encoding: 'utf8', highWaterMark: READ_CHUNK }); } catch (e) {
    return unreadable(e);
  }
  let told = !opts.onHeader;
  const line = (text: string, unterminated = false): void => {
    r.line(text.endsWith('\r') ? text.slice(0, -1) : text, unterminated);
    if (!told && r.header) { told = true; opts.onHeader!(r.header); }
  };
  try {
    // `rest`: the start of a line that continues in the next piece (searched once, so a line
    // longer than a piece costs no more than a short one).
    let rest = '';
    for await (const chunk of input as AsyncIterable<string>) {
      let from = 0;
      for (let end = chunk.indexOf('\n'); end >= 0; end = chunk.indexOf('\n', from)) {
        line(rest ? rest + chunk.slice(from, end) : chunk.slice(from, end));
        rest = '';
        from = end + 1;
      }
      rest += chunk.slice(from);
      opts.onProgress?.(input.bytesRead);
    }
    if (rest) line(rest, true);
  } catch (e) {
    return unreadable(e);
  }
  return r.result();
}
