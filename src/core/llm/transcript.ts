// Reading a conversation transcript: which replies engaged with what came before. Shared by the
// reward computation and the offline model's evaluation so "being responded to" means one thing.
import type { DialogueAct } from '../trace/events';

export interface Utterance {
  from: string;
  act: DialogueAct;
  text: string;
  topic?: string;
}

/** Does `reply` respond to `prev` (answer a question, support a disclosure, accept a plan, follow the topic)? */
export function isContingent(prev: Utterance | undefined, reply: Utterance): boolean {
  if (!prev || prev.from === reply.from) return false;
  switch (prev.act) {
    case 'ask':
      return reply.act === 'answer';
    case 'disclose':
      return reply.act === 'support' || (reply.topic !== undefined && reply.topic === prev.topic);
    case 'propose':
      return reply.act === 'accept';
    case 'greet':
      return reply.act === 'greet' || reply.act === 'ask' || reply.act === 'share';
    default:
      if (reply.act === 'support' || reply.act === 'answer') return true;
      return reply.topic !== undefined && reply.topic === prev.topic;
  }
}

/**
 * Share of `other`'s messages that engaged with `self`: replies contingent on self's previous
 * message, questions about self's interests, and an opening greeting (reaching out). 0..1.
 * (Interests are a list of a few: searching it beats building a Set per evaluation.)
 */
export function attentiveness(
  transcript: readonly Utterance[],
  self: string,
  other: string,
  selfInterests: readonly string[],
): number {
  let total = 0,
    attentive = 0;
  for (let i = 0; i < transcript.length; i++) {
    const u = transcript[i];
    if (u.from !== other) continue;
    total++;
    const prev = i > 0 ? transcript[i - 1] : undefined;
    if (
      (i === 0 && u.act === 'greet') ||
      (prev?.from === self && isContingent(prev, u)) ||
      (u.act === 'ask' && u.topic !== undefined && selfInterests.includes(u.topic))
    ) {
      attentive++;
    }
  }
  return total === 0 ? 0 : attentive / total;
}
