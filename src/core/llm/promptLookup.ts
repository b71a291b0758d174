// A run's prompt book read back, by decision: what the society view and the debugger show beside a
// decision ("Prompt & answer"). The book names each call's decision by its request key (the
// engine's `speak:<encounter>:<turn>`, ...), and keeps texts once by sha256: a lookup puts them
// back. Read confined to the run's folder and capped (a book is the run's, never a link out of
// it); a line cut by a crash is skipped, and a call whose text is missing says so, not blank.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { confinedPath } from '../files/confined';
import {
  callOutcome,
  callWho,
  PROMPT_BOOK_MAX_BYTES,
  PROMPTS_FILE,
  TEXT_MAX_CHARS,
  type PromptLine,
} from './promptBook';
import type { PromptCall } from './promptRecord';
import type { ModelCall } from '../protocol/modelCall';

export type { ModelCall, SentMessage } from '../protocol/modelCall';

/** Characters of text a lookup heard live keeps (each distinct text once); the calls after are left out. */
export const LIVE_MAX_CHARS = 32 * 1024 * 1024;

/** The book's calls by decision key, from a file or heard live. */
export class PromptLookup {
  private readonly texts = new Map<string, { text: string; cut?: number }>();
  private readonly byKey = new Map<string, ModelCall[]>();
  /** Each agent's latest decision of each kind (`agent kind` → key): a failed call's event names no key. */
  private readonly latestKey = new Map<string, string>();
  /** Texts heard live, each kept once (a persona's system prompt is sent with every call). */
  private readonly interned = new Map<string, string>();
  private chars = 0;
  /** Calls the book left out past its cap (its `end` line), or heard live past LIVE_MAX_CHARS. */
  leftOut = 0;

  constructor(private readonly maxChars = LIVE_MAX_CHARS) {}

  /** Calls heard live were left out past the bound: the run's book on disk has them. */
  get full(): boolean {
    return this.chars > this.maxChars;
  }

  /** One line of a book. */
  addLine(line: PromptLine): void {
    if (line.type === 'text') this.texts.set(line.sha256, { text: line.text, ...(line.cut ? { cut: line.cut } : {}) });
    else if (line.type === 'end') this.leftOut = line.left_out;
    else if (line.type === 'call') {
      const { messages, schema: _schema, max_tokens: _max, type: _type, ...rest } = line;
      this.push({
        ...rest,
        messages: messages.map((m) => {
          const t = this.texts.get(m.sha256);
          return t
            ? { role: m.role, ...t }
            : { role: m.role, text: `(text ${m.sha256.slice(0, 12)} is not in the book)` };
        }),
      });
    }
  }

  /** A call as a registry's `onPrompt` tells it (a live run); past the bound it is counted, not kept. */
  addCall(c: PromptCall): void {
    if (this.full) {
      this.leftOut++;
      return;
    }
    const cut = (s: string): { text: string; cut?: number } => {
      const kept = s.length > TEXT_MAX_CHARS ? s.slice(0, TEXT_MAX_CHARS) : s;
      let text = this.interned.get(kept);
      if (text === undefined) {
        this.interned.set(kept, (text = kept));
        this.chars += kept.length;
      }
      return s.length > TEXT_MAX_CHARS ? { text, cut: s.length - TEXT_MAX_CHARS } : { text };
    };
    const answer = c.answer !== undefined ? cut(c.answer) : undefined;
    this.push({
      ...callWho(c),
      messages: c.messages.map((m) => ({ role: m.role, ...cut(m.content) })),
      ...callOutcome(c, answer),
    });
  }

  /** The calls behind a decision, first call first (empty: none was made, or none kept). */
  forDecision(key: string): ModelCall[] {
    return this.byKey.get(key) ?? [];
  }

  /** The calls of `agent`'s latest decision of `kind` (a failed call's `error` event names these two). */
  latest(agent: string, kind: string): ModelCall[] {
    const key = this.latestKey.get(`${agent}\u0000${kind}`);
    return key === undefined ? [] : this.forDecision(key);
  }

  /** Whether any call is known: a world of offline decisions has none, and shows no prompt at all. */
  get empty(): boolean {
    return this.byKey.size === 0;
  }

  private push(call: ModelCall): void {
    this.latestKey.set(`${call.agent}\u0000${call.kind}`, call.key);
    const list = this.byKey.get(call.key);
    if (list) {
      // A resumed book re-asks the rounds after its checkpoint: the later call of a number wins.
      const at = list.findIndex((c) => c.call === call.call);
      if (at >= 0) list[at] = call;
      else list.push(call);
      list.sort((a, b) => a.call - b.call);
    } else this.byKey.set(call.key, [call]);
  }
}

/**
 * The book of the run in `folder` (`prompts.jsonl`, or `file` inside it): undefined when the run
 * kept none. A book that leads out of the folder, or is larger than a book can be, is refused.
 */
export function readPromptBook(folder: string, file = PROMPTS_FILE): PromptLookup | undefined {
  const given = path.resolve(folder, file);
  if (!fs.existsSync(given)) return undefined;
  const real = confinedPath(folder, given, 'read');
  const size = fs.statSync(real).size;
  const cap = PROMPT_BOOK_MAX_BYTES + TEXT_MAX_CHARS * 8;
  if (!fs.statSync(real).isFile()) throw new Error(`${given} is not a file`);
  if (size > cap) throw new Error(`${given} is ${size} bytes, more than a prompt book holds (${cap})`);
  const lookup = new PromptLookup();
  for (const raw of fs.readFileSync(real, 'utf8').split('\n')) {
    if (!raw) continue;
    let line: PromptLine;
    try {
      line = JSON.parse(raw) as PromptLine;
    } catch {
      continue; // a line cut by a crash
    }
    if (line && typeof line === 'object') lookup.addLine(line);
  }
  return lookup;
}
