// Why a declared quantity (`state:`) stands where it does: its start (round 0's `state` event, or
// the first value the trace shows), every action that changed it (`action` events' `changes`, as
// applied) and what the round's end did to it (`update`s and the module: the difference between
// the round's `state` event and the value the actions left). The deltas add up to its value.
import type { ActionEvent, TraceEvent } from '../../trace/events';
import { lineOf, type ExplainedRound, type Explanation, type LocatedEvents, type Move } from './explainTypes';

export interface QuantityQuery {
  /** An agent id, or 'world'. */
  owner: string;
  quantity: string;
  round?: number;
}

const r3 = (x: number): string => String(+x.toFixed(3));

export function explainQuantity(trace: LocatedEvents<TraceEvent>, q: QuantityQuery): Explanation {
  const subject = `${q.owner}.${q.quantity}`;
  const names = new Map<string, string>();
  const name = (id: string): string => names.get(id) ?? id;
  const rounds: ExplainedRound[] = [];
  let value: number | undefined;
  let round = -1;
  const last = q.round ?? Infinity;
  const moveTo = (to: number, line: number, r: number, cause: string, text: string): Move => {
    const previous = value ?? 0;
    value = to;
    const m: Move = { line, round: r, cause, previous, value: to, delta: to - previous, text };
    let at = rounds[rounds.length - 1];
    if (at?.round !== r) rounds.push((at = { round: r, moves: [], context: [] }));
    at.moves.push(m);
    return m;
  };
  for (let i = 0; i < trace.events.length; i++) {
    const e = trace.events[i];
    if (e.round > last) break;
    round = e.round;
    const line = lineOf(trace, i);
    if (e.type === 'agent_added') names.set(e.agent.id, e.agent.name);
    else if (e.type === 'state') {
      const v = q.owner === 'world' ? e.world[q.quantity] : e.agents[q.owner]?.[q.quantity];
      if (v === undefined || v === value) continue;
      if (value === undefined) moveTo(v, line, e.round, 'initial', `starts at ${r3(v)}`);
      else moveTo(v, line, e.round, 'update', `the round's end (updates, module): ${r3(value)} → ${r3(v)}`);
    } else if (e.type === 'action') {
      const change = e.changes[subject];
      if (!change) continue;
      const [before, after] = change;
      if (value === undefined) {
        moveTo(before, line, e.round, 'initial', `${r3(before)} before its first recorded change`);
      }
      if (after === value) continue;
      const m = moveTo(
        after,
        line,
        e.round,
        'action',
        `${name(e.agent)} chose ${e.action}: ${r3(before)} → ${r3(after)}`,
      );
      m.because = { kind: 'action', agent: e.agent, line, round: e.round, text: actionText(e, name) };
    }
  }
  return {
    subject,
    round: Math.max(0, Math.min(last, round)),
    values: { [subject]: value ?? 0 },
    rounds,
    names: Object.fromEntries(names),
  };
}

function actionText(e: ActionEvent, name: (id: string) => string): string {
  const args = Object.entries(e.args).map(([k, v]) => `${k} ${typeof v === 'string' ? name(v) : v}`);
  return `${name(e.agent)} chose ${e.action}(${args.join(', ')})${e.reason ? `: ${e.reason}` : ''}`;
}
