// A comparison carries the scenario's declared state: its final outcomes (`world.pot.final`,
// `agents.wealth.gini`) and its series (`world.pot`, `agents.wealth.mean`) side by side with B − A,
// read from trace files with the scenario still beside them as `society compare` reads them.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { compareSide } from '../../../src/core/experiment/paired/compareInputs';
import { compareSides } from '../../../src/core/experiment/paired/compareSides';
import { RunHarness } from '../../../src/core/run/runHarness';
import { loadScenarioFile } from '../../../src/core/format/project/load';
import { scratchDir } from '../../support/scratch';
import { GOODS_FRIENDS } from '../analysis/goodsFriends';

describe('compare: the declared state of the scenario the traces name', function () {
  it('puts the state outcomes and series of two runs side by side', async () => {
    const dir = scratchDir('society-compare-state-');
    const file = path.join(dir, 'goods.society');
    fs.writeFileSync(file, GOODS_FRIENDS);
    const { scenario } = await loadScenarioFile(file, { root: dir });
    for (const seed of [3, 4]) {
      const out = path.join(dir, `seed-${seed}`);
      fs.mkdirSync(out);
      const harness = RunHarness.open(scenario!, {
        simulation: { seed, file: path.relative(out, file) },
        trace: { path: path.join(out, 'trace.jsonl') },
      });
      await harness.run();
    }
    const { json } = await compareSides(compareSide(path.join(dir, 'seed-3')), compareSide(path.join(dir, 'seed-4')), {
      labels: ['seed-3', 'seed-4'],
    });
    const c = JSON.parse(json);
    for (const name of ['world.pot.final', 'world.pot.survival', 'agents.wealth.mean', 'agents.wealth.gini']) {
      assert.ok(name in c.outcomes, `${name}: ${Object.keys(c.outcomes).join(', ')}`);
      const p = c.outcomes[name];
      assert.equal(p.difference, p.a === null || p.b === null ? null : p.b - p.a);
    }
    for (const name of ['world.pot', 'agents.wealth.mean', 'agents.wealth.gini', 'density']) {
      assert.ok(name in c.series.metrics, name);
    }
    // Its round has no `learn` phase: no reward, so no reward series or outcome (issue 59).
    assert.ok(!('mean_reward' in c.series.metrics) && !('mean_reward' in c.outcomes));
    assert.equal(c.series.metrics['world.pot'].a.at(-1), c.outcomes['world.pot.final'].a);
    // An edited branch (another hash) reads its state as its parent's scenario declares it.
    const branch = path.join(dir, 'branch');
    fs.mkdirSync(branch);
    const [head, ...rest] = fs.readFileSync(path.join(dir, 'seed-4', 'trace.jsonl'), 'utf8').split('\n');
    const h = JSON.parse(head);
    h.scenario.hash = 'sha256:edited';
    fs.writeFileSync(path.join(branch, 'trace.jsonl'), [JSON.stringify(h), ...rest].join('\n'));
    fs.writeFileSync(
      path.join(branch, 'branch.json'),
      JSON.stringify({ parent: { folder: '../seed-3', round: 2 }, edits: [] }),
    );
    const edited = JSON.parse(
      (await compareSides(compareSide(path.join(dir, 'seed-3')), compareSide(branch), { labels: ['p', 'b'] })).json,
    );
    assert.deepEqual(edited.outcomes['world.pot.final'], c.outcomes['world.pot.final']);
    assert.equal(edited.branch.relation, 'B is a branch of A at round 2 (0 edits)');
    // Without the scenario (an untrusted workspace): the network's and rewards' only.
    const bare = JSON.parse(
      (
        await compareSides(compareSide(path.join(dir, 'seed-3')), compareSide(path.join(dir, 'seed-4')), {
          labels: ['a', 'b'],
          scenarios: false,
        })
      ).json,
    );
    assert.ok(!('world.pot.final' in bare.outcomes) && 'density' in bare.outcomes);
  });
});
