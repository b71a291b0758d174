// A cancelled experiment (QA: Ctrl-C printed only "cancelled"; no summary, runs.csv or
// experiment.json, and traces/ mixed whole and cut-off traces with nothing to tell them apart):
// the finished runs are reported, marked partial, and every trace left under traces/ is a whole run.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadScenarioFile } from '../../../src/core/format/project/load';
import type { Scenario } from '../../../src/core/format/model/model';
import {
  analyzeExperiment,
  ExperimentCancelled,
  formatExperiment,
  renderExperimentHtml,
  runExperiment,
  type ExperimentOptions,
} from '../../../src/core/experiment';
import { planExperiment, startOrder } from '../../../src/core/experiment/plan';
import { readTrace } from '../../../src/core/trace/reader';
import { experimentCommand } from '../../../src/cli/commands/experiment';
import { SIGINT_REPEAT_MS } from '../../../src/cli/interruptPresses';
import { quietly } from '../../support/quietly';
import { outcome } from './fixtures';

const repo = path.resolve(__dirname, '../../..');
const EXAMPLE = path.join(repo, 'examples/friends/friends.society');

async function friends(): Promise<Scenario> {
  const { scenario } = await loadScenarioFile(EXAMPLE, { root: repo });
  assert.ok(scenario);
  return scenario;
}

/** Runs the experiment, which must be cancelled; gives what it reported. */
async function cancelled(scenario: Scenario, options: ExperimentOptions): Promise<ExperimentCancelled> {
  try {
    await runExperiment(scenario, options);
  } catch (err) {
    if (err instanceof ExperimentCancelled) return err;
    throw err;
  }
  assert.fail('the experiment finished every run: it was not cancelled');
}

const read = (dir: string, file: string): string => fs.readFileSync(path.join(dir, file), 'utf8');
const traceNames = (dir: string): string[] => fs.readdirSync(path.join(dir, 'traces')).sort();

/** The files say `finished` of `planned` runs, and traces/ holds exactly the finished runs' traces, each whole. */
function assertPartialFiles(dir: string, err: ExperimentCancelled, planned: number, finished: number): void {
  assert.deepEqual(err.run.partial, { planned, finished });
  assert.equal(err.run.result.runs.length, finished);
  const json = JSON.parse(read(dir, 'experiment.json'));
  assert.deepEqual(
    [json.partial, json.runs_planned, json.runs_finished, json.runs.length],
    [true, planned, finished, finished],
  );
  assert.equal(read(dir, 'runs.csv').trim().split('\n').length, 1 + finished);
  const html = read(dir, 'experiment.html');
  assert.ok(
    html.includes(`partial: ${finished} of ${planned} runs finished (cancelled)`),
    'the page says it is partial',
  );
  assert.match(html, /<title>[^<]* \(partial\)<\/title>/);
  const names = err.run.result.runs.map((r) => `${r.condition}-seed${r.seed}.jsonl`).sort();
  assert.deepEqual(traceNames(dir), names, 'only the finished runs left traces');
  for (const name of names) {
    assert.equal(readTrace(read(dir, path.join('traces', name))).complete, true, `${name} is a whole run`);
  }
}

describe('a cancelled experiment', function () {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'exp-cancel-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('stopped at once on worker threads, writes its files for the finished runs, marked partial, and no cut-off trace', async () => {
    const stop = new AbortController();
    const err = await cancelled(await friends(), {
      outDir: dir,
      seeds: [1, 2, 3, 4, 5, 6],
      rounds: 4,
      jobs: 2,
      signal: stop.signal,
      onProgress: (p) => {
        if (p.done >= 2) stop.abort();
      },
    });
    const finished = err.run.result.runs.length;
    assert.ok(finished >= 2 && finished < 12, `${finished} runs finished`);
    assertPartialFiles(dir, err, 12, finished);
  });

  it('stopped at once in this thread, cuts off the run under way and deletes its trace', async () => {
    const stop = new AbortController();
    // The second run is stopped in its second round.
    const err = await cancelled(await friends(), {
      outDir: dir,
      seeds: [1, 2],
      rounds: 4,
      jobs: 1,
      signal: stop.signal,
      onProgress: (p) => {
        if (p.roundsDone === 6) stop.abort();
      },
    });
    assertPartialFiles(dir, err, 4, 1);
    assert.deepEqual(traceNames(dir), ['uncoached-seed1.jsonl']);
  });

  it('asked to start no more runs, finishes the runs under way and starts none', async () => {
    const s = await friends();
    // Worker threads: each of the two has its first run when the first round ends anywhere.
    const stopStarting = new AbortController();
    const pooled = await cancelled(s, {
      outDir: dir,
      seeds: [1, 2, 3],
      rounds: 4,
      jobs: 2,
      stopStarting: stopStarting.signal,
      onProgress: () => stopStarting.abort(),
    });
    assertPartialFiles(dir, pooled, 6, 2);
    // Runs start seed by seed, each condition in turn (QA: they started condition by condition, so a
    // stopped experiment had only uncoached runs and could not test the coaching claims at all).
    assert.deepEqual(
      pooled.run.result.runs.map((r) => `${r.condition}/${r.seed}`),
      ['uncoached/1', 'coached/1'],
    );
    assert.deepEqual(
      pooled.run.result.claims.filter((c) => c.text.startsWith('Coaching')).map((c) => [c.holds !== null, c.reason]),
      [
        [true, 'no CI with 1 seed'],
        [true, 'no CI with 1 seed'],
      ],
    );
    // This thread: the one run under way.
    const stopHere = new AbortController();
    const here = await cancelled(s, {
      outDir: dir,
      seeds: [1, 2, 3],
      rounds: 4,
      jobs: 1,
      stopStarting: stopHere.signal,
      onProgress: () => stopHere.abort(),
    });
    assertPartialFiles(dir, here, 6, 1);
  });

  it('analyses a condition without a finished run, and an experiment without any, without crashing', async () => {
    const s = await friends();
    const stop = new AbortController();
    const one = await cancelled(s, {
      outDir: dir,
      seeds: [1, 2],
      rounds: 3,
      jobs: 1,
      signal: stop.signal,
      onProgress: (p) => {
        if (p.done === 1) stop.abort();
      },
    });
    const r = one.run.result;
    assert.deepEqual(r.summaries.find((x) => x.metric === 'density')!.byCondition.coached, {
      n: 0,
      mean: null,
      sd: null,
      ci95: null,
    });
    const density = r.claims.find((c) => c.text === 'Coaching raises density')!;
    assert.equal(density.holds, null, 'not testable without a coached run');
    assert.equal(density.reason, 'no run of coached finished');
    assert.ok(formatExperiment(r));
    assert.match(read(dir, 'summary.csv'), /^density,coached,0,/m);
    // Stopped before anything ran: an empty report, still marked partial; the earlier experiment's traces go with its report.
    const none = await cancelled(s, { outDir: dir, seeds: [1, 2], rounds: 3, jobs: 1, signal: AbortSignal.abort() });
    assertPartialFiles(dir, none, 4, 0);
    assert.deepEqual(
      none.run.result.claims.map((c) => c.holds),
      none.run.result.claims.map(() => null),
    );
  });

  it('names a trace .jsonl only once its run has finished', async () => {
    const seen: { done: number; names: string[] }[] = [];
    await runExperiment(await friends(), {
      outDir: dir,
      seeds: [1, 2],
      rounds: 3,
      jobs: 1,
      onProgress: (p) => {
        seen.push({ done: p.done, names: traceNames(dir) });
      },
    });
    for (const { done, names } of seen) {
      assert.equal(names.filter((n) => n.endsWith('.jsonl')).length, done, `${names}`);
      assert.ok(names.filter((n) => n.endsWith('.jsonl.part')).length <= 1, `${names}`);
    }
    assert.deepEqual(traceNames(dir), [
      'coached-seed1.jsonl',
      'coached-seed2.jsonl',
      'uncoached-seed1.jsonl',
      'uncoached-seed2.jsonl',
    ]);
    assert.deepEqual(JSON.parse(read(dir, 'experiment.json')).partial, false);
  });

  it("marks the page's own title and puts the note under its heading; a whole experiment's page has neither", () => {
    const r = analyzeExperiment(
      'S',
      [
        { name: 'a', set: {} },
        { name: 'b', set: {} },
      ],
      [1, 2],
      [outcome('a', 1), outcome('a', 2)],
    );
    const html = renderExperimentHtml(r, {
      model: 'offline',
      rounds: 3,
      wallSeconds: 1,
      partial: { planned: 4, finished: 2 },
    });
    assert.match(html, /<title>S — experiment \(partial\)<\/title>/);
    assert.equal(html.match(/\(partial\)<\/title>/g)!.length, 1, "the charts' <title>s are untouched");
    assert.match(
      html,
      /<\/h1>\n<p class="note" role="alert"><strong>partial: 2 of 4 runs finished \(cancelled\)<\/strong>/,
    );
    assert.doesNotMatch(renderExperimentHtml(r, { model: 'offline', rounds: 3, wallSeconds: 1 }), /partial/);
  });
});

describe('society experiment: Ctrl-C, SIGTERM', function () {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'exp-sigint-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  /** Runs the command and sends `signals`, `gapMs` apart, once `ready` holds of traces/; `sinceSent`: ms since the last went. */
  async function interrupted(
    args: string[],
    signals: NodeJS.Signals[],
    ready: (names: string[]) => boolean,
    gapMs = 0,
  ) {
    let sent = 0;
    const poll = setInterval(() => {
      const traces = path.join(dir, 'traces');
      if (!fs.existsSync(traces) || !ready(fs.readdirSync(traces))) return;
      clearInterval(poll);
      signals.forEach((s, i) =>
        setTimeout(() => {
          process.emit(s as 'SIGINT');
          sent = performance.now();
        }, i * gapMs),
      );
    }, 5);
    try {
      const r = await quietly(() => experimentCommand.run([EXAMPLE, '--out', dir, '--jobs', '2', ...args]));
      return { ...r, sinceSent: performance.now() - sent };
    } finally {
      clearInterval(poll);
    }
  }
  const aRunFinished = (names: string[]): boolean => names.some((n) => n.endsWith('.jsonl'));
  const runsUnderWay = (names: string[]): boolean => names.filter((n) => n.endsWith('.part')).length === 2;

  it('says it ran one worker per run when asked for more workers than runs (QA: "on 1000 workers")', async () => {
    const { result, out, errors } = await quietly(() =>
      experimentCommand.run([EXAMPLE, '--out', dir, '--jobs', '1000', '--seeds', '1', '--rounds', '2']),
    );
    assert.equal(result, 0, errors);
    assert.match(out, /^Learning to make friends: 2 runs \(2 conditions × 1 seed\) in [0-9.]+ s on 2 workers$/m);
    assert.match(errors, /^note: ran on 2 workers, not 1000: one per run$/m);
  });

  it('Ctrl-C once: the runs under way finish, the report is written, marked partial, exit 130', async () => {
    const { result, out, errors } = await interrupted(
      ['--seeds', '1,2,3,4,5,6,7,8', '--rounds', '6'],
      ['SIGINT'],
      aRunFinished,
    );
    assert.equal(result, 130, errors);
    const json = JSON.parse(read(dir, 'experiment.json'));
    assert.equal(json.partial, true);
    assert.match(
      out,
      new RegExp(`^Learning to make friends: ${json.runs_finished} of 16 runs \\(2 conditions × 8 seeds\\)`, 'm'),
    );
    assert.match(out, /^report: /m);
    assert.match(errors, new RegExp(`^partial: ${json.runs_finished} of 16 runs finished \\(cancelled\\)`, 'm'));
    assert.ok(
      traceNames(dir).every((n) => n.endsWith('.jsonl')),
      `${traceNames(dir)}`,
    );
    assert.equal(traceNames(dir).length, json.runs_finished);
  });

  it('Ctrl-C twice stops the runs under way at once; SIGTERM too, with exit 143', async () => {
    // Runs far longer than the test waits: only stopping them ends the command in time.
    const long = ['--seeds', '1,2,3', '--rounds', '2000'];
    const twice = await interrupted(long, ['SIGINT', 'SIGINT'], runsUnderWay, SIGINT_REPEAT_MS + 100);
    assert.equal(twice.result, 130, twice.errors);
    assert.ok(twice.sinceSent < 10_000, `stopped ${twice.sinceSent} ms after the second press`);
    assert.match(twice.errors, /^stopping: no more runs start/m);
    assert.match(twice.errors, /^partial: 0 of 6 runs finished \(cancelled\)/m);
    assert.deepEqual(traceNames(dir), []);
    // The same folder holds the partial experiment the first stop wrote: starting over takes --overwrite.
    const term = await interrupted([...long, '--overwrite'], ['SIGTERM'], runsUnderWay);
    assert.equal(term.result, 143, term.errors);
    assert.ok(term.sinceSent < 10_000, `stopped ${term.sinceSent} ms after SIGTERM`);
    assert.match(term.errors, /^stopped by SIGTERM; partial: 0 of 6 runs finished \(cancelled\)/m);
    assert.deepEqual(traceNames(dir), []);
  });
});

describe('the order experiment runs start in', () => {
  it('is seed by seed, every condition in turn, whatever order the runs are listed in', async () => {
    const scenario = await friends();
    const plan = planExperiment(
      {
        ...scenario,
        experiment: {
          ...scenario.experiment!,
          conditions: [
            { name: 'a', set: {} },
            { name: 'b', set: {} },
            { name: 'c', set: {} },
          ],
        },
      },
      { seeds: [7, 3] },
    );
    // Results stay in the plan's order (runs.csv, experiment.json): condition by condition.
    assert.deepEqual(
      plan.runs.map((r) => `${r.condition}${r.seed}`),
      ['a7', 'a3', 'b7', 'b3', 'c7', 'c3'],
    );
    const tasks = plan.runs.map((r) => ({ id: r.index }));
    assert.deepEqual(
      startOrder(plan, tasks).map((t) => `${plan.runs[t.id].condition}${plan.runs[t.id].seed}`),
      ['a7', 'b7', 'c7', 'a3', 'b3', 'c3'],
    );
  });
});
