// Talk that carries content (issue 85): before a decision the world declares, an offline speaker
// may propose what its group would do best with if each did the same ("How about we each put in
// 15 tokens?"), and a listener accepts it or lets it pass. Only an accepted proposal is an
// agreement (engine/phases/act/talkedWith.ts reads it from memory): talk about other things
// agrees nothing (Bicchieri 2002: relevant communication, not mere talk, raises cooperation;
// Balliet 2010: discussion d ≈ 1). What is proposed is the request's `terms`, worked out by the
// engine from the declared rules; nothing here knows a game.
import type { Rng } from '../../random/rng';
import type { Terms } from '../../trace/events';
import type { SpeakRequest, SpeakResponse, TranscriptLine } from '../types';
import { clamp01 } from './cues';

/**
 * How likely a speaker with something to agree on proposes it, when nobody has in this
 * conversation: PROPOSE + PROPOSE_C × conscientiousness. Groups allowed to talk before a social
 * dilemma mostly discuss the decision and name a number (Ostrom, Walker & Gardner 1992; Isaac &
 * Walker 1988), so the chance is high.
 */
export const PROPOSE = 0.5;
export const PROPOSE_C = 0.4;
/**
 * How likely a listener accepts a proposal: ACCEPT + ACCEPT_A × agreeableness + ACCEPT_TIE × tie.
 * Most agree in talk to the group's best; some let it pass (cheap talk that commits nobody).
 */
export const ACCEPT = 0.45;
export const ACCEPT_A = 0.4;
export const ACCEPT_TIE = 0.2;

const amountText = (x: number): string => String(Math.round(x * 100) / 100);

/** The proposal's words: "How about we each appropriate 4.5 tokens?", "How about we all cooperate?" */
export function proposalText(t: Terms): string {
  return t.amount !== undefined
    ? `How about we each ${t.action} ${amountText(t.amount)} ${t.arg ?? ''}?`.replace(' ?', '?')
    : `How about we all ${t.action}?`;
}

/** The acceptance's words: "Deal: 4.5 tokens each.", "Deal: we all cooperate." */
export function acceptText(t: Terms): string {
  return t.amount !== undefined
    ? `Deal: ${amountText(t.amount)}${t.arg ? ` ${t.arg}` : ''} each.`
    : `Deal: we all ${t.action}.`;
}

/** The latest proposal with terms by someone else that `self` has not spoken after. */
export function pendingProposal(tr: readonly TranscriptLine[], self: string): TranscriptLine | undefined {
  for (let i = tr.length - 1; i >= 0; i--) {
    const l = tr[i];
    if (l.from === self) return undefined;
    if (l.act === 'propose' && l.terms) return l;
  }
  return undefined;
}

/**
 * What the speaker says about the decision ahead, if anything: an answer to a proposal pending
 * (accept, or undefined to let it pass), or a proposal of its own when nobody has made one.
 */
export function aboutTheDecision(req: SpeakRequest, rng: Rng): SpeakResponse | undefined {
  if (!req.terms?.length) return undefined;
  const self = req.persona;
  const pending = pendingProposal(req.transcript, self.id);
  if (pending) {
    const p = clamp01(ACCEPT + ACCEPT_A * self.traits.agreeableness + ACCEPT_TIE * req.tie);
    return rng.chance(p) ? { act: 'accept', text: acceptText(pending.terms!), terms: pending.terms } : undefined;
  }
  if (req.transcript.some((l) => l.terms)) return undefined;
  if (!rng.chance(clamp01(PROPOSE + PROPOSE_C * self.traits.conscientiousness))) return undefined;
  const terms = req.terms[0];
  return { act: 'propose', text: proposalText(terms), terms };
}
