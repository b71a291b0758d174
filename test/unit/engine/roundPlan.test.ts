// Declared rounds (`round:`, engine/society/roundPlan.ts). The friend-making loop written in these terms is
// byte for byte the engine's own: examples/friends declares `round: [meet, evaluate, learn]`, and
// its trace equals the trace of the same scenario without the declaration, event for event (the
// header differs only in the scenario's hash, which covers every field of the scenario). The same
// holds for a scenario with actions whose default world phase is written out, and for the
// rooms/events/coaching fixture. Then what a declared round can do that the default cannot:
// leave stages out, run a phase only in some rounds, give a phase to one group, and act in turn.
import * as assert from 'node:assert/strict';
import type { Scenario } from '../../../src/core/format/model/model';
import type { RoundPhase } from '../../../src/core/format/model/mechanics';
import { defaultRound } from '../../../src/core/engine/society/roundPlan';
import { makeScenario, makePersona, roomsScenario } from './scenarioFixture';
import { example, traceOf } from './traceHelpers';

type Line = Record<string, unknown> & { type: string; round?: number };
const lines = (trace: string): Line[] =>
  trace
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Line);

/** Both traces, the header's scenario hash aside, are the same bytes. */
function assertSameRun(a: string, b: string): void {
  const [ha, ...ea] = a.trim().split('\n');
  const [hb, ...eb] = b.trim().split('\n');
  assert.equal(ea.length, eb.length, 'event count');
  assert.ok(ea.length > 100, 'a real run');
  for (let i = 0; i < ea.length; i++) if (ea[i] !== eb[i]) assert.equal(ea[i], eb[i], `event line ${i + 2}`);
  const strip = (h: string): unknown => {
    const x = JSON.parse(h) as { scenario: { hash?: string } };
    delete x.scenario.hash;
    return x;
  };
  assert.deepEqual(strip(ha), strip(hb));
}

const withRound = (s: Scenario, round: RoundPhase[] | undefined): Scenario => {
  const copy = { ...s };
  if (round) copy.round = round;
  else delete copy.round;
  return copy;
};

describe('declared rounds', function () {
  it('examples/friends declares the friend-making loop as its round, and runs byte for byte as without it', async () => {
    const friends = await example('friends/friends.society');
    assert.deepEqual(
      friends.round?.map((p) => p.name),
      ['meet', 'evaluate', 'learn'],
    );
    assertSameRun(await traceOf(friends), await traceOf(withRound(friends, undefined)));
  });

  it('the commons with its default round written out (meet, evaluate, learn, world) runs byte for byte the same', async () => {
    const commons = await example('commons/commons.society');
    assert.equal(commons.round, undefined);
    const written = withRound(commons, defaultRound(commons.mechanics));
    assert.deepEqual(
      written.round!.map((p) => p.name),
      ['meet', 'evaluate', 'learn', 'world'],
    );
    assertSameRun(await traceOf(commons, { rounds: 12 }), await traceOf(written, { rounds: 12 }));
  });

  it('rooms, timed events and coaching run the same with the default round written out', async () => {
    const s = roomsScenario(24, 6, {
      events: [
        { at: 2, broadcast: 'A storm cancels all classes today.' },
        { at: 3, add: [makePersona(40)] },
      ],
    });
    assertSameRun(await traceOf(s), await traceOf(withRound(s, defaultRound(undefined))));
  });

  it('a round without meet has no conversations; learn still rewards and reflects', async () => {
    const s = withRound(makeScenario(12, { world: { ...makeScenario(12).world, rounds: 3 } }), [
      { kind: 'builtin', name: 'learn' },
    ]);
    const events = lines(await traceOf(s));
    assert.equal(events.filter((e) => e.type === 'message' || e.type === 'encounter').length, 0);
    assert.ok(events.some((e) => e.type === 'reward'));
  });

  it("a phase's when decides the rounds it runs in", async () => {
    const base = makeScenario(12);
    const s = withRound(makeScenario(12, { world: { ...base.world, rounds: 6 } }), [
      { kind: 'builtin', name: 'meet', when: 'round % 3 == 0' },
      { kind: 'builtin', name: 'evaluate' },
      { kind: 'builtin', name: 'learn' },
    ]);
    const talkedIn = new Set(
      lines(await traceOf(s))
        .filter((e) => e.type === 'encounter')
        .map((e) => e.round),
    );
    assert.deepEqual([...talkedIn].sort(), [3, 6]);
  });
});

describe('action phases', function () {
  /** The commons with its harvest and its sanctions split into two phases, the second for one group. */
  async function twoPhases(order: 'simultaneous' | 'sequential'): Promise<Scenario> {
    const commons = await example('commons/commons.society');
    const names = commons.mechanics!.actions.map((a) => a.name);
    const [first, ...rest] = names;
    return withRound(commons, [
      { kind: 'act', name: 'work', actions: [first], order },
      { kind: 'act', name: 'police', actions: rest, order: 'simultaneous', who: [commons.population[0].group] },
    ]);
  }

  it('each action event names its phase; a phase offers only its own actions, to its own group', async () => {
    const s = await twoPhases('simultaneous');
    const events = lines(await traceOf(s, { rounds: 4 }));
    const actions = events.filter((e) => e.type === 'action');
    assert.ok(actions.length > 0);
    const phaseOf = new Map(s.round!.map((p) => [p.name, p]));
    for (const e of actions) {
      const p = phaseOf.get(e.phase as string);
      assert.ok(p && p.kind === 'act', `phase of ${JSON.stringify(e)}`);
      assert.ok(p.actions.includes(e.action as string));
    }
    const group = new Map(s.personas.map((p) => [p.id, p.group]));
    for (const e of actions.filter((x) => x.phase === 'police')) {
      const id = e.agent as string;
      if (group.has(id)) assert.equal(group.get(id), s.population[0].group);
    }
    assert.equal(events.filter((e) => e.type === 'message').length, 0, 'no meet phase: nobody talks');
  });

  it('sequential: each agent acts before the next chooses, so the next sees the state it left', async () => {
    const events = lines(await traceOf(await twoPhases('sequential'), { rounds: 3 }));
    const work = events.filter((e) => e.type === 'action' && e.phase === 'work');
    // In turn, each action's "before" is the previous one's "after" for any world quantity both change.
    let checked = 0;
    for (let i = 1; i < work.length; i++) {
      if (work[i].round !== work[i - 1].round) continue;
      const prev = work[i - 1].changes as Record<string, [number, number]>;
      const cur = work[i].changes as Record<string, [number, number]>;
      for (const k of Object.keys(cur)) {
        if (k.startsWith('world.') && prev[k]) {
          assert.equal(cur[k][0], prev[k][1], `${k} at action ${i}`);
          checked++;
        }
      }
    }
    assert.ok(checked > 5, `checked ${checked} hand-offs`);
  });
});
