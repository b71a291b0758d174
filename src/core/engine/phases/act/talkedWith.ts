// Whom an agent has an agreement with, and how long ago it was made, as it remembers it (issue
// 85): a conversation memory carries what was agreed in it (cues.agreed: the terms of a proposal
// accepted, and the others party to it; engine/phases/meet/agreedIn.ts). Talk that accepted no
// proposal agrees nothing, whatever it was about. Read from the memory stream, so a resumed or
// forked run sees what the original saw (the stream is in the checkpoint), and a forgotten
// conversation no longer counts. Issue 72 counted any talk with anyone as an agreement.
import type { Terms } from '../../../trace/events';
import type { Agent } from '../../society/agent';

/** How many rounds back conversations are looked for: beyond, an agreement has worn off (AGREEMENT_DECAY^12 < 0.07). */
export const TALK_HORIZON = 12;

/**
 * The agent's agreements: per other agent, the rounds since it last agreed with it (0: this
 * round), within TALK_HORIZON; and the terms of each action's latest agreement.
 */
export function agreedWith(agent: Agent, round: number): { with: Map<string, number>; terms: Terms[] } {
  const out = new Map<string, number>();
  const terms: Terms[] = [];
  const stream = agent.memories;
  // Newest last: walk back until the memories are older than the horizon.
  for (let i = stream.length - 1; i >= 0; i--) {
    const m = stream.at(i);
    if (m.round < round - TALK_HORIZON) break;
    const agreed = m.kind === 'conversation' ? m.cues?.agreed : undefined;
    if (!agreed) continue;
    const latest = terms.find((t) => t.action === agreed.terms.action && t.arg === agreed.terms.arg);
    if (!latest) terms.push(agreed.terms);
    for (const partner of agreed.with) {
      if (partner !== agent.id && !out.has(partner)) out.set(partner, Math.max(0, round - m.round));
    }
  }
  return { with: out, terms };
}
