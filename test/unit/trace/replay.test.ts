import * as assert from 'node:assert/strict';
import { makeScenario, makePersona } from '../engine/scenarioFixture';
import { Simulation } from '../../../src/core/engine/kernel/simulation';
import { Replayer, replay } from '../../../src/core/replay/replay';
import type { TraceEvent } from '../../../src/core/trace/events';
import type { Checkpoint } from '../../../src/core/engine/persist/checkpoint';

describe('trace replay', () => {
  const sc = makeScenario(12, {
    coaching: { enabled: true, every: 1 },
    world: { ...makeScenario(1).world, rounds: 8 },
    events: [
      { at: 3, add: [makePersona(50)] },
      { at: 5, remove: ['p2'] },
      { at: 6, set: { ties: { threshold: 0.5 } } },
    ],
  });
  const events: TraceEvent[] = [];
  const snapshots: Checkpoint[] = [];
  let header: Simulation['header'];
  before(async () => {
    const sim = Simulation.create(sc);
    header = sim.header;
    sim.on((e) => events.push(e));
    sim.afterRound = (_r, final) => {
      if (!final) snapshots.push(JSON.parse(JSON.stringify(sim.snapshot())));
    };
    await sim.run();
  });

  it('folds the trace into the engine state at every round (ties, memories, settings, agents)', () => {
    for (const cp of snapshots) {
      const s = replay(header, events, cp.completed);
      assert.deepEqual(s.ties.toJSON(), cp.ties, `ties at round ${cp.completed}`);
      assert.deepEqual(s.settings, cp.settings, `settings at round ${cp.completed}`);
      const active = [...s.agents.values()].filter((a) => a.active);
      assert.deepEqual(
        active.map((a) => a.id),
        cp.agents.map((a) => a.persona.id),
      );
      for (const a of cp.agents) {
        assert.deepEqual(
          JSON.parse(JSON.stringify(s.agents.get(a.persona.id)!.memories)),
          a.memories,
          `memories of ${a.persona.id} at round ${cp.completed}`,
        );
      }
    }
  });

  it('seeks forwards and backwards to the same states as a fresh replay', () => {
    const r = new Replayer(header, events, 2);
    for (const round of [8, 2, 5, 5, 0, 7, 3]) {
      const got = r.stateAt(round),
        want = replay(header, events, round);
      assert.deepEqual(got.ties.toJSON(), want.ties.toJSON(), `round ${round}`);
      assert.deepEqual([...got.agents.keys()], [...want.agents.keys()]);
      assert.equal(got.stats.length, want.stats.length);
    }
  });

  it('records rewards per agent and round', () => {
    const s = replay(header, events);
    const a = s.agents.get('p0')!;
    assert.equal(a.rewardByRound.filter((x) => x !== undefined).length, 8);
    assert.ok(a.lastReward && a.lastReward.round === 8);
    assert.equal(s.complete, true);
  });
});
