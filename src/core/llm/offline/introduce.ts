// Introductions: a sociable speaker with nothing owed may point the listener to a friend with the
// same interest ("My friend Tom is big on bouldering too — you two should talk"). The friend is
// someone the speaker remembers enjoying (a retrieved memory naming them, valence > 0) about a
// topic the listener cares about. The engine notices a friend named in a message and the listener
// remembers the introduction (engine/phases/introductions.ts): this is how friends of friends meet, the
// triadic closure real networks show, and it works the same for LLM agents that name a friend.
import type { Rng } from '../../random/rng';
import type { SpeakRequest } from '../types';
import { nameIn } from './cues';

export interface Introduction {
  name: string;
  topic: string;
}

/** Chance to introduce, when a friend fits and nothing else is owed: 0.15 + 0.35·extraversion. */
export function introduction(req: SpeakRequest, rng: Rng): Introduction | undefined {
  const listener = req.others[0];
  if (req.room || !listener) return undefined;
  let best: (Introduction & { valence: number }) | undefined;
  for (const m of req.memories) {
    const c = m.cues;
    if (!c?.partner || c.partner === listener.id || c.partner === req.persona.id || (c.valence ?? 0) <= 0) continue;
    if (!c.topic || !listener.interests.includes(c.topic)) continue;
    const name = nameIn(m.text, '');
    if (name && (!best || c.valence! > best.valence)) best = { name, topic: c.topic, valence: c.valence! };
  }
  if (!best || !rng.chance(0.15 + 0.35 * req.persona.traits.extraversion)) return undefined;
  return { name: best.name, topic: best.topic };
}

const WORDING = [
  (i: Introduction): string => `My friend ${i.name} is big on ${i.topic} too — you two should talk.`,
  (i: Introduction): string => `You'd get on with ${i.name}; we always end up talking about ${i.topic}.`,
];

export function introductionText(i: Introduction, rng: Rng): string {
  return rng.pick(WORDING)(i);
}
