// `society compare` (issue 46): two run folders, two trace files or two folders of runs (paired by
// seed), on runs of the friends example made in-process; a branch.json beside a trace names the
// relation; --json and --out's files; runs of two scenarios and missing paths refused.
import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { compareCommand } from '../../../src/cli/commands/compare';
import { quietly } from '../../support/quietly';
import { friendsRun, writeRun } from '../compare/friendsRuns';

const compare = (...args: string[]) => quietly(() => compareCommand.run(args));

describe('society compare', function () {
  let dir: string;
  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'society-compare-'));
    writeRun(path.join(dir, 'a'), await friendsRun(3));
    writeRun(path.join(dir, 'b'), await friendsRun(3, { set: { 'coaching.enabled': false } }));
    // Sets: one level down (uncoached/seed-N) and two (coached/batch/seed-N), one seed unpaired.
    for (const seed of [1, 2, 3, 9]) {
      writeRun(
        path.join(dir, 'uncoached', `seed-${seed}`),
        await friendsRun(seed, { rounds: 4, set: { 'coaching.enabled': false } }),
      );
    }
    for (const seed of [1, 2, 3]) {
      writeRun(path.join(dir, 'coached', 'batch', `seed-${seed}`), await friendsRun(seed, { rounds: 4 }));
    }
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('compares two run folders: where they part, outcomes A, B, B − A, the series and the ties only one has', async () => {
    const r = await compare(path.join(dir, 'a'), path.join(dir, 'b'));
    assert.equal(r.result, 0, r.errors);
    assert.match(r.out, /^Comparing two runs of 'Learning to make friends'$/m);
    assert.match(r.out, /^note: settings differ: coaching\.enabled$/m);
    assert.match(r.out, /^the traces part at line \d+, in round \d+:$/m);
    assert.match(r.out, /^outcome +A +B +B − A$/m);
    assert.match(r.out, /^density +[\d.]+ +[\d.]+ +[-+]?[\d.]+$/m);
    assert.match(r.out, /^B − A +r0 +r1 .* r6$/m);
    assert.match(r.out, /^mean_reward +0 /m);
    assert.match(r.out, /^ties at the end: \d+ in both$/m);
    assert.match(r.out, /^only in A( \(\d+\):|: none)$/m);
  });

  it('says identical runs are identical, given a folder and a trace file', async () => {
    const r = await compare(path.join(dir, 'a'), path.join(dir, 'a', 'trace.jsonl'));
    assert.equal(r.result, 0, r.errors);
    assert.match(r.out, /^the traces are identical \(\d+ lines\)$/m);
    assert.match(r.out, /^only in A: none$/m);
  });

  it('prints JSON with --json and writes compare.json, series.csv and a self-contained compare.html with --out', async () => {
    const out = path.join(dir, 'out');
    const r = await compare(path.join(dir, 'a'), path.join(dir, 'b'), '--json', '--out', out);
    assert.equal(r.result, 0, r.errors);
    const json = JSON.parse(r.out);
    assert.equal(json.kind, 'runs');
    assert.equal(json.divergence.identical, false);
    assert.deepEqual(json, JSON.parse(fs.readFileSync(path.join(out, 'compare.json'), 'utf8')));
    const csv = fs.readFileSync(path.join(out, 'series.csv'), 'utf8').split('\n');
    assert.equal(csv[0], 'metric,round,a,b,difference');
    assert.ok(
      csv.some((l) => /^density,6,[\d.]+,[\d.]+,-?[\d.e-]+$/.test(l)),
      csv.slice(0, 5).join('\n'),
    );
    const html = fs.readFileSync(path.join(out, 'compare.html'), 'utf8');
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)![1];
    const hash = createHash('sha256').update(style, 'utf8').digest('base64');
    assert.match(
      html,
      new RegExp(`content="default-src 'none'; style-src 'sha256-${hash.replace(/[+/]/g, '\\$&')}'; img-src data:"`),
    );
    assert.doesNotMatch(html, /<script/);
    assert.match(html, /aria-label="density: A and B"/);
    assert.match(html, /aria-label="density: B − A"/);
    // Its own files it replaces; a user's file of that name it does not.
    assert.equal((await compare(path.join(dir, 'a'), path.join(dir, 'b'), '--out', out)).result, 0);
    const mine = path.join(dir, 'mine');
    fs.mkdirSync(mine);
    fs.writeFileSync(path.join(mine, 'compare.html'), 'mine');
    const refused = await compare(path.join(dir, 'a'), path.join(dir, 'b'), '--out', mine);
    assert.equal(refused.result, 1);
    assert.match(refused.errors, /already holds compare\.html, which Society Studio did not write/);
    assert.equal(fs.readFileSync(path.join(mine, 'compare.html'), 'utf8'), 'mine');
  });

  it('pairs two folders of runs by seed: each outcome’s B − A with its 95% CI, the unpaired seed left out', async () => {
    const r = await compare(path.join(dir, 'uncoached'), path.join(dir, 'coached'));
    assert.equal(r.result, 0, r.errors);
    assert.match(r.out, /^Comparing runs of 'Learning to make friends' paired by seed$/m);
    assert.match(r.out, /^A: \S*uncoached \(4 runs\)$/m);
    assert.match(r.out, /^3 pairs \(seeds 1, 2, 3\)$/m);
    assert.match(r.out, /^left out: A's \S*seed-9\S*trace\.jsonl \(seed 9 has no run in B\)$/m);
    assert.match(r.out, /^outcome +mean A +mean B +B − A +95% CI +Hedges' g \[95% CI\] +pairs$/m);
    // The difference's CI, then Hedges' g with its own, and what g means for the model's seeds.
    assert.match(
      r.out,
      /^density( +[-+]?[\d.]+){3} +\[[-+]?[\d.]+, [-+]?[\d.]+\] +-?[\d.]+ \[-?[\d.]+, -?[\d.]+\] +3$/m,
    );
    assert.match(
      r.out,
      /^Hedges' g is the difference in units of the spread between seeds: here the seed-to-seed variation of a rule-based model/m,
    );
    const out = path.join(dir, 'paired');
    const j = await compare(path.join(dir, 'uncoached'), path.join(dir, 'coached'), '--json', '--out', out);
    const json = JSON.parse(j.out);
    assert.equal(json.kind, 'paired');
    assert.equal(json.outcomes.reciprocity.n, 3);
    assert.equal(json.outcomes.reciprocity.difference.test, 'paired t');
    assert.equal(
      fs.readFileSync(path.join(out, 'series.csv'), 'utf8').split('\n')[0],
      'metric,round,pairs,mean_a,mean_b,difference,ci_low,ci_high',
    );
    assert.match(fs.readFileSync(path.join(out, 'compare.html'), 'utf8'), /aria-label="density B − A over rounds"/);
  });

  it('names the parent and the branch round from a branch.json, by folder or by the parent trace’s hash', async () => {
    const parent = path.join(dir, 'a'),
      branch = path.join(dir, 'branch');
    writeRun(branch, await friendsRun(3, { set: { 'coaching.enabled': false } }));
    const edit = { set: { 'coaching.enabled': false } };
    fs.writeFileSync(
      path.join(branch, 'branch.json'),
      JSON.stringify({ parent: { folder: '../a', round: 2 }, edits: [edit] }),
    );
    let r = await compare(parent, branch);
    assert.equal(r.result, 0, r.errors);
    assert.match(r.out, /^B is a branch of A at round 2 \(1 edit\)$/m);
    assert.match(r.out, /^ {4}B's edit: \{"set":\{"coaching\.enabled":false\}\}$/m);
    const sha = createHash('sha256')
      .update(fs.readFileSync(path.join(parent, 'trace.jsonl')))
      .digest('hex');
    fs.writeFileSync(
      path.join(branch, 'branch.json'),
      JSON.stringify({ parent: { folder: '/elsewhere', trace_sha256: `sha256:${sha}`, round: 2 }, edits: [] }),
    );
    r = await compare(branch, parent);
    assert.match(r.out, /^A is a branch of B at round 2 \(0 edits\)$/m);
  });

  it('refuses runs of two scenarios, a path that is not there, and a folder with no run', async () => {
    const other = path.join(dir, 'other');
    const run = await friendsRun(3);
    run.header = { ...run.header, scenario: { ...run.header.scenario, name: 'Another' } };
    writeRun(other, run);
    let r = await compare(path.join(dir, 'a'), other);
    assert.equal(r.result, 1);
    assert.match(r.errors, /different scenarios \('Learning to make friends' and 'Another'\)/);
    r = await compare(path.join(dir, 'a'), path.join(dir, 'nowhere'));
    assert.equal(r.result, 1);
    assert.match(r.errors, /nowhere: no such file/);
    fs.mkdirSync(path.join(dir, 'empty'));
    r = await compare(path.join(dir, 'a'), path.join(dir, 'empty'));
    assert.equal(r.result, 1);
    assert.match(r.errors, /holds no trace\.jsonl/);
    r = await compare(path.join(dir, 'a'));
    assert.equal(r.result, 2);
  });
});
