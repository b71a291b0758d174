// What one run's trace says about how its numbers were made, read in one pass: the decisions
// that moved the hypothesis' quantity and what drove each (the offline rule that pushed hardest,
// named in the trace's `pushes`, else the reason given, its numbers masked so reasons of one kind
// count together); how much of the talk was about the world's decision at all; and the model
// decisions failed, fallen back, re-asked or fatal (data quality: the trace's one DecisionTally).
import { readTraceFile } from '../trace/reader';
import type { TraceEvent } from '../trace/events';
import { DecisionTally } from '../trace/decisionTally';

export interface RunTally {
  /** Decisions of the focus (action events that changed the quantity; else evaluations): count by what drove them. */
  drivers: Record<string, number>;
  focusDecisions: number;
  /** Each named offline rule's pushes on the focus decisions, summed (signed, in utility units). */
  pushTotals: Record<string, number>;
  /** The focus decisions' own kind: 'action <name>' or 'evaluation'. */
  focusKinds: Record<string, number>;
  messages: number;
  /** Messages that name an action, an argument or a quantity of the world. */
  messagesOnTheDecision: number;
  /** The run's model decisions per kind, the one tally every report reads (trace/decisionTally.ts). */
  decisions: DecisionTally;
  /** Errors that ended a run (a replay miss, a model that cannot load, the cost limit). */
  fatal: number;
  /** Offline-model decisions (answers with no model usage). */
  offlineDecisions: number;
  models: string[];
}

export function emptyTally(): RunTally {
  return {
    drivers: Object.create(null),
    focusDecisions: 0,
    pushTotals: Object.create(null),
    focusKinds: Object.create(null),
    messages: 0,
    messagesOnTheDecision: 0,
    decisions: new DecisionTally(),
    fatal: 0,
    offlineDecisions: 0,
    models: [],
  };
}

/** A reason with its numbers masked: "my group agreed on 20 each" and "… on 15 each" are one kind. */
export function reasonKind(reason: string): string {
  const masked = reason
    .replace(/-?\d+(?:[.,]\d+)*/g, '#')
    .replace(/\s+/g, ' ')
    .trim();
  return masked.length > 90 ? `${masked.slice(0, 87)}…` : masked;
}

/** The trace's named pushes of an offline choice (none for an LLM's or a person's). */
function pushesOf(e: TraceEvent): { rule: string; size: number }[] {
  const pushes = (e as { pushes?: unknown }).pushes;
  if (!Array.isArray(pushes)) return [];
  return (pushes as { rule?: unknown; size?: unknown }[]).filter(
    (p): p is { rule: string; size: number } =>
      typeof p?.rule === 'string' && typeof p.size === 'number' && Number.isFinite(p.size),
  );
}

/** The push that moved a choice most, by its size: the trace's named offline rules. */
function strongestPush(pushes: unknown): string | undefined {
  if (!Array.isArray(pushes) || !pushes.length) return undefined;
  let best: { rule: string; size: number } | undefined;
  for (const p of pushes as { rule?: unknown; size?: unknown }[]) {
    if (typeof p?.rule !== 'string' || typeof p.size !== 'number') continue;
    if (!best || Math.abs(p.size) > Math.abs(best.size)) best = { rule: p.rule, size: p.size };
  }
  return best ? `rule: ${best.rule}` : undefined;
}

const bump = (r: Record<string, number>, k: string, by = 1): void => void (r[k] = (r[k] ?? 0) + by);

export interface TallyFocus {
  /** The quantity the metric reads (`given` of agents.given.mean), as a change key's suffix; undefined: network metrics. */
  quantity?: string;
  /** Words that make a message about the world's decision (action, argument and quantity names). */
  words: readonly string[];
}

/** The focus of a metric: the declared quantity it is an outcome of, if any. */
export function focusOf(metric: string, words: readonly string[]): TallyFocus {
  const m = /^(?:world|agents)\.([A-Za-z_]\w*)\./.exec(metric);
  return { ...(m ? { quantity: m[1] } : {}), words };
}

function touches(changes: unknown, quantity: string): boolean {
  if (!changes || typeof changes !== 'object') return false;
  return Object.keys(changes).some((k) => k === `world.${quantity}` || k.endsWith(`.${quantity}`));
}

export function tallyEvent(t: RunTally, e: TraceEvent, focus: TallyFocus, wordTest: RegExp | undefined): void {
  t.decisions.add(e);
  if (e.type === 'error') {
    if (e.handling === 'fatal') t.fatal++;
    return;
  }
  const usage = (e as { usage?: { model?: string } }).usage;
  // A decision's own usage names its model; a round's or a run's totals (round_end, run_end) do not.
  if (typeof usage?.model === 'string') {
    if (!t.models.includes(usage.model)) t.models.push(usage.model);
  } else if (e.type === 'action' || e.type === 'message' || e.type === 'evaluation') {
    t.offlineDecisions++;
  }
  if (e.type === 'message') {
    t.messages++;
    if (wordTest?.test(e.text)) t.messagesOnTheDecision++;
    return;
  }
  const isFocus =
    focus.quantity !== undefined ? e.type === 'action' && touches(e.changes, focus.quantity) : e.type === 'evaluation';
  if (!isFocus) return;
  t.focusDecisions++;
  bump(t.focusKinds, e.type === 'action' ? `action ${e.action}` : 'evaluation');
  for (const p of pushesOf(e)) bump(t.pushTotals, p.rule, p.size);
  const reason = e.type === 'action' ? e.reason : e.type === 'evaluation' ? e.text : undefined;
  const driver =
    strongestPush((e as { pushes?: unknown }).pushes) ?? (reason ? reasonKind(reason) : 'no reason recorded');
  bump(t.drivers, driver);
}

/** A word test for the focus words (whole words, any case); undefined without words. */
export function wordTestOf(words: readonly string[]): RegExp | undefined {
  const usable = [...new Set(words.filter((w) => w.length >= 3))].map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return usable.length ? new RegExp(`\\b(?:${usable.join('|')})\\b`, 'i') : undefined;
}

/** One run's tally, its trace streamed (never held). */
export async function tallyTrace(file: string, focus: TallyFocus): Promise<RunTally> {
  const t = emptyTally();
  const test = wordTestOf(focus.words);
  await readTraceFile(file, { keepEvents: false, onEvent: (e) => tallyEvent(t, e, focus, test) });
  return t;
}

/** Tallies summed (a condition's runs). */
export function addTally(into: RunTally, t: RunTally): void {
  for (const [k, n] of Object.entries(t.drivers)) bump(into.drivers, k, n);
  for (const [k, n] of Object.entries(t.focusKinds)) bump(into.focusKinds, k, n);
  for (const [k, n] of Object.entries(t.pushTotals)) bump(into.pushTotals, k, n);
  into.focusDecisions += t.focusDecisions;
  into.messages += t.messages;
  into.messagesOnTheDecision += t.messagesOnTheDecision;
  into.decisions.merge(t.decisions);
  into.fatal += t.fatal;
  into.offlineDecisions += t.offlineDecisions;
  for (const m of t.models) if (!into.models.includes(m)) into.models.push(m);
}
