// The record of a played session (`human.jsonl` in the run folder): a header saying whom the
// person played and how, then one line per decision asked of them, keyed by the decision's stable
// key, with the response as taken (after the answer was checked) or the timeout and its policy.
// A replay answers from it alone, in whatever order the engine asks, so the replayed trace is the
// played one byte for byte. A record read back is a file anyone may have written: its `by` must be
// one the session writes, and its answer passes the checks a live model's does (humanModel.ts).
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

/** Who may have decided, as a session records it. */
export const RECORDED_DECIDERS = ['human', 'timeout:model', 'timeout:offline', 'timeout:skip'] as const;

/** The line of a record read back from a file (for errors that point at it). */
const lineOf = new WeakMap<AnswerRecord, number>();
export const recordLine = (r: AnswerRecord): number | undefined => lineOf.get(r);

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
      const r = v as AnswerRecord;
      if (!(RECORDED_DECIDERS as readonly unknown[]).includes(r.by)) {
        return `line ${i + 1}: "by" must be one of ${RECORDED_DECIDERS.join(', ')}, not ${JSON.stringify(r.by)}`;
      }
      const a = r.answer as unknown;
      if (r.by === 'human' && (!a || typeof a !== 'object' || Array.isArray(a))) {
        return `line ${i + 1}: an answer by "human" must hold the answer as a JSON object`;
      }
      lineOf.set(r, i + 1);
      records.push(r);
    } else return `line ${i + 1} is not an answer`;
  }
  return header ? { header, records } : 'the file is empty';
}
