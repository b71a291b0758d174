// Issue 33, defect 5: `--overwrite` deleted any report.html, metrics.json or ties.* in --out, even
// where no run had ever been. It removes only what our commands wrote there (.society-files.json).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { scratchDir } from '../../support/scratch';
import { MANIFEST_FILE } from '../../../src/cli/manifest';

const repo = path.resolve(__dirname, '../../..');
const bin = path.join(repo, 'bin/society.js');
const society = (args: string[]) =>
  spawnSync(process.execPath, [bin, ...args], { cwd: repo, encoding: 'utf8', timeout: 60_000 });
const FRIENDS = 'examples/friends/friends.society';
const REPORT_FILES = ['report.html', 'metrics.json', 'series.csv', 'ties.graphml', 'ties.gexf', 'ties.csv'];

describe('society run --overwrite removes only its own files (issue 33: 5)', function () {
  it("keeps a user's report.html, metrics.json and ties files in a folder that held no run", () => {
    const out = scratchDir('society-own-');
    for (const f of REPORT_FILES) fs.writeFileSync(path.join(out, f), `the user's own ${f}`);
    const r = society(['run', FRIENDS, '--rounds', '1', '--out', out, '--overwrite', '--quiet']);
    assert.equal(r.status, 0, r.stderr);
    for (const f of REPORT_FILES) assert.equal(fs.readFileSync(path.join(out, f), 'utf8'), `the user's own ${f}`, f);
    assert.ok(fs.existsSync(path.join(out, 'trace.jsonl')));
  });

  it("removes exactly the previous run's report files, and lists what it wrote", () => {
    const out = scratchDir('society-own-');
    assert.equal(society(['run', FRIENDS, '--rounds', '1', '--out', out, '--quiet']).status, 0);
    assert.equal(society(['report', path.join(out, 'trace.jsonl')]).status, 0);
    fs.writeFileSync(path.join(out, 'notes.md'), 'mine');
    const listed = JSON.parse(fs.readFileSync(path.join(out, MANIFEST_FILE), 'utf8')).files as string[];
    // The run writes surveys.csv too (friends gives the Mini-IPIP at the start): its own file, listed.
    assert.deepEqual(
      listed,
      ['checkpoint.json', ...REPORT_FILES, 'surveys.csv', 'trace.index.json', 'trace.jsonl'].sort(),
    );
    const r = society(['run', FRIENDS, '--rounds', '1', '--seed', '3', '--out', out, '--overwrite', '--quiet']);
    assert.equal(r.status, 0, r.stderr);
    for (const f of REPORT_FILES) assert.ok(!fs.existsSync(path.join(out, f)), `${f} of the old run removed`);
    assert.equal(fs.readFileSync(path.join(out, 'notes.md'), 'utf8'), 'mine');
    assert.deepEqual(JSON.parse(fs.readFileSync(path.join(out, MANIFEST_FILE), 'utf8')).files, [
      'checkpoint.json',
      'surveys.csv',
      'trace.index.json',
      'trace.jsonl',
    ]);
  });
});
