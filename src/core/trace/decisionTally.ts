// What a run's model decisions came to, per decision kind, from its trace alone: answered by the
// model, re-asked, failed (left out, or answered by the offline model instead) and never asked
// because an earlier one failed. One function for every report that must say what a run lost
// (report.html, metrics.json, the experiment's page, a study's data-quality section): they read
// the same `error` events the closing summary's warning counts, so no two of them disagree.
import type { TraceEvent } from './events';

/** The decision kind each answer event records (llm/types.ts DecisionKind; a test holds the two together). */
export const DECISION_EVENTS = {
  encounter: 'choose_partner',
  message: 'speak',
  evaluation: 'evaluate',
  advice: 'advise',
  reflection: 'reflect',
  intervention: 'interview',
  action: 'act',
  judgement: 'judge',
  survey: 'survey',
} as const satisfies Partial<Record<TraceEvent['type'], string>>;

/** Error reasons of the scenario's own mechanics, not of a model decision (engine/phases/act/). */
const MECHANICS_REASONS: ReadonlySet<string> = new Set(['expression', 'module']);

/** One decision kind's figures; every count is of decisions, not of calls. */
export interface DecisionKindTally {
  kind: string;
  /** Put to a model: answered + failed + fell_back. */
  asked: number;
  /** Answered by the model (their events carry its usage; the offline model's answers carry none). */
  answered: number;
  /** Asked a second time after an unusable answer (answered then, or failed). */
  reasked: number;
  /** Failed and left out: the step skipped, or a survey's or judge's answers recorded as missing. */
  failed: number;
  /** Failed and answered by the offline rule-based model instead (`on_error: offline`). */
  fell_back: number;
  /** Never asked because an earlier decision failed (a partner's rating of someone whose every line failed). */
  unasked: number;
}

/** A run's decisions per kind, as the trace streams past (`add`), or all at once (`tallyDecisions`). */
export class DecisionTally {
  private readonly kinds = new Map<string, DecisionKindTally>();

  readonly listener = (e: TraceEvent): void => this.add(e);

  add(e: TraceEvent): void {
    if (e.type === 'error') {
      const kind = e.kind;
      if (kind === undefined || kind === 'embed' || (e.reason !== undefined && MECHANICS_REASONS.has(e.reason))) return;
      const t = this.of(kind);
      if (e.reasked) t.reasked++;
      if (e.handling === 'unasked') t.unasked++;
      else if (e.handling === 'skipped') t.failed++;
      else if (e.handling === 'fallback' || e.handling === 'offline') t.fell_back++;
      return;
    }
    const kind = (DECISION_EVENTS as Partial<Record<TraceEvent['type'], string>>)[e.type];
    if (kind === undefined || !('usage' in e) || !e.usage) return;
    if (e.type === 'intervention' && e.kind !== 'interview') return;
    this.of(kind).answered++;
  }

  /** Adds another tally's counts (a later stretch of the same trace). */
  merge(other: DecisionTally): void {
    for (const o of other.kinds.values()) {
      const t = this.of(o.kind);
      t.answered += o.answered;
      t.reasked += o.reasked;
      t.failed += o.failed;
      t.fell_back += o.fell_back;
      t.unasked += o.unasked;
    }
  }

  private of(kind: string): DecisionKindTally {
    let t = this.kinds.get(kind);
    if (!t) {
      this.kinds.set(kind, (t = { kind, asked: 0, answered: 0, reasked: 0, failed: 0, fell_back: 0, unasked: 0 }));
    }
    return t;
  }

  /** One row per kind a model was asked (or would have been), in kind order; none for an offline run. */
  rows(): DecisionKindTally[] {
    return [...this.kinds.values()]
      .map((t) => ({ ...t, asked: t.answered + t.failed + t.fell_back }))
      .sort((a, b) => (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0));
  }
}

/** What a run's model decisions came to, per kind (empty: no model decision, an offline run). */
export function tallyDecisions(events: Iterable<TraceEvent>): DecisionKindTally[] {
  const t = new DecisionTally();
  for (const e of events) t.add(e);
  return t.rows();
}

/** The rows' sums, kind 'all'. */
export function decisionTotals(rows: readonly DecisionKindTally[]): DecisionKindTally {
  const all: DecisionKindTally = {
    kind: 'all',
    asked: 0,
    answered: 0,
    reasked: 0,
    failed: 0,
    fell_back: 0,
    unasked: 0,
  };
  for (const r of rows) {
    all.asked += r.asked;
    all.answered += r.answered;
    all.reasked += r.reasked;
    all.failed += r.failed;
    all.fell_back += r.fell_back;
    all.unasked += r.unasked;
  }
  return all;
}

/** Whether anything was lost or needed a second asking. */
export function anyLost(rows: readonly DecisionKindTally[]): boolean {
  const t = decisionTotals(rows);
  return t.reasked + t.failed + t.fell_back + t.unasked > 0;
}
