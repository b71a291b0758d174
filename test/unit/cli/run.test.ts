// `society run` end to end through bin/society.js, on what users reported: a finished run replaced
// without a word (its report files left beside the new trace), a resume hint that resumed another
// scenario, warnings `society check` gives that the run kept to itself, a read-only trace that
// lost the checkpoint and exited 2, a folder given for the scenario file read as "not found", and
// a --cache that stayed empty without a word (the offline model makes no calls to cache).
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { scratchDir } from '../../support/scratch';
import { readTrace } from '../../../src/core/trace/reader';
import { resumeCommand } from '../../../src/cli/resumeHint';
import { clearForFreshRun, heldRun } from '../../../src/cli/outFolder';
import { deadEndpointScenario } from '../../support/deadEndpoint';

const repo = path.resolve(__dirname, '../../..');
const bin = path.join(repo, 'bin/society.js');
const society = (args: string[], cwd = repo) =>
  spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', timeout: 60_000 });
const FRIENDS = 'examples/friends/friends.society';
const REPORT_FILES = ['report.html', 'metrics.json', 'series.csv', 'ties.graphml', 'ties.gexf', 'ties.csv'];

/** `society run` started in the background and stopped by one Ctrl-C once its first checkpoint is on disk. */
function interrupted(args: string[], out: string, cwd = repo): Promise<{ status: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, 'run', ...args, '--out', out], { cwd });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => {
      stderr += d;
    });
    const poll = setInterval(() => {
      if (fs.existsSync(path.join(out, 'checkpoint.json'))) {
        clearInterval(poll);
        child.kill('SIGINT');
      }
    }, 5);
    child.on('close', (status) => {
      clearInterval(poll);
      resolve({ status, stderr });
    });
  });
}

describe('society run', function () {
  it('keeps a finished run unless --overwrite, which also removes the report files made from it', () => {
    const out = path.join(scratchDir('society-run-finished-'), 'x');
    assert.equal(society(['run', FRIENDS, '--rounds', '3', '--out', out]).status, 0);
    assert.equal(society(['report', path.join(out, 'trace.jsonl'), '--static']).status, 0);
    fs.writeFileSync(path.join(out, 'notes.txt'), 'mine');
    const before = Object.fromEntries(fs.readdirSync(out).map((f) => [f, fs.readFileSync(path.join(out, f))]));

    const again = society(['run', FRIENDS, '--rounds', '3', '--seed', '8', '--out', out]);
    assert.equal(again.status, 1, 'as for an unfinished run');
    assert.equal(
      again.stderr,
      `society run: ${path.relative(repo, out)} holds a finished run (scenario 'Learning to make friends', seed 7, 3 rounds); replace it with --overwrite, or choose another --out\n`,
    );
    for (const [f, bytes] of Object.entries(before)) {
      assert.deepEqual(fs.readFileSync(path.join(out, f)), bytes, `${f} is kept`);
    }

    const over = society(['run', FRIENDS, '--rounds', '3', '--seed', '8', '--out', out, '--overwrite', '--quiet']);
    assert.equal(over.status, 0, over.stderr);
    assert.equal(readTrace(fs.readFileSync(path.join(out, 'trace.jsonl'), 'utf8')).header?.seed, 8);
    for (const f of REPORT_FILES) assert.ok(!fs.existsSync(path.join(out, f)), `${f} of the old run is gone`);
    assert.equal(fs.readFileSync(path.join(out, 'notes.txt'), 'utf8'), 'mine', "the user's own file is not touched");
    assert.ok(fs.existsSync(path.join(out, 'checkpoint.json')));
  });

  it('names a trace without a checkpoint by its header, and one that is not a trace as such', () => {
    const dir = scratchDir('society-run-held-');
    fs.writeFileSync(
      path.join(dir, 'trace.jsonl'),
      `${JSON.stringify({ type: 'header', scenario: { name: 'S' }, seed: 3, rounds: 1 })}\n`,
    );
    assert.equal(heldRun(dir), "the trace of a run (scenario 'S', seed 3, 1 round)");
    fs.writeFileSync(path.join(dir, 'trace.jsonl'), 'hello\n');
    assert.equal(heldRun(dir), 'a trace.jsonl that is not a readable trace');
    fs.writeFileSync(path.join(dir, 'trace.jsonl'), '');
    assert.equal(heldRun(dir), undefined, 'an empty trace holds no run');
  });

  it('prints a resume hint with --scenario (and --root, --cache) that resumes the scenario that ran', async () => {
    const dir = scratchDir('society-run-hint-');
    const file = path.join(dir, 'two.society');
    const people = 'personas: [{ id: a, name: A }, { id: b, name: B }, { id: c, name: C }]';
    fs.writeFileSync(
      file,
      `kind: scenario\nname: One\n${people}\nworld: { rounds: 3 }\n---\nkind: scenario\nname: Two\n${people}\nworld: { rounds: 1000 }\n`,
    );
    const out = path.join(dir, 'out');
    const stopped = await interrupted(['two.society', '--scenario', 'Two', '--root', '.'], out, dir);
    assert.equal(stopped.status, 130, stopped.stderr);
    const hint = /^interrupted: .*; continue with: (.*)$/m.exec(stopped.stderr)?.[1];
    assert.equal(hint, 'society run two.society --scenario Two --root . --out out --resume');
    // Following it resumes the run (QA: it resumed 'One' and failed on a content hash).
    const resumed = society(hint!.split(' ').slice(1), dir);
    assert.equal(resumed.status, 0, resumed.stderr);
    assert.equal(readTrace(fs.readFileSync(path.join(out, 'trace.jsonl'), 'utf8')).complete, true);
    assert.equal(
      resumeCommand({ file: '/p/s.society', out: '/p/runs/my run', cache: '/p/cache', replay: true }, '/p'),
      "society run s.society --out 'runs/my run' --cache cache --replay --resume",
    );
  });

  it("says plainly when --resume finds another scenario's run, not that the scenario changed", async () => {
    const dir = scratchDir('society-run-other-');
    const file = path.join(dir, 'two.society');
    fs.writeFileSync(
      file,
      'kind: scenario\nname: One\npersonas: [{ id: a, name: A }, { id: b, name: B }]\nworld: { rounds: 1000 }\n---\nkind: scenario\nname: Two\npersonas: [{ id: c, name: C }]\nworld: { rounds: 2 }\n',
    );
    const out = path.join(dir, 'out');
    assert.equal((await interrupted([file], out)).status, 130);
    const wrong = society(['run', file, '--scenario', 'Two', '--out', out, '--resume']);
    assert.equal(wrong.status, 1);
    assert.equal(
      wrong.stderr,
      `society run: ${path.relative(repo, out)} holds a run of scenario 'One', not 'Two'; resume it with --scenario One\n`,
    );
  });

  it("prints the scenario's warnings as society check does, and the timed events --rounds leaves out; --quiet prints neither", () => {
    const dir = scratchDir('society-run-warn-');
    fs.writeFileSync(
      path.join(dir, 'e.society'),
      'kind: scenario\nname: Empty\nworld: { rounds: 2 }\nevents:\n  - at: 5\n    broadcast: hello\n',
    );
    const checked = society(['check', 'e.society'], dir).stdout;
    assert.match(checked, /warning SOC053 .*\n.*warning SOC052 /);
    const run = society(['run', 'e.society', '--out', 'o'], dir);
    assert.equal(run.status, 0, run.stderr);
    assert.ok(run.stderr.startsWith(checked), run.stderr);
    // SOC052 counts against the scenario's rounds: a longer run reaches the event.
    const longer = society(['run', 'e.society', '--out', 'o2', '--rounds', '6'], dir);
    assert.doesNotMatch(longer.stderr, /SOC052|will not fire/);
    assert.match(longer.stderr, /warning SOC053/);
    const forum = society(['run', 'examples/forum/forum.society', '--rounds', '3', '--out', path.join(dir, 'forum')]);
    assert.equal(forum.status, 0, forum.stderr);
    assert.match(forum.stderr, /^note: --rounds 3: 4 timed events \(rounds 4, 7, 11, 14\) will not fire$/m);
    const quiet = society([
      'run',
      'examples/forum/forum.society',
      '--rounds',
      '3',
      '--out',
      path.join(dir, 'quiet'),
      '--quiet',
    ]);
    assert.equal(quiet.stderr, '');
  });

  it('says it cannot write a trace in the way, exit 1, and removes nothing of the old run first', () => {
    const out = path.join(scratchDir('society-run-ro-'), 'x');
    assert.equal(society(['run', FRIENDS, '--rounds', '2', '--out', out]).status, 0);
    assert.equal(society(['report', path.join(out, 'trace.jsonl'), '--static']).status, 0);
    // As root, chmod does not stop a write: a folder named trace.jsonl does (EISDIR, as EACCES, on open).
    fs.rmSync(path.join(out, 'trace.jsonl'));
    fs.mkdirSync(path.join(out, 'trace.jsonl'));
    const checkpoint = fs.readFileSync(path.join(out, 'checkpoint.json'));
    const r = society(['run', FRIENDS, '--rounds', '2', '--out', out, '--overwrite']);
    assert.equal(r.status, 1, r.stderr);
    assert.equal(
      r.stderr
        .split('\n')
        .filter((l) => l.startsWith('society'))
        .join('\n'),
      `society run: cannot write ${path.relative(repo, path.join(out, 'trace.jsonl'))}: it is a folder, and Society Studio writes only regular files, never through a link: move it away or choose another output folder`,
    );
    assert.deepEqual(fs.readFileSync(path.join(out, 'checkpoint.json')), checkpoint, 'the checkpoint is kept');
    for (const f of REPORT_FILES) assert.ok(fs.existsSync(path.join(out, f)), `${f} is kept`);
    // The same order called directly: the trace is tried first.
    assert.throws(() => clearForFreshRun(out, true), { code: 'EUNSAFE' });
    assert.ok(fs.existsSync(path.join(out, 'checkpoint.json')));
  });

  it('says --cache stays unused when every model the run uses is the offline model, and still runs; not for an LLM', async () => {
    const dir = scratchDir('society-run-cache-');
    const cache = path.join(dir, 'cache');
    const note = `note: --cache records only calls to LLM providers, and this run makes none (every model it uses is the offline rule-based model), so nothing is written to ${path.relative(repo, cache)}`;
    const offline = society(['run', FRIENDS, '--rounds', '1', '--out', path.join(dir, 'offline'), '--cache', cache]);
    assert.equal(offline.status, 0, offline.stderr);
    assert.equal(
      offline.stderr
        .split('\n')
        .filter((l) => l.includes('--cache'))
        .join('\n'),
      note,
    );
    assert.ok(!fs.existsSync(cache));
    const quiet = society([
      'run',
      FRIENDS,
      '--rounds',
      '1',
      '--out',
      path.join(dir, 'quiet'),
      '--cache',
      cache,
      '--quiet',
    ]);
    assert.equal(quiet.status, 0, quiet.stderr);
    assert.equal(quiet.stderr, '', '--quiet: no notes');
    // An LLM scenario's calls are cached (here: the failures of a dead endpoint), so no note.
    const llm = society(['run', await deadEndpointScenario(dir), '--out', path.join(dir, 'llm'), '--cache', cache]);
    assert.doesNotMatch(llm.stderr, /--cache records only/);
  });

  it('says a folder given for the scenario is a folder, and which scenario file in it to give (run and estimate)', () => {
    for (const name of ['run', 'estimate']) {
      const r = society([name, 'examples/friends']);
      assert.equal(r.status, 1, name);
      assert.equal(
        r.stderr,
        `society ${name}: examples/friends: it is a folder, not a scenario file; give the scenario's .society file (examples/friends/friends.society)\n`,
        name,
      );
    }
  });
});
