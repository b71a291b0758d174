// The "Model call" scope of a stop at a decision a model made (issues 86, 88): the messages sent
// (by role, in order), the raw answer and what parsing made of it, for each call of the decision
// (the first, and the re-ask). Found by the decision's key: the event an exception filter stopped
// after names it (core/trace/decisionKey.ts; a failed call's, by its agent and kind), else the
// agent's latest decision. A decision of the
// offline model made no call: no scope. Named by the agent's name, not its id.
import { decisionKeyOf } from '../core/trace/decisionKey';
import type { TraceEvent } from '../core/trace/events';
import type { ModelCall } from '../core/protocol/modelCall';
import type { DebugRun } from './debugRun';

/** A scope of the Variables view at a stop: its name and what it holds. */
export interface ScopeValue {
  name: string;
  value: unknown;
}

/** The scope for the decision behind `event`, or the latest decision of `agent`; undefined when no model was called. */
export function modelCallScope(run: DebugRun, at: { event?: TraceEvent; agent?: string }): ScopeValue | undefined {
  const key = at.event ? decisionKeyOf(at.event) : at.agent ? run.decisions.last(at.agent)?.request.key : undefined;
  const e = at.event;
  // A failed call's event names its agent and kind, not its decision: that agent's latest of the kind.
  const calls =
    key !== undefined
      ? run.prompts.forDecision(key)
      : e?.type === 'error' && e.agent && e.kind
        ? run.prompts.latest(e.agent, e.kind)
        : [];
  if (!calls.length) return undefined;
  const first = calls[0];
  const name = run.sim.agent(first.agent)?.persona.name ?? first.agent;
  const value =
    calls.length === 1
      ? callValue(first)
      : Object.fromEntries(calls.map((c) => [c.call === 1 ? 'first call' : `re-ask (call ${c.call})`, callValue(c)]));
  return { name: `Model call: ${name} · ${first.kind}, round ${first.round}`, value };
}

function callValue(c: ModelCall): Record<string, unknown> {
  return {
    model: c.model,
    messages: Object.fromEntries(c.messages.map((m, i) => [`${i + 1}. ${m.role}`, cutNote(m.text, m.cut)])),
    ...(c.answer !== undefined ? { answer: cutNote(c.answer, c.answer_cut) } : {}),
    ...(c.error !== undefined ? { error: c.error } : { parse: c.parse ?? 'not kept' }),
    ...(c.repairs?.length ? { repairs: [...c.repairs] } : {}),
  };
}

const cutNote = (text: string, cut?: number): string => (cut ? `${text} … (${cut} characters more not kept)` : text);
