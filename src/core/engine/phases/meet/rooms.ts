// Group rooms: each round every room holds one group conversation (fixed members, or `size`
// members drawn at random); at the evaluation barrier every member rates every other member who
// spoke (engine/phases/evaluate/evaluation.ts evaluateConversation).
import { SmallMap } from '../../flow/smallMap';
import { trimmed } from '../../flow/trimmed';
import type { RunSettings } from '../../../trace/events';
import type { RetrievedMemory } from '../../../llm/types';
import type { Agent } from '../../society/agent';
import { rememberConversation, talk } from './conversation';
import type { Conversation } from './talk';
import { recall } from '../recall';
import type { EncounterIndex } from '../../society/encounters';
import { stream } from '../../../random/rng';
import type { Tape } from '../../flow/tape';
import type { PhaseContext } from '../context';

export type RoomSpec = RunSettings['world']['rooms'][number];

/**
 * Hold one room's conversation this round; undefined when fewer than two members are present.
 * `room` has the schema's defaults (format/schema/settings.ts: the scenario's rooms and rooms set at run
 * time alike). A room of two is still a room (conversation.ts `talk`).
 */
export async function holdRoom(
  world: PhaseContext,
  room: RoomSpec,
  index: EncounterIndex,
  tape: Tape,
  signal?: AbortSignal,
): Promise<Conversation | undefined> {
  let members: Agent[];
  // Fixed members who are still here, each once (a member listed twice would talk to itself).
  if (room.members.length) {
    members = [...new Set(room.members)].map((id) => world.agents.get(id)).filter((a): a is Agent => !!a);
    // A room tied to a place: only the members there this round take part.
    if (room.place !== undefined) members = members.filter((a) => world.places?.placeOf(a.id) === room.place);
  } else {
    const rng = stream(world.seed, 'room', room.name, world.round);
    const ids = new Set<string>();
    for (let tries = 0; ids.size < Math.min(room.size, index.ids.length) && tries < room.size * 20; tries++) {
      ids.add(index.ids[rng.int(index.ids.length)]);
    }
    members = [...ids].map((id) => world.agents.get(id)!);
  }
  if (members.length < 2) return undefined;
  const id = `${world.round}:room:${room.name}`;
  tape.say({
    type: 'room',
    round: world.round,
    id,
    room: room.name,
    ...(room.topic ? { topic: room.topic } : {}),
    members: members.map((m) => m.id),
  });
  const context = new SmallMap<RetrievedMemory[]>();
  for (const m of members) {
    const r = recall(
      world,
      m,
      [...m.persona.interests, room.topic ?? '', ...members.filter((o) => o !== m).map((o) => o.persona.name)],
      { tape, phase: 'act', signal },
    );
    context.set(m.id, r instanceof Promise ? await r : r);
  }
  const conv: Conversation = {
    id,
    members,
    initiator: members[0].id,
    transcript: [],
    room: { name: room.name, ...(room.topic ? { topic: room.topic } : {}) },
    context,
  };
  await talk(world, conv, tape, signal);
  conv.transcript = trimmed(conv.transcript);
  rememberConversation(world, conv, tape);
  return conv;
}
