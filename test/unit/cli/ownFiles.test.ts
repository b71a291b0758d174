// Issue 41, defect 12 (and 15, `experiment --overwrite`): `report` and `experiment merge --out`
// replaced a user's own report.html, metrics.json, summary.csv… without a word, and `report`
// listed them as its own, so a later `run --overwrite` deleted them. Only files our commands
// wrote there (.society-files.json) are replaced; a user's need --overwrite. `experiment` keeps an
// earlier experiment in --out unless --overwrite, as `run` keeps a run.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { reportCommand } from '../../../src/cli/commands/report';
import { experimentCommand } from '../../../src/cli/commands/experiment';
import { runCommand } from '../../../src/cli/commands/run';
import { MANIFEST_FILE } from '../../../src/cli/manifest';
import { quietly } from '../../support/quietly';
import { scratchDir } from '../../support/scratch';

const repo = path.resolve(__dirname, '../../..');
const FRIENDS = path.join(repo, 'examples/friends/friends.society');
const SMALL = ['--seeds', '1-2', '--rounds', '2', '-q'];
const listed = (dir: string): string[] => JSON.parse(fs.readFileSync(path.join(dir, MANIFEST_FILE), 'utf8')).files;
const read = (dir: string, name: string): string => fs.readFileSync(path.join(dir, name), 'utf8');

describe("commands replace only their own files, never a user's (issue 41: 12)", function () {
  const base = scratchDir('society-own-files-');
  const runDir = path.join(base, 'run');
  const trace = path.join(runDir, 'trace.jsonl');

  before(async () => {
    const r = await quietly(() => runCommand.run([FRIENDS, '--rounds', '2', '--out', runDir, '-q']));
    assert.equal(r.result, 0, r.errors);
  });

  it("report refuses to replace a user's metrics.json, lists nothing of theirs, and replaces it with --overwrite", async () => {
    const out = path.join(base, 'mine');
    fs.mkdirSync(out);
    fs.writeFileSync(path.join(out, 'metrics.json'), 'my own');
    fs.writeFileSync(path.join(out, 'ties.csv'), 'my own too');
    const r = await quietly(() => reportCommand.run([trace, '--out', out]));
    assert.equal(r.result, 1);
    assert.match(
      r.errors,
      /^society report: .*mine already holds metrics\.json and ties\.csv, which Society Studio did not write \(they are not signed as its own in \.society-files\.json by this machine\); move them away, choose another --out, or replace them with --overwrite\n$/,
    );
    assert.equal(read(out, 'metrics.json'), 'my own');
    assert.deepEqual(fs.readdirSync(out).sort(), ['metrics.json', 'ties.csv'], 'nothing written, nothing listed');
    const forced = await quietly(() => reportCommand.run([trace, '--out', out, '--overwrite']));
    assert.equal(forced.result, 0, forced.errors);
    assert.notEqual(read(out, 'metrics.json'), 'my own');
    assert.ok(listed(out).includes('metrics.json'));
    // Its own report it replaces without --overwrite.
    assert.equal((await quietly(() => reportCommand.run([trace, '--out', out]))).result, 0);
  });

  it("report beside a trace keeps a user's report.html there, so run --overwrite cannot delete it later", async () => {
    const dir = path.join(base, 'beside');
    fs.cpSync(runDir, dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'report.html'), '<p>my notes</p>');
    const r = await quietly(() => reportCommand.run([path.join(dir, 'trace.jsonl')]));
    assert.equal(r.result, 1);
    assert.ok(!listed(dir).includes('report.html'), listed(dir).join());
    const again = await quietly(() => runCommand.run([FRIENDS, '--rounds', '2', '--out', dir, '--overwrite', '-q']));
    assert.equal(again.result, 0, again.errors);
    assert.equal(read(dir, 'report.html'), '<p>my notes</p>');
  });

  it("experiment merge --out refuses a user's summary.csv, and replaces it with --overwrite", async () => {
    const shards = [1, 2].map((i) => path.join(base, `shard-${i}`));
    for (const [i, dir] of shards.entries()) {
      const r = await quietly(() => experimentCommand.run([FRIENDS, ...SMALL, '--shard', `${i + 1}/2`, '--out', dir]));
      assert.equal(r.result, 0, r.errors);
    }
    const out = path.join(base, 'merged');
    fs.mkdirSync(out);
    fs.writeFileSync(path.join(out, 'summary.csv'), 'mine');
    const r = await quietly(() => experimentCommand.run(['merge', ...shards, '--out', out]));
    assert.equal(r.result, 1);
    assert.match(r.errors, /merged already holds summary\.csv, which Society Studio did not write/);
    assert.deepEqual(fs.readdirSync(out), ['summary.csv']);
    const forced = await quietly(() => experimentCommand.run(['merge', ...shards, '--out', out, '--overwrite']));
    assert.equal(forced.result, 0, forced.errors);
    assert.deepEqual(listed(out), [
      'experiment.html',
      'experiment.json',
      'instruments.csv',
      'runs.csv',
      'series.csv',
      'summary.csv',
    ]);
    // Merging again replaces its own files.
    assert.equal((await quietly(() => experimentCommand.run(['merge', ...shards, '--out', out]))).result, 0);
  });

  it('experiment keeps the experiment --out holds unless --overwrite, which also takes the shard file it no longer writes', async () => {
    const out = path.join(base, 'shard-1');
    const before = read(out, 'shard.json');
    const r = await quietly(() => experimentCommand.run([FRIENDS, ...SMALL, '--out', out]));
    assert.equal(r.result, 1);
    assert.match(
      r.errors,
      /shard-1 holds an experiment \(shard\.json\); replace it with --overwrite, or choose another --out\n$/,
    );
    assert.equal(read(out, 'shard.json'), before);
    const forced = await quietly(() => experimentCommand.run([FRIENDS, ...SMALL, '--out', out, '--overwrite']));
    assert.equal(forced.result, 0, forced.errors);
    assert.ok(!fs.existsSync(path.join(out, 'shard.json')), "the earlier shard's file went with it");
    assert.deepEqual(listed(out), [
      'experiment.html',
      'experiment.json',
      'instruments.csv',
      'runs.csv',
      'series.csv',
      'summary.csv',
    ]);
    // A user's file of one of those names in a new folder: refused as report refuses it.
    const mine = path.join(base, 'mine-experiment');
    fs.mkdirSync(mine);
    fs.writeFileSync(path.join(mine, 'runs.csv'), 'mine');
    const theirs = await quietly(() => experimentCommand.run([FRIENDS, ...SMALL, '--out', mine]));
    assert.equal(theirs.result, 1);
    assert.match(theirs.errors, /already holds runs\.csv, which Society Studio did not write/);
    assert.equal(read(mine, 'runs.csv'), 'mine');
  });
});
