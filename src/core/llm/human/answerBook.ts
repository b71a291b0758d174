// The record of a played session (`human.jsonl` in the run folder): a header saying whom the
// person played and how, then one line per decision asked of them, keyed by the decision's stable
// key, with the response as taken (after the answer was checked) or the timeout and its policy.
// A replay answers from it alone, in whatever order the engine asks, so the replayed trace is the
// played one byte for byte (the answer is not re-checked: what was taken is what is given back).
import type { Decider } from '../../trace/events';
import type { DecisionKind } from '../types';

export const ANSWERS_FILE = 'human.jsonl';
export const PLAY_FALLBACKS = ['model', 'offline', 'skip'] as const;
/** What answers when the person does not in time: the agent's own model, the offline model, or nobody (the decision is skipped). */
export type PlayFallback = (typeof PLAY_FALLBACKS)[number];

/** The kinds a person takes by default; the others stay with the agent's model unless asked for. */
export const PLAYED_KINDS: readonly DecisionKind[] = ['choose_partner', 'speak', 'evaluate', 'act'];
/** The kinds a person may opt in to besides (the coach's `advise` is not the agent's decision). */
export const OPT_IN_KINDS: readonly DecisionKind[] = ['reflect', 'interview'];

export interface PlayHeader {
  type: 'play';
  agent: string;
  kinds: DecisionKind[];
  /** Seconds to answer; absent: no limit. */
  timeout?: number;
  fallback: PlayFallback;
}

export interface AnswerRecord {
  type: 'answer';
  key: string;
  round: number;
  agent: string;
  kind: DecisionKind;
  /** Who decided: the person, or on a timeout the policy (`timeout:skip`: nobody). */
  by: Decider | 'timeout:skip';
  /** The response taken (the person's answer, checked), when by is 'human'. */
  answer?: Record<string, unknown>;
}

/** The answers of a session: recorded as they come, or read back for a replay. */
export class AnswerBook {
  private readonly byKey = new Map<string, AnswerRecord>();

  constructor(
    readonly header: PlayHeader,
    /** Read back from a played session: answer from these, ask nobody. */
    readonly replaying: boolean,
    records: readonly AnswerRecord[] = [],
    private readonly onRecord?: (r: AnswerRecord) => void,
  ) {
    for (const r of records) this.byKey.set(r.key, r);
  }

  get(key: string): AnswerRecord | undefined {
    return this.byKey.get(key);
  }

  add(r: AnswerRecord): void {
    this.byKey.set(r.key, r);
    this.onRecord?.(r);
  }
}

export function answerLine(r: PlayHeader | AnswerRecord): string {
  return `${JSON.stringify(r)}\n`;
}

/** A session's file read back: its header and answers, or what is wrong with it. */
export function readAnswers(text: string): { header: PlayHeader; records: AnswerRecord[] } | string {
  const lines = text.split('\n').filter((l) => l.trim());
  let header: PlayHeader | undefined;
  const records: AnswerRecord[] = [];
  for (const [i, line] of lines.entries()) {
    let v: unknown;
    try {
      v = JSON.parse(line);
    } catch {
      return `line ${i + 1} is not JSON`;
    }
    const o = v as { type?: unknown };
    if (i === 0) {
      if (o.type !== 'play' || typeof (v as PlayHeader).agent !== 'string') {
        return 'line 1 is not the header of a played session ({"type":"play","agent":…})';
      }
      header = v as PlayHeader;
    } else if (o.type === 'answer' && typeof (v as AnswerRecord).key === 'string') {
      records.push(v as AnswerRecord);
    } else return `line ${i + 1} is not an answer`;
  }
  return header ? { header, records } : 'the file is empty';
}
