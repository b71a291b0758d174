// Issue 70: `society run --out DIR` replaced a user's checkpoint.json and trace.index.json it had not
// written and listed them as its own. A run's own files are judged as every other output is: ours
// only when the folder's list names them (or, before the list, beside a trace of ours).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { scratchDir } from '../../support/scratch';
import { MANIFEST_FILE } from '../../../src/cli/manifest';
import { ourFiles } from '../../../src/cli/outFolder';

const repo = path.resolve(__dirname, '../../..');
const bin = path.join(repo, 'bin/society.js');
const society = (args: string[]) =>
  spawnSync(process.execPath, [bin, ...args], { cwd: repo, encoding: 'utf8', timeout: 60_000 });
const FRIENDS = 'examples/friends/friends.society';
const USERS = ['checkpoint.json', 'trace.index.json'];

describe("society run keeps a user's checkpoint.json and trace.index.json (issue 70)", function () {
  it('refuses without --overwrite, naming them, and writes nothing', () => {
    const out = scratchDir('society-own-run-');
    for (const f of USERS) fs.writeFileSync(path.join(out, f), `{"mine": "${f}"}`);
    const r = society(['run', FRIENDS, '--rounds', '1', '--out', out, '--quiet']);
    assert.equal(r.status, 1, r.stderr);
    assert.match(r.stderr, /already holds trace\.index\.json and checkpoint\.json, which Society Studio did not write/);
    for (const f of USERS) assert.equal(fs.readFileSync(path.join(out, f), 'utf8'), `{"mine": "${f}"}`, f);
    assert.ok(!fs.existsSync(path.join(out, 'trace.jsonl')));
    assert.ok(!fs.existsSync(path.join(out, MANIFEST_FILE)));
  });

  it('a folder without a list: a checkpoint is ours only beside a trace', () => {
    const out = scratchDir('society-own-run-');
    fs.writeFileSync(path.join(out, 'checkpoint.json'), '{}');
    assert.equal(ourFiles(out)('checkpoint.json'), false);
    assert.equal(ourFiles(out)('trace.index.json'), false);
  });

  it('its own earlier run is still replaced with --overwrite', () => {
    const out = scratchDir('society-own-run-');
    assert.equal(society(['run', FRIENDS, '--rounds', '1', '--out', out, '--quiet']).status, 0);
    const r = society(['run', FRIENDS, '--rounds', '1', '--seed', '4', '--out', out, '--overwrite', '--quiet']);
    assert.equal(r.status, 0, r.stderr);
    const listed = JSON.parse(fs.readFileSync(path.join(out, MANIFEST_FILE), 'utf8')).files as string[];
    assert.ok(['checkpoint.json', 'trace.index.json', 'trace.jsonl'].every((f) => listed.includes(f)));
  });
});
