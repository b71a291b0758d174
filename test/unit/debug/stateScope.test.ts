import * as assert from 'node:assert/strict';
import { Simulation } from '../../../src/core/engine/kernel/simulation';
import { addAgent, removeAgent } from '../../../src/core/engine/kernel/membership';
import { resolveAgent } from '../../../src/core/debug/stateScope';
import { makePersona, makeScenario } from '../engine/scenarioFixture';

describe('naming agents in conditions and the Debug Console', () => {
  const ids = (sim: Simulation, name: string) => resolveAgent(sim, name).id;

  it('takes an id, an id prefix up to an underscore, a full name or a first name, in any case', async () => {
    const personas = [
      { ...makePersona(0), id: 'maya_chen_2' },
      { ...makePersona(1), id: 'leo_park' },
      makePersona(2),
      { ...makePersona(12), id: 'maya_x' },
    ];
    const sim = Simulation.create(makeScenario(0, { personas }), { rounds: 0 });
    await sim.run();
    assert.equal(ids(sim, 'leo_park'), 'leo_park');
    assert.equal(ids(sim, 'LEO'), 'leo_park');
    assert.equal(ids(sim, 'maya_chen'), 'maya_chen_2');
    assert.equal(ids(sim, 'ana silva'), 'p2');
    assert.equal(ids(sim, 'Ana'), 'p2');
    // "maya" is maya_chen_2 (id prefix, first name) and maya_x (id prefix, first name "Maya" of Maya Chen 2).
    assert.throws(() => resolveAgent(sim, 'maya'), /'maya' is ambiguous: maya_chen_2, maya_x/);
    assert.throws(() => resolveAgent(sim, 'le'), /no agent 'le'/, 'a prefix ends at an underscore');
  });

  it('knows agents who join or leave after it was first asked', async () => {
    const sim = Simulation.create(makeScenario(3), { rounds: 0 });
    await sim.run();
    assert.equal(ids(sim, 'maya'), 'p0');
    addAgent(sim.world, { ...makePersona(4), id: 'ivy_n' }, 'event');
    assert.equal(ids(sim, 'ivy'), 'ivy_n');
    removeAgent(sim.world, 'p0');
    assert.throws(() => resolveAgent(sim, 'maya'), /no agent 'maya'/);
  });
});
