// Whom an agent has talked with, and how long ago, as it remembers it: its conversation and
// evaluation memories name their partner (cues.partner) and carry their round. Read from the
// memory stream, so a resumed or forked run sees what the original saw (the stream is in the
// checkpoint), and a forgotten conversation no longer counts. People who talk agree on what each
// should do (agreement.ts); what is remembered is what they can hold each other to.
import type { Agent } from '../../society/agent';

/** How many rounds back conversations are looked for: beyond, an agreement has worn off (AGREEMENT_DECAY^12 < 0.07). */
export const TALK_HORIZON = 12;

/** Per other agent, the rounds since this agent last talked with it (0: this round), within TALK_HORIZON. */
export function talkedWith(agent: Agent, round: number): Map<string, number> {
  const out = new Map<string, number>();
  const stream = agent.memories;
  // Newest last: walk back until the memories are older than the horizon.
  for (let i = stream.length - 1; i >= 0; i--) {
    const m = stream.at(i);
    if (m.round < round - TALK_HORIZON) break;
    if (m.kind !== 'conversation' && m.kind !== 'evaluation') continue;
    const partner = m.cues?.partner;
    if (partner === undefined || partner === agent.id || out.has(partner)) continue;
    out.set(partner, Math.max(0, round - m.round));
  }
  return out;
}
