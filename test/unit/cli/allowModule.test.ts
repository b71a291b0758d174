// `society run` and a scenario's module (engine/phases/act/societyModule.ts): refused without --allow-module,
// before anything is written, with a sentence that says how to allow it; run with it.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { scratchDir } from '../../support/scratch';

const repo = path.resolve(__dirname, '../../..');
const bin = path.join(repo, 'bin/society.js');
const society = (args: string[], cwd: string) =>
  spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', timeout: 60_000 });

const SCENARIO = `kind: scenario
name: tally
personas:
  - { id: ana, name: Ana }
  - { id: bo, name: Bo }
world: { rounds: 2, conversation: { turns: 2 } }
coaching: { enabled: false }
state:
  world:
    rounds_seen: { initial: 0, max: 100, valued: false }
module: ./tally.mjs
`;

describe('society run with a scenario module', function () {
  it('refuses it without --allow-module (nothing written), runs its hooks with it', () => {
    const dir = scratchDir('society-cli-module-');
    fs.writeFileSync(path.join(dir, 'tally.society'), SCENARIO);
    fs.writeFileSync(
      path.join(dir, 'tally.mjs'),
      "export function endRound(w) { w.setWorld('rounds_seen', w.world('rounds_seen') + 1); }\n",
    );
    const refused = society(['run', 'tally.society', '--out', 'out', '-q'], dir);
    assert.equal(refused.status, 1);
    assert.match(refused.stderr, /tally names a module \(\.\/tally\.mjs\).*--allow-module/);
    assert.equal(fs.existsSync(path.join(dir, 'out')), false, 'no folder left behind');
    const ran = society(['run', 'tally.society', '--out', 'out', '-q', '--allow-module', '--json'], dir);
    assert.equal(ran.status, 0, ran.stderr);
    const states = fs
      .readFileSync(path.join(dir, 'out', 'trace.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l))
      .filter((e) => e.type === 'state')
      .map((e) => e.world.rounds_seen);
    assert.deepEqual(states, [0, 1, 2]);
  });
});
