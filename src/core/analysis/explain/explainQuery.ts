// An explanation asked for as a researcher types it: `<from> <to>` for a tie, `<agent>.<quantity>`
// or `world.<quantity>` for a declared quantity. Names are resolved against the trace's agents;
// what cannot be resolved is a sentence, not an explanation. The CLI's `explain` and the Debug
// Console's `why` both ask through here.
import type { TraceEvent } from '../../trace/events';
import { didYouMean } from '../../format';
import { agentRoster, findAgent, recordedQuantities } from './agentNames';
import type { Explanation, LocatedEvents } from './explainTypes';
import { explainQuantity } from './quantityChain';
import { explainTie } from './tieChain';

export interface ExplainOptions {
  round?: number;
  /** For a tie: both directions. */
  both?: boolean;
}

export const EXPLAIN_USAGE = '<from> <to> (a tie) or <agent>.<quantity> / world.<quantity>';

export function explainAsked(
  trace: LocatedEvents<TraceEvent>,
  words: readonly string[],
  opts: ExplainOptions = {},
): { explanation: Explanation } | { problem: string } {
  const roster = agentRoster(trace.events);
  if (words.length === 2) {
    const from = findAgent(roster, words[0]);
    if ('problem' in from) return from;
    const to = findAgent(roster, words[1]);
    if ('problem' in to) return to;
    if (from.id === to.id) return { problem: `A tie is between two agents; both names are ${from.id}.` };
    return { explanation: explainTie(trace, { from: from.id, to: to.id, both: opts.both, round: opts.round }) };
  }
  const dot = words.length === 1 ? words[0].lastIndexOf('.') : -1;
  if (dot <= 0) return { problem: `Say what to explain: ${EXPLAIN_USAGE}.` };
  const owner = words[0].slice(0, dot),
    quantity = words[0].slice(dot + 1);
  const found = owner === 'world' ? { id: 'world' } : findAgent(roster, owner);
  if ('problem' in found) return found;
  const known = recordedQuantities(trace.events)[found.id === 'world' ? 'world' : 'agents'];
  if (!known.has(quantity)) {
    const near = didYouMean(quantity, known);
    const kind = found.id === 'world' ? 'world' : 'agent';
    return {
      problem: near
        ? `No ${kind} quantity '${quantity}' in this run; did you mean ${near}?`
        : `No ${kind} quantity '${quantity}' in this run${known.size ? `; it records ${[...known].join(', ')}` : ''}.`,
    };
  }
  return { explanation: explainQuantity(trace, { owner: found.id, quantity, round: opts.round }) };
}
