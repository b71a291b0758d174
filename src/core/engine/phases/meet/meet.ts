// The built-in phase `meet`: the rooms' conversations and every agent's perceive → act, each
// against the state at the phase's start (conversation memories and reward counts are committed
// at its end).
import type { RoomSpec } from './rooms';
import { holdRoom } from './rooms';
import type { PhaseKind, PhaseStep } from '../kind';
import { own, peek } from '../slot';
import type { Turn } from '../turn';
import { EncounterIndex } from '../../society/encounters';
import { rememberTalk, type ConversationChange } from './conversation';
import type { Conversation } from './talk';
import { decide, perceive, retrieveMemories } from './partners';
import { holdTalks } from './talks';
import { indexOf, MEET_ROUND, MEET_TURN } from './meetState';
import type { PhaseContext } from '../context';
import type { PlaceBook } from '../../society/places';
import type { Agent } from '../../society/agent';

const STEPS: readonly PhaseStep[] = [
  { name: 'perceive', run: perceive },
  { name: 'retrieve', run: retrieveMemories },
  { name: 'decide', run: decide },
  { name: 'act', run: holdTalks },
];

type Unit = { room: RoomSpec; k: number } | { turn: Turn; i: number };

export const MEET: PhaseKind = {
  kind: 'meet',
  steps: STEPS,
  events: ['encounter', 'room', 'message', 'memory', 'error'],
  changes: { conversation: (world, c: ConversationChange) => rememberTalk(world, c) },
  beginRound(world, r) {
    const round = own(r, MEET_ROUND);
    round.index = new EncounterIndex(world.agents, world.ties, world.settings.ties.threshold, world);
  },
  async run(world, r) {
    const round = own(r, MEET_ROUND);
    // Where people are now: an earlier phase of the round may have moved them.
    if (world.places) round.byPlace = placeIndexes(world, world.places);
    for (const t of r.turns) own(t, MEET_TURN).index = indexOf(world, round, t.agent.id);
    const rooms: RoomSpec[] = world.settings.world.rooms;
    const roomTalks: (Conversation | undefined)[] = [];
    if (rooms.length) await r.point({ kind: 'rooms', round: r.round });
    const units: Unit[] = [...rooms.map((room, k) => ({ room, k })), ...r.turns.map((turn, i) => ({ turn, i }))];
    await r.stage(units, (u, tape) => {
      if ('room' in u) {
        if (!round.index) throw new Error(`round ${r.round}: rooms met after the round's last meet`);
        const index = u.room.place !== undefined ? round.byPlace?.get(u.room.place) : round.index;
        if (!index) return Promise.resolve();
        return holdRoom(world, u.room, index, tape, r.signal).then((conv) => {
          roomTalks[u.k] = conv;
        });
      }
      return r.steps(u.turn, tape, u.i, STEPS);
    });
    round.talks = roomTalks.filter((conv): conv is Conversation => !!conv);
  },
  // Candidates are drawn in `meet` only: the index (≈ 200 B an agent) need not outlive the last.
  doneForRound(r) {
    const round = peek(r, MEET_ROUND);
    if (round) {
      round.index = undefined;
      round.byPlace = undefined;
    }
    for (const t of r.turns) {
      const m = peek(t, MEET_TURN);
      if (m) m.index = undefined;
    }
  },
};

/** One encounter index per place, over the agents there this round (in the world's order). */
function placeIndexes(world: PhaseContext, places: PlaceBook): Map<string, EncounterIndex> {
  // One pass over the agents, each place's people in the world's order.
  const here = new Map<string, Map<string, Agent>>(places.set.places.map((p) => [p.id, new Map()]));
  for (const [id, a] of world.agents) {
    const place = places.placeOf(id);
    if (place !== undefined) here.get(place)?.set(id, a);
  }
  const out = new Map<string, EncounterIndex>();
  for (const [id, agents] of here) {
    out.set(id, new EncounterIndex(agents, world.ties, world.settings.ties.threshold, world));
  }
  return out;
}

/** The rooms' conversations of the round's `meet` (for `evaluate`), let go with `done`. */
export function roomTalks(r: { slots: unknown[] }): readonly Conversation[] {
  return peek(r, MEET_ROUND)?.talks ?? [];
}
