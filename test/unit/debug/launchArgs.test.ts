// Launch configurations are typed by hand: wrong values are refused in a sentence before
// anything runs, and the scenario's problems are given as file:line:col.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { launchArgsProblem } from '../../../src/debug/launchArgs';
import { createRun, type LaunchArgs } from '../../../src/debug/debugRun';
import { scratchDir } from '../../support/scratch';

const friends = path.resolve(__dirname, '../../../examples/friends/friends.society');

describe('debug launch arguments', () => {
  it('refuses a missing scenario, bad rounds, seed, model or trace with a sentence', async () => {
    assert.match(launchArgsProblem({})!, /needs "scenario": the path of the \.society file/);
    for (const rounds of [-1, 0, 'abc', 2.5, NaN]) {
      assert.match(
        launchArgsProblem({ scenario: friends, rounds })!,
        /^"rounds" must be a whole number of rounds, 1 or more/,
        String(rounds),
      );
    }
    assert.match(launchArgsProblem({ scenario: friends, seed: 'x' })!, /^"seed" must be a whole number \(got "x"\)\.$/);
    assert.match(launchArgsProblem({ scenario: friends, model: 3 })!, /^"model" must be the name/);
    assert.equal(
      launchArgsProblem({ scenario: friends, rounds: 2, seed: -5, model: 'default', trace: 'a.jsonl' }),
      undefined,
    );
    await assert.rejects(createRun({ scenario: friends, rounds: -1 }), /^Error: "rounds" must be/);
    await assert.rejects(createRun({} as LaunchArgs), /^Error: The launch configuration needs "scenario"/);
  });

  it("gives the scenario's errors as file:line:col and its warnings for the Debug Console", async () => {
    const dir = scratchDir('society-launch-');
    const bad = path.join(dir, 'bad.society');
    fs.writeFileSync(bad, 'kind: scenario\nname: Bad\nworld:\n  rounds: [\n');
    await assert.rejects(createRun({ scenario: bad }), (err: Error) => {
      const [head, first] = err.message.split('\n');
      assert.match(head, /^.*bad\.society cannot be debugged: it has \d+ errors?\.$/);
      assert.match(first, /bad\.society:\d+:\d+: error SOC\d+ /);
      return true;
    });
    const empty = path.join(dir, 'empty.society');
    fs.writeFileSync(empty, 'kind: scenario\nname: Empty\npersonas: []\nworld:\n  setting: A room.\n  rounds: 1\n');
    const run = await createRun({ scenario: empty });
    assert.ok(
      run.warnings.some((w) => /empty\.society:3:1: warning SOC053 This scenario has no personas/.test(w)),
      run.warnings.join('\n'),
    );
    await run.close();
  });
});
