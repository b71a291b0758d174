import * as assert from 'node:assert/strict';
import { makeScenario, makePersona } from './scenarioFixture';
import { traceOf } from './traceHelpers';
import { Simulation } from '../../../src/core/engine/kernel/simulation';
import { turnOrder } from '../../../src/core/engine/kernel/roundRun';

describe('engine determinism', () => {
  it('same scenario and seed give a byte-identical trace', async () => {
    const sc = makeScenario(12, {
      coaching: { enabled: true, every: 1 },
      world: { ...makeScenario(1).world, rounds: 8 },
    });
    const a = await traceOf(sc);
    const b = await traceOf(structuredClone(sc));
    assert.ok(a.length > 10_000);
    assert.equal(a, b);
  });

  it('a different seed gives a different trace', async () => {
    const sc = makeScenario(8, { world: { ...makeScenario(1).world, rounds: 3 } });
    assert.notEqual(await traceOf(sc, { seed: 1 }), await traceOf(sc, { seed: 2 }));
  });

  it('rooms, broadcasts, added and removed agents and parameter changes are deterministic too', async () => {
    const base = makeScenario(10);
    const sc = makeScenario(10, {
      world: { ...base.world, rounds: 6, rooms: [{ name: 'lounge', topic: 'music', members: [], size: 4 }] },
      events: [
        { at: 2, broadcast: 'A storm cancels all classes today.' },
        { at: 3, add: [makePersona(40)] },
        { at: 4, remove: ['p1'] },
        { at: 5, set: { 'ties.decay': 0.1, world: { encounters: { mode: 'network' } } } },
      ],
    });
    const a = await traceOf(sc);
    assert.equal(a, await traceOf(sc));
    for (const needle of [
      '"type":"room"',
      '"action":"broadcast"',
      '"agent_added","round":3',
      '"agent_removed","round":4',
      '"action":"set"',
    ]) {
      assert.ok(a.includes(needle), `trace should contain ${needle}`);
    }
  });

  it("adding an agent does not reshuffle the others' turn order", () => {
    const small = Simulation.create(makeScenario(10));
    const big = Simulation.create({ ...makeScenario(10), personas: [...makeScenario(10).personas, makePersona(99)] });
    for (const s of [small, big]) {
      for (const p of s.world.scenario.personas) s.world.agents.set(p.id, { id: p.id } as never);
    }
    const order = (s: Simulation): string[] =>
      turnOrder(s.world, 3)
        .map((a) => a.id)
        .filter((id) => id !== 'p99');
    assert.deepEqual(order(big), order(small));
  });
});
