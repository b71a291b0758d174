// createRun with a model provider that changes the scenario (the editor applies its settings
// there): the provider gets the loaded scenario, and the Simulation runs the one it returns.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createRun } from '../../../src/debug/debugRun';
import { offlineOnlyFactory } from '../../../src/core/engine/kernel/world';
import type { Scenario } from '../../../src/core/format/model/model';

const scenarioFile = path.resolve(__dirname, '../../../examples/friends/friends.society');

describe('debug run: the scenario the model provider returns', () => {
  it('is the one simulated, debugged and recorded in the header', async () => {
    let given: Scenario | undefined;
    let returned: Scenario | undefined;
    const run = await createRun({ scenario: scenarioFile }, (loaded) => {
      given = loaded;
      returned = {
        ...loaded,
        world: { ...loaded.world, rounds: 2 },
        models: { ...loaded.models, default: { ...loaded.models.default, concurrency: 3 } },
      };
      return { scenario: returned, modelFactory: offlineOnlyFactory };
    });
    assert.ok(
      given && given.world.rounds !== 2 && given.models.default.concurrency !== 3,
      'the provider is given the scenario as written',
    );
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

  it('lets includes reach the workspace folder it is given (`root`), as Run Simulation does', async () => {
    const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'debug-root-'));
    try {
      fs.cpSync(path.dirname(scenarioFile), path.join(workspace, 'friends'), { recursive: true });
      const file = path.join(workspace, 'scratch', 'uplevel.society');
      fs.mkdirSync(path.dirname(file));
      fs.writeFileSync(
        file,
        'kind: scenario\nname: Up a level\npersonas:\n  - include: ../friends/personas/*.society\nworld: { rounds: 1 }\n',
      );
      const cwd = process.cwd(),
        elsewhere = fs.mkdtempSync(path.join(os.tmpdir(), 'debug-cwd-'));
      process.chdir(elsewhere); // as in VS Code: the adapter's working directory is not the workspace
      try {
        await assert.rejects(
          createRun({ scenario: file }),
          /SOC032/,
          "without a root the scenario's folder is the limit",
        );
        const run = await createRun({ scenario: file, root: workspace });
        assert.equal(run.scenario.personas.length, 16);
        await run.close();
      } finally {
        process.chdir(cwd);
        fs.rmSync(elsewhere, { recursive: true, force: true });
      }
    } finally {
      fs.rmSync(workspace, { recursive: true, force: true });
    }
  });
});
