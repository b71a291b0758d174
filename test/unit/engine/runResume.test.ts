// What `society run` does with a run folder that is not as it left it (QA on damaged run records):
// --resume appends only to the trace its checkpoint belongs to, a damaged checkpoint is named and
// refused, a fresh run does not throw an unfinished one away, SIGTERM stops at once with a valid
// trace, a stop says where --resume goes on from, and the trace does not depend on the directory
// the command ran in.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCommand } from '../../../src/cli/commands/run';
import { readTrace } from '../../../src/core/trace/reader';
import { quietly } from '../../support/quietly';

const EXAMPLE = path.resolve(__dirname, '../../../examples/friends/friends.society');

/** Runs `society run` and stops it (SIGINT once: at a round end) once `round` has ended in the trace. */
async function stoppedAt(out: string, round: number, extra: string[] = [], signals: NodeJS.Signals[] = ['SIGINT']) {
  const trace = path.join(out, 'trace.jsonl');
  const poll = setInterval(() => {
    if (fs.existsSync(trace) && fs.readFileSync(trace, 'utf8').includes(`{"type":"round_end","round":${round},`)) {
      clearInterval(poll);
      for (const s of signals) process.emit(s as 'SIGINT');
    }
  }, 1);
  try {
    return await quietly(() => runCommand.run([EXAMPLE, '--rounds', '30', '--out', out, ...extra]));
  } finally {
    clearInterval(poll);
  }
}

describe('society run: resuming and restarting a run folder', function () {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'society-resume-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("refuses to resume onto another run's trace, a changed trace or a checkpoint that does not match it", async () => {
    const a = path.join(dir, 'a'),
      b = path.join(dir, 'b');
    assert.equal((await stoppedAt(a, 3)).result, 130);
    assert.equal((await stoppedAt(b, 3, ['--seed', '8'])).result, 130);
    const trace = path.join(a, 'trace.jsonl'),
      checkpoint = path.join(a, 'checkpoint.json');
    const ownTrace = fs.readFileSync(trace),
      ownCheckpoint = fs.readFileSync(checkpoint, 'utf8');
    const resume = () => quietly(() => runCommand.run([EXAMPLE, '--out', a, '--resume']));
    const refused = async (why: RegExp) => {
      const r = await resume();
      assert.equal(r.result, 1, r.errors);
      assert.match(r.errors, why);
    };
    // Another run's trace beside this checkpoint (QA: a fresh run killed in its first checkpoint left one).
    fs.copyFileSync(path.join(b, 'trace.jsonl'), trace);
    await refused(
      /^society run: cannot resume from \S*trace\.jsonl: the trace is another run's: its header differs from the checkpoint's \(seed 8 vs 7\)$/m,
    );
    assert.deepEqual(fs.readFileSync(trace), fs.readFileSync(path.join(b, 'trace.jsonl')), 'nothing was appended');
    // A line inserted before the checkpoint's round end.
    const lines = ownTrace.toString('utf8').split('\n');
    fs.writeFileSync(trace, [...lines.slice(0, 40), 'GARBAGE', ...lines.slice(40)].join('\n'));
    await refused(/cannot resume from \S*trace\.jsonl: the trace does not end round \d+ at byte \d+/);
    // The checkpoint edited: another round, a trace length that cuts a line.
    fs.writeFileSync(trace, ownTrace);
    const cp = JSON.parse(ownCheckpoint);
    fs.writeFileSync(checkpoint, JSON.stringify({ ...cp, completed: cp.completed + 2 }));
    await refused(/the trace does not end round \d+ at byte/);
    fs.writeFileSync(checkpoint, JSON.stringify({ ...cp, trace: { ...cp.trace, bytes: cp.trace.bytes - 100 } }));
    await refused(/the trace does not end round \d+ at byte/);
    // The memories the checkpoint leaves in the trace: one moved to another agent (same bytes), one line damaged.
    fs.writeFileSync(checkpoint, ownCheckpoint);
    const memoryLine = lines.findIndex((l) => /^\{"type":"memory","round":2,"agent":"aroha_walker"/.test(l));
    const moved = [...lines];
    moved[memoryLine] = moved[memoryLine].replace('"agent":"aroha_walker"', '"agent":"ben_kowalski"');
    fs.writeFileSync(trace, moved.join('\n'));
    await refused(
      /cannot resume from \S*checkpoint\.json: the trace holds \d+ memories of agent '(aroha_walker|ben_kowalski)'.*the trace is not the checkpoint's/,
    );
    moved[memoryLine] = moved[memoryLine].replace('"memory":{', '"memory":[');
    fs.writeFileSync(trace, moved.join('\n'));
    await refused(
      new RegExp(
        `cannot resume from \\S*trace\\.jsonl: its memories could not be read back: line ${memoryLine + 1}: not valid JSON`,
      ),
    );
    fs.writeFileSync(trace, ownTrace);
    // As it was: resumes.
    fs.writeFileSync(checkpoint, ownCheckpoint);
    const ok = await resume();
    assert.equal(ok.result, 0, ok.errors);
    assert.deepEqual(readTrace(fs.readFileSync(trace, 'utf8')).errors, []);
  });

  it('names a damaged checkpoint and why, exit 1 (QA: raw JSON and TypeErrors, exit 2)', async () => {
    const a = path.join(dir, 'a');
    assert.equal((await stoppedAt(a, 2)).result, 130);
    const checkpoint = path.join(a, 'checkpoint.json');
    const cp = JSON.parse(fs.readFileSync(checkpoint, 'utf8'));
    for (const [text, why] of [
      ['', /it is empty/],
      ['hello', /not valid JSON .*cut short, or not a checkpoint/],
      [JSON.stringify(cp).slice(0, 1000), /not valid JSON/],
      [JSON.stringify({ ...cp, agents: null }), /damaged: its agents are missing or incomplete/],
      [JSON.stringify({ ...cp, completed: -3 }), /damaged: round -3 is not a round of the run/],
      [JSON.stringify({ format: 'other' }), /not a society checkpoint/],
    ] as const) {
      fs.writeFileSync(checkpoint, text);
      const r = await quietly(() => runCommand.run([EXAMPLE, '--out', a, '--resume']));
      assert.equal(r.result, 1, `${text.slice(0, 20)}: ${r.errors}`);
      assert.match(r.errors, new RegExp(`^society run: cannot resume from \\S*checkpoint\\.json: ${why.source}`, 'm'));
    }
    fs.rmSync(checkpoint);
    fs.mkdirSync(checkpoint);
    const folder = await quietly(() => runCommand.run([EXAMPLE, '--out', a, '--resume']));
    assert.equal(folder.result, 1);
    assert.match(folder.errors, /cannot resume from \S*checkpoint\.json: it is a folder/);
  });

  it('keeps an unfinished run from a fresh run into its folder, unless told to --overwrite', async () => {
    const a = path.join(dir, 'a');
    assert.equal((await stoppedAt(a, 4)).result, 130);
    const before = fs.readFileSync(path.join(a, 'trace.jsonl'));
    const fresh = await quietly(() => runCommand.run([EXAMPLE, '--rounds', '3', '--out', a]));
    assert.equal(fresh.result, 1);
    const completed = JSON.parse(fs.readFileSync(path.join(a, 'checkpoint.json'), 'utf8')).completed as number;
    assert.match(
      fresh.errors,
      new RegExp(
        `holds an unfinished run \\(round ${completed} of 30\\); continue it with --resume, start it over with --overwrite, or choose another --out`,
      ),
    );
    assert.deepEqual(fs.readFileSync(path.join(a, 'trace.jsonl')), before, 'the unfinished run is kept');
    const over = await quietly(() => runCommand.run([EXAMPLE, '--rounds', '3', '--out', a, '--overwrite']));
    assert.equal(over.result, 0, over.errors);
    assert.equal(readTrace(fs.readFileSync(path.join(a, 'trace.jsonl'), 'utf8')).lastRound, 3);
    // A finished run is kept too: replaced only with --overwrite.
    const again = await quietly(() => runCommand.run([EXAMPLE, '--rounds', '3', '--out', a]));
    assert.equal(again.result, 1);
    assert.match(again.errors, /holds a finished run/);
    assert.equal(
      (await quietly(() => runCommand.run([EXAMPLE, '--rounds', '3', '--out', a, '--overwrite']))).result,
      0,
    );
    const both = await quietly(() => runCommand.run([EXAMPLE, '--out', a, '--resume', '--overwrite']));
    assert.equal(both.result, 2);
  });

  it('stops at once on SIGTERM with a valid trace and the resume hint; --resume finishes it byte-identically', async () => {
    const whole = path.join(dir, 'whole'),
      cut = path.join(dir, 'cut');
    assert.equal((await quietly(() => runCommand.run([EXAMPLE, '--rounds', '30', '--out', whole]))).result, 0);
    const stopped = await stoppedAt(cut, 5, [], ['SIGTERM']);
    assert.equal(stopped.result, 143, stopped.errors);
    assert.match(
      stopped.errors,
      /^stopped by SIGTERM: \S*trace\.jsonl ends after round \d+.*; continue with: society run .* --resume$/m,
    );
    const read = readTrace(fs.readFileSync(path.join(cut, 'trace.jsonl'), 'utf8'));
    assert.deepEqual(read.errors, []);
    const resumed = await quietly(() => runCommand.run([EXAMPLE, '--out', cut, '--resume']));
    assert.equal(resumed.result, 0, resumed.errors);
    assert.equal(
      fs.readFileSync(path.join(cut, 'trace.jsonl'), 'utf8'),
      fs.readFileSync(path.join(whole, 'trace.jsonl'), 'utf8'),
    );
  });

  it('says when the checkpoint is behind the trace a stop left (QA: rounds were redone unannounced)', async () => {
    const cut = path.join(dir, 'cut');
    // Stopped at once after round 7 (SIGTERM, as a second Ctrl-C would): the checkpoint is round 5's.
    const stopped = await stoppedAt(cut, 7, ['--checkpoint-every', '5'], ['SIGTERM']);
    assert.equal(stopped.result, 143, stopped.errors);
    const ended = readTrace(fs.readFileSync(path.join(cut, 'trace.jsonl'), 'utf8')).lastRound;
    const cp = JSON.parse(fs.readFileSync(path.join(cut, 'checkpoint.json'), 'utf8'));
    assert.ok(cp.completed < ended, `checkpoint ${cp.completed}, trace ${ended}`);
    assert.match(
      stopped.errors,
      new RegExp(
        `ends after round ${ended} \\(its checkpoint is at round ${cp.completed}: --resume cuts it back and redoes round`,
      ),
    );
  });

  it('writes the same trace from any working directory', async () => {
    const out = path.join(dir, 'out');
    const here = process.cwd();
    const traces: string[] = [];
    try {
      for (const cwd of [path.dirname(EXAMPLE), os.tmpdir()]) {
        process.chdir(cwd);
        assert.equal(
          (await quietly(() => runCommand.run([EXAMPLE, '--rounds', '2', '--out', out, '--overwrite']))).result,
          0,
        );
        traces.push(fs.readFileSync(path.join(out, 'trace.jsonl'), 'utf8'));
      }
    } finally {
      process.chdir(here);
    }
    assert.equal(traces[0], traces[1]);
    const header = JSON.parse(traces[0].split('\n')[0]);
    assert.equal(path.resolve(out, header.scenario.file), EXAMPLE, 'the header names the scenario from the run folder');
  });
});
