// `society run --play AGENT`: a scripted participant over JSON lines (in-process streams, and a
// spawned CLI run on the friends example) takes the agent's decisions; the trace marks them, the
// answers go to human.jsonl, and `--replay` (or `--answers`) reproduces the trace byte for byte.
// A participant who does not answer in time, or whose input ends, gets the declared policy.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import * as readline from 'node:readline';
import { scratchDir } from '../../support/scratch';
import { loadScenarioFile } from '../../../src/core/format/project/load';
import { Simulation } from '../../../src/core/engine/kernel/simulation';
import { offlineOnlyFactory } from '../../../src/core/engine';
import { ANSWERS_FILE, readAnswers, type PlayQuestion } from '../../../src/core/llm/human';
import { playSetup } from '../../../src/cli/play/playSetup';
import { questionText } from '../../../src/cli/play/ttyPort';
import { answerFor } from '../play/scriptedPlayer';

const repo = path.resolve(__dirname, '../../..');
const bin = path.join(repo, 'bin/society.js');
const friends = path.join(repo, 'examples/friends/friends.society');
const AGENT = 'maya_chen';

/** `society run` with a participant script answering each question line on its standard input. */
function playedRun(args: string[], cwd: string, answer: (q: PlayQuestion) => unknown | undefined) {
  return new Promise<{ status: number | null; stdout: string; stderr: string; asked: PlayQuestion[] }>((resolve) => {
    const child = spawn(process.execPath, [bin, 'run', friends, ...args], { cwd });
    const asked: PlayQuestion[] = [];
    let stdout = '',
      stderr = '';
    child.stderr.on('data', (d) => (stderr += String(d)));
    readline.createInterface({ input: child.stdout }).on('line', (line) => {
      stdout += `${line}\n`;
      if (!line.startsWith('{"type":"question"')) return;
      const q = JSON.parse(line) as PlayQuestion;
      asked.push(q);
      const a = answer(q);
      if (a !== undefined) child.stdin.write(`${JSON.stringify({ id: q.id, ...(a as object) })}\n`);
    });
    child.on('close', (status) => resolve({ status, stdout, stderr, asked }));
  });
}

const society = (args: string[], cwd: string) =>
  spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', timeout: 60_000 });

describe('society run --play', function () {
  it('a scripted participant plays maya_chen for 3 rounds; --replay gives the same trace byte for byte', async () => {
    const dir = scratchDir('society-play-');
    const run = await playedRun(['--rounds', '3', '--play', AGENT, '--out', 'played', '-q'], dir, answerFor);
    assert.equal(run.status, 0, run.stderr);
    const kinds = new Set(run.asked.map((q) => q.kind));
    assert.deepEqual([...kinds].sort(), ['choose_partner', 'evaluate', 'speak']);
    assert.ok(run.asked.every((q) => q.agent === AGENT && q.context.situation.length > 0 && q.seconds! > 0));
    const trace = fs.readFileSync(path.join(dir, 'played/trace.jsonl'), 'utf8');
    const human = trace.split('\n').filter((l) => l.includes('"by":"human"'));
    assert.ok(human.length >= run.asked.length, `${human.length} marked events`);
    assert.ok(human.some((l) => l.includes('"type":"evaluation"') && l.includes('"rating":0.7')));
    assert.ok(human.some((l) => l.includes('"type":"encounter"')));
    const record = readAnswers(fs.readFileSync(path.join(dir, 'played', ANSWERS_FILE), 'utf8'));
    assert.ok(typeof record !== 'string');
    assert.equal(record.header.agent, AGENT);
    assert.equal(record.records.length, new Set(run.asked.map((q) => q.key)).size);

    // The replay asks nobody: standard input is closed at once.
    const replay = society(['run', friends, '--rounds', '3', '--replay', '--out', 'played', '--overwrite', '-q'], dir);
    assert.equal(replay.status, 0, replay.stderr);
    assert.equal(fs.readFileSync(path.join(dir, 'played/trace.jsonl'), 'utf8'), trace);
    const answers = path.join('played', ANSWERS_FILE);
    const again = society(['run', friends, '--rounds', '3', '--answers', answers, '--out', 'again', '-q'], dir);
    assert.equal(again.status, 0, again.stderr);
    assert.equal(fs.readFileSync(path.join(dir, 'again/trace.jsonl'), 'utf8'), trace);
  });

  it('a participant who does not answer gets --play-fallback, said on stdout, recorded and replayed', async () => {
    const dir = scratchDir('society-play-timeout-');
    // Answers the first question only, then walks away (its input stays open). Whether that one
    // answer beats the timeout depends on how busy the machine is: a run where it came too late
    // (every question timed out) is done again with a longer timeout, until the answer is in.
    const timeoutNotes = (r: { stdout: string }) =>
      r.stdout.split('\n').filter((l) => l.startsWith('{"type":"timeout"'));
    let run: Awaited<ReturnType<typeof playedRun>> | undefined;
    for (const seconds of ['0.05', '0.5', '5']) {
      let first = true;
      run = await playedRun(
        ['--rounds', '1', '--play', AGENT, '--play-timeout', seconds, '--play-fallback', 'offline', '--out', 'o', '-q'],
        dir,
        (q) => (first ? ((first = false), answerFor(q)) : undefined),
      );
      assert.equal(run.status, 0, run.stderr);
      if (timeoutNotes(run).length < run.asked.length) break;
      fs.rmSync(path.join(dir, 'o'), { recursive: true, force: true });
    }
    const notes = timeoutNotes(run!);
    assert.equal(notes.length, run!.asked.length - 1, 'every question but the one answered timed out');
    assert.ok(notes.every((l) => JSON.parse(l).policy === 'offline'));
    const trace = fs.readFileSync(path.join(dir, 'o/trace.jsonl'), 'utf8');
    assert.ok(trace.includes('"by":"timeout:offline"') && trace.includes('"by":"human"'));
    const replay = society(['run', friends, '--rounds', '1', '--replay', '--out', 'o', '--overwrite', '-q'], dir);
    assert.equal(replay.status, 0, replay.stderr);
    assert.equal(fs.readFileSync(path.join(dir, 'o/trace.jsonl'), 'utf8'), trace);
  });

  it('an input that ends is a participant gone: every question gets the policy (skip)', () => {
    const dir = scratchDir('society-play-eof-');
    const r = society(
      ['run', friends, '--rounds', '1', '--play', AGENT, '--play-fallback', 'skip', '--out', 'o', '-q'],
      dir,
    );
    assert.equal(r.status, 0, r.stderr);
    const trace = fs.readFileSync(path.join(dir, 'o/trace.jsonl'), 'utf8');
    assert.ok(!trace.includes('"by":'));
    assert.match(trace, /"handling":"skipped","reason":"participant_timeout"/);
  });

  it('says what is wrong with --play and its options, before anything is written', () => {
    const dir = scratchDir('society-play-bad-');
    const cases: [string[], RegExp][] = [
      [['--play', 'maya'], /--play: no agent 'maya' in Learning to make friends \(agents: aroha_walker/],
      [['--play', AGENT, '--play-timeout', 'soon'], /--play-timeout must be seconds ≥ 0/],
      [['--play', AGENT, '--play-fallback', 'coin'], /--play-fallback must be one of model, offline, skip/],
      [['--play', AGENT, '--play-kinds', 'speak,advise'], /--play-kinds takes some of choose_partner/],
    ];
    for (const [args, said] of cases) {
      const r = society(['run', friends, '--rounds', '1', '--out', 'o', '-q', ...args], dir);
      assert.equal(r.status, 2, args.join(' '));
      assert.match(r.stderr, said);
    }
    assert.equal(fs.existsSync(path.join(dir, 'o/trace.jsonl')), false);
  });

  it('in-process streams: questions out, answers in, and the terminal text of a question', async () => {
    const { scenario } = await loadScenarioFile(friends, { root: repo });
    const sc = { ...scenario!, world: { ...scenario!.world, rounds: 1 } };
    const dir = scratchDir('society-play-streams-');
    const input = new PassThrough(),
      output = new PassThrough();
    const asked: PlayQuestion[] = [];
    readline.createInterface({ input: output }).on('line', (line) => {
      const q = JSON.parse(line) as PlayQuestion;
      if (q.type !== 'question') return;
      asked.push(q);
      // A stale answer first (another question's id): passed over.
      input.write(`${JSON.stringify({ id: q.id + 1000, text: 'stale' })}\n`);
      input.write(`${JSON.stringify({ id: q.id, ...(answerFor(q) as object) })}\n`);
    });
    const play = playSetup(
      { play: AGENT, 'play-timeout': '0' },
      sc,
      dir,
      { rounds: 1, seed: sc.seed },
      {
        input,
        output,
        errors: new PassThrough(),
      },
    );
    assert.ok(play && typeof play === 'object');
    const sim = Simulation.create(sc, { modelFactory: play.session.wrap(offlineOnlyFactory) });
    const said: string[] = [];
    sim.on((e) => e.type === 'message' && e.from === AGENT && said.push(e.text));
    assert.equal((await sim.run()).status, 'completed');
    play.close();
    assert.ok(asked.length > 0 && asked.every((q) => q.seconds === undefined), 'no time limit');
    assert.ok(said.length > 0 && said.every((t) => t.startsWith('Hello from a person')));

    const choose = asked.find((q) => q.kind === 'choose_partner')!;
    const text = questionText(choose);
    assert.match(text, /── round 1 · you are Maya Chen \(maya_chen\) · whom to meet ──/);
    assert.match(text, /\n {2}1\) .+ \(\w+\) — /);
  });
});
