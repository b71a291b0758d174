// A command that fails before writing anything leaves no trace of itself (QA: `society report
// missing.jsonl --out DIR` left an empty DIR that was not there before; so did `run --resume` with
// nothing to resume, a missing API key, and an experiment that could not start). Folders that were
// there before, and whatever is in them, are never touched.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { scratchDir } from '../../support/scratch';
import { MadeFolders } from '../../../src/cli/madeFolders';
import { makeFolders } from '../../../src/core/files/makeFolders';

const repo = path.resolve(__dirname, '../../..');
const bin = path.join(repo, 'bin/society.js');
const NO_KEY = 'SOCIETY_TEST_UNSET_KEY';
const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== NO_KEY));
const society = (args: string[]) =>
  spawnSync(process.execPath, [bin, ...args], { cwd: repo, env, encoding: 'utf8', timeout: 60_000 });
const FRIENDS = 'examples/friends/friends.society';

/** A scenario on an LLM whose key is not set: it fails before its first call. */
function keyedScenario(dir: string): string {
  const file = path.join(dir, 'keyed.society');
  fs.writeFileSync(
    file,
    `kind: scenario\nname: Keyed\npersonas: [{ id: a, name: A }, { id: b, name: B }]\nworld: { rounds: 1 }\nmodels: { default: { provider: openai, model: m, api_key_env: ${NO_KEY} } }\n`,
  );
  return file;
}

describe('a failed command leaves no folder behind', function () {
  it('removes only the folders it made, and only while nothing but empty folders is in them', () => {
    const dir = scratchDir('society-made-');
    const made = new MadeFolders(makeFolders(path.join(dir, 'a', 'b', 'c')));
    fs.mkdirSync(path.join(dir, 'a', 'b', 'c', 'traces'));
    made.removeEmpty();
    assert.deepEqual(
      fs.readdirSync(dir),
      [],
      'a, b, c and the empty traces/ in c are gone; the folder that was there stays',
    );

    const kept = new MadeFolders(makeFolders(path.join(dir, 'x', 'y')));
    fs.mkdirSync(path.join(dir, 'x', 'y', 'traces'));
    fs.writeFileSync(path.join(dir, 'x', 'mine.txt'), 'mine');
    kept.removeEmpty();
    assert.deepEqual(
      fs.readdirSync(path.join(dir, 'x')).sort(),
      ['mine.txt'],
      'y (empty) goes, x holds a file and stays',
    );

    fs.mkdirSync(path.join(dir, 'old'));
    new MadeFolders(makeFolders(path.join(dir, 'old'))).removeEmpty();
    assert.ok(fs.existsSync(path.join(dir, 'old')), 'an empty folder that was there before stays');
  });

  it('society report: a missing or damaged trace leaves no --out folder; one that was there stays, with what is in it', () => {
    const dir = scratchDir('society-report-failed-');
    const damaged = path.join(dir, 'damaged.jsonl');
    fs.writeFileSync(damaged, 'not a trace\n');
    for (const trace of [path.join(dir, 'missing.jsonl'), damaged]) {
      const r = society(['report', trace, '--out', path.join(dir, 'new', 'report')]);
      assert.equal(r.status, 1, r.stderr);
      assert.ok(!fs.existsSync(path.join(dir, 'new')), `${path.basename(trace)}: no folder left behind`);
    }
    fs.mkdirSync(path.join(dir, 'empty'));
    fs.mkdirSync(path.join(dir, 'mine'));
    fs.writeFileSync(path.join(dir, 'mine', 'notes.txt'), 'mine');
    for (const out of ['empty', 'mine']) {
      assert.equal(society(['report', damaged, '--out', path.join(dir, out)]).status, 1);
    }
    assert.deepEqual(fs.readdirSync(path.join(dir, 'empty')), []);
    assert.equal(fs.readFileSync(path.join(dir, 'mine', 'notes.txt'), 'utf8'), 'mine');
  });

  it('society run: nothing to resume, no cache to replay and a missing API key leave no --out folder', () => {
    const dir = scratchDir('society-run-failed-');
    const cases: [string[], RegExp][] = [
      [[FRIENDS, '--resume'], /nothing to resume/],
      [[FRIENDS, '--replay'], /--replay needs a response cache/],
      [[keyedScenario(dir)], new RegExp(`needs an API key in the environment variable ${NO_KEY}`)],
    ];
    for (const [args, said] of cases) {
      const r = society(['run', ...args, '--out', path.join(dir, 'new', 'run')]);
      assert.equal(r.status, 1, r.stderr);
      assert.match(r.stderr, said);
      assert.ok(!fs.existsSync(path.join(dir, 'new')), `${args.join(' ')}: no folder left behind`);
    }
  });

  it('society experiment: a missing API key leaves no --out folder (nor the traces/ folder made for the runs)', () => {
    const dir = scratchDir('society-experiment-failed-');
    const r = society(['experiment', keyedScenario(dir), '--seeds', '1,2', '--out', path.join(dir, 'new', 'exp')]);
    // Said once, before any run, as `society run` says it (it was each run's error on one line, exit 2).
    assert.equal(r.status, 1, r.stderr);
    assert.equal(
      r.stderr,
      `society experiment: model 'default' needs an API key in the environment variable ${NO_KEY} (its api_key_env), which is not set\n`,
    );
    assert.ok(!fs.existsSync(path.join(dir, 'new')));
  });

  it('society export: a file that cannot be written leaves no folder made for it', () => {
    const dir = scratchDir('society-export-failed-');
    const out = path.join(dir, 'run');
    assert.equal(society(['run', FRIENDS, '--rounds', '1', '--out', out, '--quiet']).status, 0);
    // A name longer than any file system takes: the write fails after the folder is made.
    const r = society([
      'export',
      path.join(out, 'trace.jsonl'),
      '--out',
      path.join(dir, 'new', `${'t'.repeat(300)}.gexf`),
    ]);
    assert.equal(r.status, 1, r.stderr);
    assert.match(r.stderr, /^society export: cannot write /);
    assert.ok(!fs.existsSync(path.join(dir, 'new')));
  });
});
