// Every model call of a run kept beside its trace, as the run goes: `prompts.jsonl`, one JSON line
// a call (its decision's key, round, kind, agent and model; its messages, schema, raw answer and
// parse result) and one line a text the first time it is met. Message texts and schemas are
// stored once, by sha256, and calls name them: a persona's system prompt sent a thousand times
// is written once. Bounded: a text past TEXT_MAX_CHARS keeps its start (the line says how much
// was cut), and once the file reaches its cap the calls after are counted, not written, and the
// file says so. Opened without following a link; a resumed run drops the calls of the rounds it
// asks again, so each call is in the book once.
import * as fs from 'node:fs';
import { createHash } from 'node:crypto';
import type { PromptCall } from './promptRecord';
import type { ModelCall } from '../protocol/modelCall';

export const PROMPTS_FILE = 'prompts.jsonl';
/** The book's cap: past it, calls are counted and left out. */
export const PROMPT_BOOK_MAX_BYTES = 256 * 1024 * 1024;
/** Longest text (a message, a schema, an answer) kept whole. */
export const TEXT_MAX_CHARS = 64 * 1024;

/** A line of the book. */
export type PromptLine =
  | { type: 'text'; sha256: string; text: string; cut?: number }
  | (Omit<ModelCall, 'messages'> & {
      type: 'call';
      /** Each message's text by its sha256 (a `text` line). */
      messages: { role: string; sha256: string }[];
      schema: string;
      max_tokens: number;
    })
  | { type: 'full'; max_bytes: number }
  | { type: 'end'; calls: number; left_out: number };

export interface PromptBookOptions {
  maxBytes?: number;
  /** Resuming after this round: the book's calls of later rounds are dropped (they are asked again). */
  resumeAfter?: number;
}

export class PromptBook {
  /** Calls written, and calls left out past the cap (this session and, resumed, the kept part before). */
  calls = 0;
  leftOut = 0;
  private bytes = 0;
  private full = false;
  private readonly seen = new Set<string>();
  private readonly fd: number;
  private readonly maxBytes: number;

  constructor(
    readonly file: string,
    options: PromptBookOptions = {},
  ) {
    this.maxBytes = options.maxBytes ?? PROMPT_BOOK_MAX_BYTES;
    const kept = options.resumeAfter !== undefined ? this.keptLines(options.resumeAfter) : [];
    const { O_WRONLY, O_CREAT, O_TRUNC, O_NOFOLLOW } = fs.constants;
    this.fd = fs.openSync(file, O_WRONLY | O_CREAT | O_TRUNC | (O_NOFOLLOW ?? 0), 0o644);
    for (const line of kept) this.write(line);
  }

  /** The listener to hand a registry as `onPrompt`. */
  readonly listener = (c: PromptCall): void => {
    if (this.full) {
      this.leftOut++;
      return;
    }
    const texts: string[] = [];
    const ref = (text: string): string => {
      const sha256 = createHash('sha256').update(text).digest('hex');
      if (!this.seen.has(sha256)) {
        this.seen.add(sha256);
        texts.push(JSON.stringify(textLine(sha256, text)));
      }
      return sha256;
    };
    const messages = c.messages.map((m) => ({ role: m.role, sha256: ref(m.content) }));
    const schema = ref(JSON.stringify(c.schema));
    const answer = c.answer !== undefined ? cut(c.answer) : undefined;
    const line: PromptLine = {
      type: 'call',
      ...callWho(c),
      messages,
      schema,
      max_tokens: c.max_tokens,
      ...callOutcome(c, answer),
    };
    const text = [...texts, JSON.stringify(line)].join('\n') + '\n';
    if (this.bytes + Buffer.byteLength(text) > this.maxBytes) {
      // Texts met in a call left out are not kept either: forget them, so a later call is whole.
      for (const t of texts) this.seen.delete((JSON.parse(t) as { sha256: string }).sha256);
      this.full = true;
      this.leftOut++;
      this.write(JSON.stringify({ type: 'full', max_bytes: this.maxBytes }) + '\n');
      return;
    }
    this.calls++;
    this.write(text);
  };

  /** Writes the closing line (calls kept and left out) and closes the file. */
  close(): void {
    this.write(JSON.stringify({ type: 'end', calls: this.calls, left_out: this.leftOut }) + '\n');
    fs.closeSync(this.fd);
  }

  private write(text: string): void {
    const bytes = Buffer.from(text);
    for (let at = 0; at < bytes.length;) at += fs.writeSync(this.fd, bytes, at, bytes.length - at);
    this.bytes += bytes.length;
  }

  /** The lines of an earlier session's book worth keeping: its texts, and its calls up to `round`. */
  private keptLines(round: number): string[] {
    let text: string;
    try {
      const st = fs.lstatSync(this.file);
      if (!st.isFile() || st.size > this.maxBytes + TEXT_MAX_CHARS * 8) return [];
      text = fs.readFileSync(this.file, 'utf8');
    } catch {
      return [];
    }
    const out: string[] = [];
    for (const raw of text.split('\n')) {
      let line: PromptLine;
      try {
        line = JSON.parse(raw) as PromptLine;
      } catch {
        continue; // a line cut by a crash
      }
      if (line.type === 'text') {
        if (this.seen.has(line.sha256)) continue;
        this.seen.add(line.sha256);
      } else if (line.type === 'call') {
        if (line.round > round) continue;
        this.calls++;
      } else continue;
      out.push(raw + '\n');
    }
    return out;
  }
}

/** Which decision a call served: the fields a book's line and a view's ModelCall both lead with. */
export function callWho(c: PromptCall): Pick<ModelCall, 'key' | 'round' | 'kind' | 'agent' | 'model' | 'call'> {
  return { key: c.key, round: c.round, kind: c.kind, agent: c.agent, model: c.model, call: c.call };
}

/** What came of a call, `answer` as cut: the fields a book's line and a view's ModelCall both end with. */
export function callOutcome(
  c: PromptCall,
  answer: { text: string; cut?: number } | undefined,
): Pick<ModelCall, 'answer' | 'answer_cut' | 'parse' | 'repairs' | 'error'> {
  return {
    ...(answer ? { answer: answer.text, ...(answer.cut ? { answer_cut: answer.cut } : {}) } : {}),
    ...(c.parse !== undefined ? { parse: c.parse } : {}),
    ...(c.repairs ? { repairs: c.repairs } : {}),
    ...(c.error !== undefined ? { error: c.error } : {}),
  };
}

function cut(text: string): { text: string; cut?: number } {
  return text.length > TEXT_MAX_CHARS
    ? { text: text.slice(0, TEXT_MAX_CHARS), cut: text.length - TEXT_MAX_CHARS }
    : { text };
}

function textLine(sha256: string, text: string): PromptLine {
  const c = cut(text);
  return { type: 'text', sha256, text: c.text, ...(c.cut ? { cut: c.cut } : {}) };
}
