// A room is a room whatever its size: a room of two members (fixed, drawn with size 2, or a fixed
// room that lost members to `remove`) follows the room rule — max(n, ceil(turns·n/2)) messages,
// none addressed (`to` is absent in a room), both members speak and rate each other.
import * as assert from 'node:assert/strict';
import type { Scenario } from '../../../src/core/format/model/model';
import type { TraceEvent } from '../../../src/core/trace/events';
import { Simulation } from '../../../src/core/engine/kernel/simulation';
import { messageCount } from '../../../src/core/format/schema/settings';
import { makeScenario } from './scenarioFixture';

async function eventsOf(s: Scenario): Promise<TraceEvent[]> {
  const sim = Simulation.create(s);
  const events: TraceEvent[] = [];
  sim.on((e) => {
    events.push(e);
  });
  await sim.run();
  return events;
}

function roomScenario(rooms: Scenario['world']['rooms'], over: Partial<Scenario> = {}, turns = 1): Scenario {
  const base = makeScenario(5);
  return makeScenario(5, {
    world: {
      ...base.world,
      rounds: 3,
      encounters: { mode: 'random', per_round: 0, exploration: 0 },
      conversation: { turns },
      rooms,
    },
    ...over,
  });
}

/** Per room conversation: its members, messages and evaluations. */
function roomTalks(
  events: TraceEvent[],
): { id: string; members: string[]; messages: Extract<TraceEvent, { type: 'message' }>[]; ratings: string[] }[] {
  return events
    .filter((e): e is Extract<TraceEvent, { type: 'room' }> => e.type === 'room')
    .map((r) => ({
      id: r.id,
      members: r.members,
      messages: events.filter(
        (e): e is Extract<TraceEvent, { type: 'message' }> => e.type === 'message' && e.encounter === r.id,
      ),
      ratings: events
        .filter(
          (e): e is Extract<TraceEvent, { type: 'evaluation' }> => e.type === 'evaluation' && e.encounter === r.id,
        )
        .map((e) => `${e.from}>${e.to}`)
        .sort(),
    }));
}

function assertRoomOfTwo(talk: ReturnType<typeof roomTalks>[number], turns: number): void {
  assert.equal(talk.members.length, 2, talk.id);
  assert.equal(talk.messages.length, Math.max(2, Math.ceil((turns * 2) / 2)), `${talk.id}: room formula`);
  assert.ok(
    talk.messages.every((m) => m.to === undefined),
    `${talk.id}: no \`to\` in a room`,
  );
  assert.deepEqual(
    [...new Set(talk.messages.map((m) => m.from))].sort(),
    [...talk.members].sort(),
    `${talk.id}: both speak`,
  );
  const [a, b] = talk.members;
  assert.deepEqual(talk.ratings, [`${a}>${b}`, `${b}>${a}`].sort(), `${talk.id}: both rate each other`);
}

describe('rooms of two members', () => {
  it('counts messages by the room rule (a pair keeps `turns`)', () => {
    assert.equal(messageCount(1, 2, true), 2);
    assert.equal(messageCount(4, 2, true), 4);
    assert.equal(messageCount(3, 4, true), 6);
    assert.equal(messageCount(1, 2, false), 1);
  });

  it('a fixed room of two: two messages with turns 1, no `to`, both speak and rate each other', async () => {
    const talks = roomTalks(await eventsOf(roomScenario([{ name: 'duo', members: ['p0', 'p1'], size: 4 }])));
    assert.equal(talks.length, 3);
    for (const t of talks) assertRoomOfTwo(t, 1);
  });

  it('a drawn room of size 2', async () => {
    const talks = roomTalks(await eventsOf(roomScenario([{ name: 'drawn', members: [], size: 2 }])));
    assert.equal(talks.length, 3);
    for (const t of talks) assertRoomOfTwo(t, 1);
  });

  it('a fixed room of three after `remove` takes one member', async () => {
    const events = await eventsOf(
      roomScenario(
        [{ name: 'trio', members: ['p0', 'p1', 'p2'], size: 4 }],
        { events: [{ at: 2, remove: ['p2'] }] },
        3,
      ),
    );
    const talks = roomTalks(events);
    assert.equal(talks[0].members.length, 3);
    assert.equal(talks[0].messages.length, Math.max(3, Math.ceil((3 * 3) / 2)));
    for (const t of talks.slice(1)) assertRoomOfTwo(t, 3);
  });

  it('a member listed twice sits in the room once', async () => {
    const talks = roomTalks(await eventsOf(roomScenario([{ name: 'dup', members: ['p0', 'p0', 'p1'], size: 4 }])));
    for (const t of talks) assertRoomOfTwo(t, 1);
  });

  it('pair conversations are unchanged: `turns` messages, each addressed', async () => {
    const base = makeScenario(4);
    const events = await eventsOf(makeScenario(4, { world: { ...base.world, rounds: 2, conversation: { turns: 3 } } }));
    const encounters = events.filter((e): e is Extract<TraceEvent, { type: 'encounter' }> => e.type === 'encounter');
    assert.ok(encounters.length > 0);
    for (const enc of encounters) {
      const msgs = events.filter(
        (e): e is Extract<TraceEvent, { type: 'message' }> => e.type === 'message' && e.encounter === enc.id,
      );
      assert.equal(msgs.length, 3);
      for (const m of msgs) assert.equal(m.to, m.from === enc.from ? enc.to : enc.from);
    }
  });
});
