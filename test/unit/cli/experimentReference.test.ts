// `society experiment --reference NAME` with a name no condition has: refused before any run (it
// ran every run of the experiment and failed only in the analysis), and nothing left behind.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { unknownReference } from '../../../src/core/experiment/runExperiment';
import { scratchDir } from '../../support/scratch';

const repo = path.resolve(__dirname, '../../..');
const society = (args: string[]) => spawnSync(process.execPath, [path.join(repo, 'bin/society.js'), ...args], { cwd: repo, encoding: 'utf8', timeout: 60_000 });

describe('society experiment --reference', () => {
  it('names the conditions when the reference is none of them', () => {
    const conditions = [{ name: 'uncoached' }, { name: 'coached' }];
    assert.equal(unknownReference(conditions, 'coached'), undefined);
    assert.equal(unknownReference(conditions, undefined), undefined);
    assert.equal(unknownReference(conditions, 'nope'), "unknown reference condition 'nope' (conditions: uncoached, coached)");
  });

  it('refuses an unknown reference before any run, exit 2, with no output folder made', function () {
    this.timeout(60_000);
    const out = path.join(scratchDir('society-reference-'), 'exp');
    const r = society(['experiment', 'examples/friends/friends.society', '--reference', 'nope', '--out', out]);
    assert.equal(r.status, 2, r.stderr);
    assert.equal(r.stderr, "society experiment: unknown reference condition 'nope' (conditions: uncoached, coached)\n");
    // No folder: no run started (runs write their traces under OUT/traces).
    assert.ok(!fs.existsSync(out), 'no folder');
  });
});
