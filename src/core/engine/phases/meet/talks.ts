// The `act` step of `meet`: a conversation with each chosen partner (concurrently; each
// conversation's turns in order), each side recalling what it knows of the other first.
import { SmallMap } from '../../flow/smallMap';
import { after, then, type Step } from '../../flow/step';
import { inOrder } from '../../flow/tape';
import { trimmed } from '../../flow/trimmed';
import { decidedBy, usageField } from '../../society/usageBook';
import type { PhaseContext } from '../context';
import { recall } from '../recall';
import { own } from '../slot';
import type { Turn } from '../turn';
import { rememberConversation, situationOf, talk } from './conversation';
import type { Conversation } from './talk';
import { MEET_TURN } from './meetState';

/** Act: hold a conversation with each chosen partner (concurrently; each conversation's turns in order). */
export function holdTalks(world: PhaseContext, t: Turn): Step {
  const m = own(t, MEET_TURN);
  // The choices are made: keep them in exact-size arrays until the round ends (an array grown by
  // push keeps room for 16 more; at a million agents that is ≈ 0.5 GB over a round's lists).
  m.partners = m.partners.slice();
  m.choices = m.choices.slice();
  const convs: (Conversation | undefined)[] = [];
  const talking = inOrder(m.partners, t.tape, (c, tape, k) => {
    const partner = world.agents.get(c.id);
    if (!partner) return;
    const id = `${world.round}:${t.agent.id}:${k}`;
    tape.say({
      type: 'encounter',
      round: world.round,
      id,
      from: t.agent.id,
      to: partner.id,
      via: c.via,
      ...usageField(m.choices[k]),
      ...decidedBy(m.choices[k]),
    });
    // Each side recalls what it knows of the other before they talk, as Generative Agents does:
    // the initiator's retrieval for choosing was about all its candidates, and with it the
    // initiator greeted most old friends as strangers.
    const site = { tape, phase: 'act' as const, signal: t.signal };
    return then(recall(world, t.agent, [...t.agent.persona.interests, ...situationOf(partner)], site), (own) =>
      then(recall(world, partner, [...partner.persona.interests, ...situationOf(t.agent)], site), (theirs) => {
        const conv: Conversation = {
          id,
          members: [t.agent, partner],
          initiator: t.agent.id,
          via: c.via,
          transcript: [],
          context: SmallMap.from([
            [t.agent.id, own],
            [partner.id, theirs],
          ]),
        };
        return after(talk(world, conv, tape, t.signal), () => {
          conv.transcript = trimmed(conv.transcript);
          rememberConversation(world, conv, tape);
          convs[k] = conv;
        });
      }),
    );
  });
  return after(talking, () => {
    for (const c of convs) if (c) m.conversations.push(c);
    m.conversations = m.conversations.slice();
  });
}
