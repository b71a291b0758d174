// Reading a JSONL trace: every line is parsed and checked against the event types; problems are
// returned with their line numbers (1-based), never thrown. Works on a whole text or line by line.
import * as fs from 'node:fs';
import { constants as bufferConstants } from 'node:buffer';
import { TRACE_FORMAT, TRACE_FORMAT_VERSION, type TraceEvent, type TraceEventType, type TraceHeader } from './events';
import { AgentRoster } from './agentRoster';
import { RoundSequence } from './roundSequence';
import { DuplicateEvents } from './duplicateEvents';
import { ioReason } from '../files/ioReason';

export interface TraceProblem {
  line: number;
  message: string;
}

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
  learned: { agent: 'string', item: 'string', believed: 'boolean' },
  evaluation: {
    encounter: 'string',
    from: 'string',
    to: 'string',
    rating: 'number',
    reasons: 'object',
    text: 'string',
  },
  tie: { from: 'string', to: 'string', previous: 'number', strength: 'number', exists: 'boolean', cause: 'string' },
  tie_decay: { rate: 'number', floor: 'number', dissolved: 'array' },
  reward: { agent: 'string', raw: 'object', weighted: 'object', total: 'number', basis: 'object' },
  advice: { agent: 'string', driver: 'string', action: 'string', text: 'string' },
  memory: { agent: 'string', memory: 'object' },
  reflection: { agent: 'string', memory: 'number', evidence: 'array', importance_sum: 'number' },
  event_fired: { index: 'number', action: 'string' },
  error: { message: 'string', handling: 'string' },
  // Its other fields depend on its kind: checkEvent below.
  intervention: { kind: 'string' },
  action: { agent: 'string', action: 'string', args: 'object', changes: 'object' },
  state: { world: 'object', agents: 'object' },
  places: { day: 'number', part: 'string', at: 'object' },
  match: { design: 'string', groups: 'array' },
  move: { agent: 'string', until: 'number', action: 'string' },
  round_end: { stats: 'object' },
  run_end: { rounds: 'number', usage: 'object' },
  judgement: { judging: 'string', judge: 'string', agent: 'string', scores: 'object', reasons: 'object' },
  survey: { agent: 'string', instrument: 'string', answers: 'object' },
};

/**
 * The same as pairs, per type, looked up in a Map: a plain object would take "toString" or
 * "constructor" for event types, and listing the pairs once saves an array per line (a 10,000-agent
 * trace has 1.8 million lines).
 */
const REQUIRED_FIELDS = new Map<string, readonly [string, Check][]>(
  Object.entries(REQUIRED).map(([type, fields]) => [type, Object.entries(fields)]),
);

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
  if (!req) {
    return o.type === 'header' ? 'a second header: two traces joined into one file?' : `unknown event type '${o.type}'`;
  }
  if (typeof o.round !== 'number' || !Number.isInteger(o.round) || o.round < 0) {
    return `${o.type}: 'round' must be a non-negative integer`;
  }
  for (const [k, c] of req) {
    const got = kindOf(o[k]);
    if (got !== c) {
      return `${o.type}: '${k}' must be ${c === 'array' ? 'an array' : c === 'object' ? 'an object' : `a ${c}`}, got ${got}`;
    }
  }
  if (o.type === 'memory') {
    const m = o.memory as Record<string, unknown>;
    if (
      typeof m.id !== 'number' ||
      typeof m.text !== 'string' ||
      typeof m.importance !== 'number' ||
      typeof m.round !== 'number' ||
      typeof m.kind !== 'string'
    ) {
      return 'memory: malformed memory record';
    }
  }
  if (o.type === 'intervention') return interventionProblem(o);
  return undefined;
}

/** An interview has its agent, question and answer; a branch's edits are an array of edits. */
function interventionProblem(o: Record<string, unknown>): string | undefined {
  const fields: [string, string][] =
    o.kind === 'edit'
      ? [['edits', 'array']]
      : [
          ['agent', 'string'],
          ['question', 'string'],
          ['answer', 'string'],
        ];
  for (const [k, c] of fields) {
    const got = kindOf(o[k]);
    if (got !== c) return `intervention: '${k}' must be ${c === 'array' ? 'an array' : `a ${c}`}, got ${got}`;
  }
  if (o.kind === 'edit' && !(o.edits as unknown[]).every((e) => kindOf((e as { edit?: unknown })?.edit) === 'string')) {
    return "intervention: each edit must be an object with its 'edit' kind";
  }
  return undefined;
}

/** Why the first line is not a header this reader can read, in the words of its real cause; or undefined. */
export function checkHeader(v: unknown): string | undefined {
  if (!v || typeof v !== 'object' || Array.isArray(v)) {
    return 'the first line is not a society trace header (not a JSON object)';
  }
  const h = v as Record<string, unknown>;
  if (h.type !== 'header') {
    return typeof h.type === 'string' && REQUIRED_FIELDS.has(h.type)
      ? `the first line is a ${h.type} event, not a society trace header: the header line is missing`
      : 'the first line is not a society trace header';
  }
  if (h.format === undefined) return "header: missing 'format'";
  if (h.format !== TRACE_FORMAT) {
    return `the first line is a header of format ${JSON.stringify(h.format)}, not '${TRACE_FORMAT}'`;
  }
  if (h.version === undefined) return "header: missing 'version'";
  if (!Number.isInteger(h.version) || (h.version as number) < 1) {
    return `header: 'version' must be a positive integer, got ${JSON.stringify(h.version)}`;
  }
  if ((h.version as number) > TRACE_FORMAT_VERSION) {
    return `trace format version ${h.version} is newer than this reader (${TRACE_FORMAT_VERSION})`;
  }
  if (
    typeof h.seed !== 'number' ||
    !Number.isInteger(h.rounds) ||
    (h.rounds as number) < 0 ||
    !h.scenario ||
    !h.settings
  ) {
    return 'header: missing seed, rounds, scenario or settings';
  }
  return undefined;
}

/**
 * Incremental reader: feed lines in order, then `result()`. `onEvent` hears only events that
 * passed every check, after the header: a line with a problem is reported and goes no further
 * (an event of round 10^15 would otherwise have a report measure every round up to it).
 */
export class TraceLineReader {
  private read: TraceRead = { events: [], errors: [], complete: false, lastRound: -1, latestRound: 0 };
  private lineNo = 0;
  /** The first line is not a header: the lines after it mean nothing and are not read. */
  private headless = false;
  /** The rounds and agents the events so far established (made with the header). */
  private rounds?: RoundSequence;
  private readonly roster = new AgentRoster();
  /** The lines the engine writes once (per round, agent, conversation…) so far. */
  private readonly duplicates = new DuplicateEvents();
  /** The last problem with the order of rounds: one cause over many lines is reported once. */
  private orderProblem?: string;

  /** `onEvent` gets each event with its line number and the line's size (characters + newline). */
  constructor(
    private readonly keepEvents = true,
    private readonly onEvent?: (e: TraceEvent, line: number, size: number) => void,
  ) {}

  /** The header, once its line was read. */
  get header(): TraceHeader | undefined {
    return this.read.header;
  }

  /** `unterminated`: the text's last line, with no newline after it (a cut-off write if it is not JSON). */
  line(text: string, unterminated = false): void {
    const n = ++this.lineNo;
    if (this.headless || !text.trim()) return;
    // Windows editors save UTF-8 with a byte-order mark, which JSON.parse rejects (as interop/sourceText does, skip it).
    if (n === 1 && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    let v: unknown;
    try {
      v = JSON.parse(text);
    } catch (e) {
      // A header cut off reads as one (not as whatever else fails to parse).
      if (unterminated && (this.rounds || text.startsWith('{'))) this.read.truncated = true;
      else this.problem(n, `invalid JSON: ${e instanceof Error ? e.message : String(e)}`);
      return;
    }
    if (!this.rounds) {
      const problem = checkHeader(v);
      if (problem) this.problem(n, problem);
      else {
        this.read.header = v as TraceHeader;
        this.rounds = new RoundSequence(this.read.header.rounds);
      }
      return;
    }
    const problem = checkEvent(v);
    if (problem) {
      this.read.errors.push({ line: n, message: problem });
      return;
    }
    const e = v as TraceEvent,
      type = e.type,
      round = e.round;
    const order = this.rounds.next(type, round, n);
    if (order) {
      if (order !== this.orderProblem) this.read.errors.push({ line: n, message: order });
      this.orderProblem = order;
      return;
    }
    const agent = this.roster.check(e, type);
    if (agent) {
      this.read.errors.push({ line: n, message: agent });
      return;
    }
    const again = this.duplicates.check(e, type, round, n);
    if (again) {
      this.read.errors.push({ line: n, message: again });
      return;
    }
    if (this.keepEvents) this.read.events.push(e);
    this.onEvent?.(e, n, text.length + 1);
  }

  /** A line longer than a string can hold: skipped, and reported at its number. */
  tooLong(limit: number): void {
    this.problem(
      ++this.lineNo,
      `line is too long (over ${limit >= 1 << 20 ? `${Math.round(limit / (1 << 20))} MB` : `${limit} characters`})`,
    );
  }

  /** A problem before the header was read means there is none: that one is reported, the rest is not read. */
  private problem(line: number, message: string): void {
    if (this.headless) return;
    this.read.errors.push({ line, message });
    if (!this.rounds) this.headless = true;
  }

  /** What was read so far (a trace being written may be read again as it grows). */
  result(): TraceRead {
    const read = this.read;
    if (this.rounds) {
      read.lastRound = this.rounds.ended;
      read.latestRound = Math.max(0, this.rounds.current);
      read.complete = this.rounds.complete;
      return read;
    }
    // Said, not recorded: more lines may come (a run that has just begun writing its trace).
    if (this.headless) return read;
    return {
      ...read,
      errors: [{ line: 1, message: read.truncated ? 'the header line is cut off' : 'empty trace: no header' }],
    };
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
  return {
    events: [],
    errors: [{ line: 0, message: `cannot read the trace: ${ioReason(e, 'trace file')}` }],
    complete: false,
    lastRound: -1,
    latestRound: 0,
  };
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
/** The longest line read: the longest string V8 makes (~512 M characters). A longer one is damage. */
const MAX_LINE = bufferConstants.MAX_STRING_LENGTH;

/**
 * Stream a trace file line by line (large traces); `keepEvents: false` with `onEvent` avoids
 * holding them. `onHeader` hears the header as soon as it is read, before any event; `onProgress`
 * hears the bytes read so far after each piece of the file. Lines are split by hand: readline's
 * line-break regular expression cost a quarter of the reading time of a 450 MB trace. A line
 * longer than `maxLine` characters (tests set a small one) is skipped and reported at its number.
 */
export async function readTraceFile(
  path: string,
  opts: {
    keepEvents?: boolean;
    onEvent?: (e: TraceEvent, line: number, size: number) => void;
    onHeader?: (h: TraceHeader) => void;
    onProgress?: (bytesRead: number) => void;
    maxLine?: number;
    /** Read only the bytes before this offset (a round's start, from roundIndex.ts: rounds 0..N). */
    end?: number;
  } = {},
): Promise<TraceRead> {
  const r = new TraceLineReader(opts.keepEvents ?? true, opts.onEvent);
  const maxLine = opts.maxLine ?? MAX_LINE;
  let input: fs.ReadStream;
  try {
    // A named pipe or a device would be read until its writer closes it, perhaps never (a FIFO
    // named trace.jsonl in a run folder held an assistant's explain call open: issue 70).
    const st = fs.statSync(path);
    if (!st.isFile() && !st.isDirectory()) {
      return unreadable(new Error('it is not a regular file (a named pipe or a device)'));
    }
    input = fs.createReadStream(path, {
      encoding: 'utf8',
      highWaterMark: READ_CHUNK,
      ...(opts.end !== undefined ? { end: opts.end - 1 } : {}),
    });
  } catch (e) {
    return unreadable(e);
  }
  let told = !opts.onHeader;
  const line = (text: string, unterminated = false): void => {
    r.line(text.endsWith('\r') ? text.slice(0, -1) : text, unterminated);
    if (!told && r.header) {
      told = true;
      opts.onHeader!(r.header);
    }
  };
  try {
    // `rest`: the start of a line that continues in the next piece (searched once, so a line
    // longer than a piece costs no more than a short one). `long`: the line so far is too long
    // to keep; the rest of it is passed over.
    let rest = '',
      long = false;
    for await (const chunk of input as AsyncIterable<string>) {
      let from = 0;
      for (let end = chunk.indexOf('\n'); end >= 0; end = chunk.indexOf('\n', from)) {
        if (long || rest.length + end - from > maxLine) r.tooLong(maxLine);
        else line(rest ? rest + chunk.slice(from, end) : chunk.slice(from, end));
        rest = '';
        long = false;
        from = end + 1;
      }
      if (long || rest.length + chunk.length - from > maxLine) {
        long = true;
        rest = '';
      } else rest += chunk.slice(from);
      opts.onProgress?.(input.bytesRead);
    }
    if (long) r.tooLong(maxLine);
    else if (rest) line(rest, true);
  } catch (e) {
    return unreadable(e);
  }
  return r.result();
}
