// Introductions noticed in a conversation: a member named someone they have talked with to a
// member who has never met that person ("My friend Tom is big on bouldering too"). The listener
// remembers it, so the next time that memory is retrieved the introduced person is on its mind
// (turn.ts rememberedPeople makes them a candidate) and the choice is the agent's own. This is
// triadic closure by introduction; nothing is arranged by the engine.
import type { Agent } from '../../society/agent';
import type { Talk } from './talk';
import type { MemoryCues } from '../../../trace/events';
import type { PhaseContext } from '../context';

/** Importance of remembering that someone was introduced to me. */
export const INTRODUCTION_IMPORTANCE = 5;

export interface Introduction {
  by: Agent;
  friend: Agent;
  topic?: string;
}

/** People named to `listener` by the others in the conversation: acquaintances of theirs it has not met. */
export function introductionsTo(world: PhaseContext, conv: Talk, listener: Agent): readonly Introduction[] {
  let out: Introduction[] | undefined; // most conversations introduce no one: no array for them
  for (const line of conv.transcript) {
    if (line.from === listener.id) continue;
    const by = memberOf(conv, line.from);
    if (!by) continue;
    world.meetings.forEachOf(by.id, (_n, id) => {
      if (id === listener.id || world.meetings.has(listener.id, id)) return;
      const friend = world.agents.get(id);
      if (!friend || !line.text.includes(friend.persona.name) || (out && introduced(out, id))) return;
      (out ??= []).push(line.topic ? { by, friend, topic: line.topic } : { by, friend });
    });
  }
  return out ?? NONE;
}

const NONE: readonly Introduction[] = [];

function memberOf(conv: Talk, id: string): Agent | undefined {
  for (const m of conv.members) if (m.id === id) return m;
  return undefined;
}

function introduced(out: readonly Introduction[], id: string): boolean {
  for (const i of out) if (i.friend.id === id) return true;
  return false;
}

/**
 * The listener remembers each introduction. It carries the trust the listener has in whoever
 * made it: valence = ½·tie(listener → introducer), so a friend's word counts and a stranger's
 * does not (a friend of a friend starts out with some goodwill).
 */
function cuesOf(i: Introduction, trust: number): MemoryCues {
  const cues: MemoryCues = { partner: i.friend.id };
  if (i.topic) cues.topic = i.topic;
  if (trust > 0) cues.valence = trust;
  return cues;
}

export function rememberIntroductions(world: PhaseContext, conv: Talk, listener: Agent): void {
  for (const i of introductionsTo(world, conv, listener)) {
    const trust = Math.round(50 * world.ties.get(listener.id, i.by.id)) / 100;
    world.remember(
      listener,
      'observation',
      `${i.by.persona.name} introduced me to ${i.friend.persona.name}${i.topic ? `, who is into ${i.topic}` : ''}.`,
      INTRODUCTION_IMPORTANCE,
      cuesOf(i, trust),
    );
  }
}
