// Variables show only what applies to the world (issue 59): a public goods game (actions alone)
// has no `ties` or `metrics` rows for the world and no ties or rewards for an agent; the
// friend-making example keeps all of them.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { agentState, worldState } from '../../../src/core/debug/inspect';
import { DecisionLog } from '../../../src/core/debug/decisionLog';
import { Simulation } from '../../../src/core/engine/kernel/simulation';
import { loadScenarioFile } from '../../../src/core/format/project/load';

const repo = path.resolve(__dirname, '../../..');

async function stopAfterOneRound(name: string): Promise<Simulation> {
  const { scenario } = await loadScenarioFile(path.join(repo, `examples/${name}/${name}.society`), { root: repo });
  const sim = Simulation.create(scenario!, { rounds: 1 });
  await sim.run();
  return sim;
}

describe('debug variables: only what applies to the world', function () {
  it('a public goods game: no ties, network metrics or rewards', async () => {
    const sim = await stopAfterOneRound('public-goods');
    const world = worldState(sim);
    assert.ok(!('ties' in world) && !('metrics' in world), Object.keys(world).join(', '));
    assert.ok('state' in world);
    const agent = agentState(sim, [...sim.world.agents.keys()][0], new DecisionLog());
    assert.ok(!('ties' in agent) && !('rewards' in agent), Object.keys(agent).join(', '));
  });

  it('the friend-making example: ties, network metrics and rewards', async () => {
    const sim = await stopAfterOneRound('friends');
    const world = worldState(sim);
    assert.ok('ties' in world && 'metrics' in world);
    const agent = agentState(sim, [...sim.world.agents.keys()][0], new DecisionLog());
    assert.ok('ties' in agent && 'rewards' in agent);
  });
});
