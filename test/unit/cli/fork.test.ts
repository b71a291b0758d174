// `society fork` end to end through bin/society.js: a branch with no edit is its parent's trace
// byte for byte; an edit departs at round N; a folder of runs (one per seed) is branched run by run;
// mistakes are said in a sentence (a malformed edit: exit 2; a name that is not there: exit 1,
// with did-you-mean) and leave no folder behind.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { scratchDir } from '../../support/scratch';

const repo = path.resolve(__dirname, '../../..');
const bin = path.join(repo, 'bin/society.js');
const society = (args: string[], cwd = repo) =>
  spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', timeout: 90_000 });
const FRIENDS = 'examples/friends/friends.society';

describe('society fork', function () {
  let dir: string;
  before(() => {
    dir = scratchDir('society-fork-cli-');
    for (const seed of ['1', '2']) {
      const r = society([
        'run',
        FRIENDS,
        '--rounds',
        '5',
        '--seed',
        seed,
        '--out',
        path.join(dir, 'runs', `seed-${seed}`),
        '-q',
      ]);
      assert.equal(r.status, 0, r.stderr);
    }
  });

  it('branches with no edit to the same bytes, and with an edit departs at its round', () => {
    const parent = path.join(dir, 'runs', 'seed-1');
    const same = society(['fork', parent, '--round', '3', '--out', path.join(dir, 'same'), '-q']);
    assert.equal(same.status, 0, same.stderr);
    assert.match(same.stdout, /its trace is its parent's byte for byte \(no edit\)/);
    assert.ok(
      fs.readFileSync(path.join(dir, 'same', 'trace.jsonl')).equals(fs.readFileSync(path.join(parent, 'trace.jsonl'))),
    );

    const edited = society([
      'fork',
      parent,
      '--round',
      '3',
      '--set',
      'coaching.enabled=false',
      '--out',
      path.join(dir, 'edited'),
      '--json',
    ]);
    assert.equal(edited.status, 0, edited.stderr);
    const o = JSON.parse(edited.stdout) as { faithful: boolean; divergence: { round: number }; edits: unknown[] };
    assert.equal(o.faithful, true);
    assert.equal(o.divergence.round, 3);
    assert.deepEqual(o.edits, [{ edit: 'setting', path: 'coaching.enabled', value: false }]);
    const record = JSON.parse(fs.readFileSync(path.join(dir, 'edited', 'branch.json'), 'utf8')) as {
      parent: { folder: string };
      round: number;
    };
    assert.equal(record.round, 3);
    assert.equal(path.resolve(dir, 'edited', record.parent.folder), parent);
  });

  it('branches every run of a folder the same way, into --out/<run name>', () => {
    const r = society([
      'fork',
      path.join(dir, 'runs'),
      '--round',
      '4',
      '--tie',
      'maya_chen->ben_kowalski=0.9',
      '--out',
      path.join(dir, 'tied'),
      '-q',
    ]);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /branched 2 of 2 runs into/);
    for (const seed of ['1', '2']) {
      const lines = fs.readFileSync(path.join(dir, 'tied', `seed-${seed}`, 'trace.jsonl'), 'utf8').split('\n');
      const edit = lines.findIndex((l) => l.includes('"cause":"edit"'));
      assert.ok(edit > 0 && lines[edit - 2].startsWith('{"type":"round_start","round":4'), `seed ${seed}`);
    }
  });

  it('says how many runs of a folder it branched and how many failed, not one count for all', () => {
    // One run of two stops after its header: a branch at round 4 cannot be made of it.
    const runs = path.join(dir, 'runs-one-cut');
    fs.cpSync(path.join(dir, 'runs'), runs, { recursive: true });
    const cut = path.join(runs, 'seed-2', 'trace.jsonl');
    fs.writeFileSync(cut, `${fs.readFileSync(cut, 'utf8').split('\n')[0]}\n`);
    const r = society(['fork', runs, '--round', '4', '--broadcast', 'News.', '--out', path.join(dir, 'one-cut'), '-q']);
    assert.equal(r.status, 1, r.stderr);
    assert.match(r.stdout, /branched 1 of 2 runs into .*; 1 failed/);
  });

  it("branches an experiment's runs with their conditions, byte for byte with no edit", () => {
    const exp = path.join(dir, 'exp');
    const r = society(['experiment', FRIENDS, '--seeds', '1', '--out', exp, '-q']);
    assert.equal(r.status, 0, r.stderr);
    const out = path.join(dir, 'exp-branches');
    const f = society([
      'fork',
      path.join(exp, 'traces'),
      '--round',
      '12',
      '--scenario-file',
      FRIENDS,
      '--out',
      out,
      '-q',
    ]);
    assert.equal(f.status, 0, f.stderr);
    for (const run of ['coached-seed1', 'uncoached-seed1']) {
      assert.ok(
        fs
          .readFileSync(path.join(out, run, 'trace.jsonl'))
          .equals(fs.readFileSync(path.join(exp, 'traces', `${run}.jsonl`))),
        run,
      );
    }
  });

  it('says what is wrong with an edit in a sentence and leaves nothing behind', () => {
    const parent = path.join(dir, 'runs', 'seed-1');
    const malformed = society([
      'fork',
      parent,
      '--round',
      '3',
      '--tie',
      'maya_chen=0.5',
      '--out',
      path.join(dir, 'bad1'),
    ]);
    assert.equal(malformed.status, 2);
    assert.match(malformed.stderr, /--tie "maya_chen=0\.5": expected FROM->TO=0\.\.1/);
    const unknown = society([
      'fork',
      parent,
      '--round',
      '3',
      '--remember',
      'maya=I lost my keys',
      '--out',
      path.join(dir, 'bad2'),
    ]);
    assert.equal(unknown.status, 1);
    assert.match(unknown.stderr, /no agent 'maya' is in the society then \(did you mean 'maya_chen'\?\)/);
    const late = society(['fork', parent, '--round', '9', '--out', path.join(dir, 'bad3')]);
    assert.equal(late.status, 1);
    assert.match(late.stderr, /from 1 to 5/);
    for (const d of ['bad1', 'bad2', 'bad3']) assert.ok(!fs.existsSync(path.join(dir, d)), d);
  });
});
