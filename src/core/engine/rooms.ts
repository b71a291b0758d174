// Group rooms: each round every room holds one group conversation (fixed members, or `size`
// members drawn at random); afterwards every member rates every other member who spoke.
import type { Agent } from './agent';
import { recall, rememberConversation, talk, type Conversation } from './conversation';
import type { EncounterIndex } from './encounters';
import { evaluatePartner } from './evaluation';
import { stream } from './rng';
import type { World } from './world';

export async function runRooms(world: World, index: EncounterIndex, signal?: AbortSignal): Promise<void> {
  for (const room of world.settings.world.rooms) {
    let members: Agent[];
    if (room.members.length) members = room.members.map((id) => world.agents.get(id)).filter((a): a is Agent => !!a);
    else {
      const rng = stream(world.seed, 'room', room.name, world.round);
      const ids = new Set<string>();
      for (let tries = 0; ids.size < Math.min(room.size, index.ids.length) && tries < room.size * 20; tries++) ids.add(index.ids[rng.int(index.ids.length)]);
      members = [...ids].map((id) => world.agents.get(id)!);
    }
    if (members.length < 2) continue;
    const id = `${world.round}:room:${room.name}`;
    world.roundStats.encounters++;
    world.emit({ type: 'room', round: world.round, id, room: room.name, ...(room.topic ? { topic: room.topic } : {}), members: members.map((m) => m.id) });
    const conv: Conversation = {
      id, members, initiator: members[0].id, transcript: [], room: { name: room.name, ...(room.topic ? { topic: room.topic } : {}) },
      context: new Map(members.map((m) => [m.id, recall(world, m, ...m.persona.interests, room.topic ?? '', ...members.filter((o) => o !== m).map((o) => o.persona.name))])),
    };
    await talk(world, conv, signal);
    rememberConversation(world, conv);
    const spoke = new Set(conv.transcript.map((l) => l.from));
    for (const rater of members) for (const ratee of members) {
      if (rater === ratee || !spoke.has(ratee.id)) continue;
      await evaluatePartner(world, rater, ratee, id, conv.transcript, conv.initiator, conv.context.get(rater.id)!, signal);
    }
    for (const a of members) for (const b of members) if (a !== b) a.met.set(b.id, (a.met.get(b.id) ?? 0) + 1);
  }
}
