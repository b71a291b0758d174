// createRun with a model provider that changes the scenario (the editor applies its settings
// there): the provider gets the loaded scenario, and the Simulation runs the one it returns.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { createRun } from '../../../src/debug/debugRun';
import { offlineOnlyFactory } from '../../../src/core/engine/world';
import type { Scenario } from '../../../src/core/format/model';

const scenarioFile = path.resolve(__dirname, '../../../examples/friends/friends.society');

describe('debug run: the scenario the model provider returns', () => {
  it('is the one simulated, debugged and recorded in the header', async () => {
    let given: Scenario | undefined;
    let returned: Scenario | undefined;
    const run = await createRun({ scenario: scenarioFile }, (loaded) => {
      given = loaded;
      returned = { ...loaded, world: { ...loaded.world, rounds: 2 }, models: { ...loaded.models, default: { ...loaded.models.default, concurrency: 3 } } };
      return { scenario: returned, modelFactory: offlineOnlyFactory };
    });
    assert.ok(given && given.world.rounds !== 2 && given.models.default.concurrency !== 3, 'the provider is given the scenario as written');
    assert.equal(run.scenario, returned);
    assert.equal(run.sim.header.rounds, 2);
    assert.equal(run.sim.header.models.default.concurrency, 3);
    await run.close();
  });

  it('runs the loaded scenario when the provider returns only models', async () => {
    const run = await createRun({ scenario: scenarioFile, rounds: 1 }, () => offlineOnlyFactory);
    assert.equal(run.scenario.name, run.sim.header.scenario.name);
    assert.equal(run.sim.header.rounds, 1);
    await run.close();
  });
});
