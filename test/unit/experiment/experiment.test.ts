import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadScenarioFile } from '../../../src/core/format/project/load';
import { analyzeExperiment, runExperiment, withOverrides, type RunOutcome } from '../../../src/core/experiment';
import { applySet, settingsFromScenario } from '../../../src/core/format/schema/settings';
import { runOne } from '../../../src/core/experiment/runOne';

const repo = path.resolve(__dirname, '../../..');

async function friends() {
  const { scenario } = await loadScenarioFile(path.join(repo, 'examples/friends/friends.society'), { root: repo });
  assert.ok(scenario);
  return scenario;
}

describe('experiments', function () {
  it("measures mean_reward as the rounds do: the mean of the reward events' motivation-weighted totals", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'exp-reward-'));
    try {
      const tracePath = path.join(dir, 'trace.jsonl');
      const out = await runOne(await friends(), { name: 'on', set: {} }, 3, { rounds: 4, tracePath });
      const totals = fs
        .readFileSync(tracePath, 'utf8')
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l))
        .filter((e) => e.type === 'reward')
        .map((e) => e.total as number);
      assert.ok(totals.length > 0);
      const mean = totals.reduce((a, b) => a + b, 0) / totals.length;
      assert.ok(Math.abs((out.metrics.mean_reward as number) - mean) < 1e-12, `${out.metrics.mean_reward} vs ${mean}`);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('applies condition overrides to a copy and rejects unknown parameters', async () => {
    const s = await friends();
    const on = withOverrides(s, { 'coaching.enabled': false, 'ties.threshold': 0.5 });
    assert.equal(on.coaching.enabled, false);
    assert.equal(on.ties.threshold, 0.5);
    assert.equal(s.coaching.enabled, true, 'the original is untouched');
    assert.throws(() => withOverrides(s, { 'coaching.enabld': true }), /unknown parameter/);
    assert.throws(() => withOverrides(s, { 'coaching.enabled': 'yes' }), /must be a boolean/);
    // What every object inherits is no parameter, for conditions and timed `set` events alike.
    for (const path of ['world.constructor', 'world.__proto__', 'toString']) {
      assert.throws(() => withOverrides(s, { [path]: 1 }), /unknown parameter/, path);
      assert.deepEqual(applySet(settingsFromScenario(s), { [path]: 1 }), [`unknown setting '${path}'`], path);
    }
  });

  it('refuses, before any run, conditions whose traces would share a file (QA: record +1 and record -1 kept 40 traces of 60)', async () => {
    const s = await friends();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'exp-clash-'));
    try {
      const clashing = {
        ...s,
        experiment: {
          seeds: [1, 2],
          conditions: [
            { name: 'record +1', set: { 'ties.threshold': 0.5 } },
            { name: 'record -1', set: { 'ties.threshold': 0.6 } },
          ],
        },
      };
      for (const jobs of [1, 2]) {
        await assert.rejects(
          runExperiment(clashing, { outDir: dir, seeds: [1, 2], rounds: 2, jobs }),
          /conditions 'record \+1' and 'record -1' would write their runs to one trace file \(traces\/record-1-seed<n>\.jsonl\)/,
        );
        assert.deepEqual(fs.readdirSync(dir), [], 'no run started');
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('runs conditions × seeds in worker threads, identically to one thread, and writes the report files', async () => {
    const s = await friends();
    const dir1 = fs.mkdtempSync(path.join(os.tmpdir(), 'exp-'));
    const dir2 = fs.mkdtempSync(path.join(os.tmpdir(), 'exp-'));
    const parallel = await runExperiment(s, { outDir: dir1, seeds: [1, 2], rounds: 6, jobs: 2 });
    const serial = await runExperiment(s, { outDir: dir2, seeds: [1, 2], rounds: 6, jobs: 1, traces: false });
    const strip = (r: RunOutcome) => ({ ...r, wall_ms: 0 });
    assert.deepEqual(parallel.result.runs.map(strip), serial.result.runs.map(strip));
    assert.deepEqual(
      parallel.result.runs.map((r) => `${r.condition}/${r.seed}`),
      ['uncoached/1', 'uncoached/2', 'coached/1', 'coached/2'],
    );
    for (const f of ['experiment.html', 'summary.csv', 'runs.csv', 'experiment.json']) {
      assert.ok(fs.existsSync(path.join(dir1, f)), f);
    }
    assert.equal(fs.readdirSync(path.join(dir1, 'traces')).length, 4);
    const runs = fs.readFileSync(path.join(dir1, 'runs.csv'), 'utf8').trim().split('\n');
    assert.equal(runs.length, 1 + 4);
    const summary = fs.readFileSync(path.join(dir1, 'summary.csv'), 'utf8').trim().split('\n');
    assert.equal(summary.length, 1 + parallel.result.metrics.length * 2);
    assert.ok(parallel.result.claims.some((c) => c.text === 'Coaching raises density'));
  });

  it('runs each condition for its own world.rounds; an explicit rounds sets every run', async () => {
    // QA: every condition ran the base scenario's length, whatever `world.rounds` it set.
    const s = {
      ...(await friends()),
      experiment: {
        seeds: [1],
        conditions: [
          { name: 'short', set: { 'world.rounds': 2 } },
          { name: 'long', set: { 'world.rounds': 5 } },
        ],
      },
    };
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'exp-rounds-'));
    try {
      const progress: number[] = [];
      await runExperiment(s, { outDir: dir, seeds: [1], jobs: 1, onProgress: (p) => progress.push(p.roundsTotal) });
      const lastRound = (c: string) =>
        fs
          .readFileSync(path.join(dir, 'traces', `${c}-seed1.jsonl`), 'utf8')
          .trim()
          .split('\n')
          .map((l) => JSON.parse(l))
          .filter((e) => e.type === 'round_end')
          .pop().round;
      assert.deepEqual([lastRound('short'), lastRound('long')], [2, 5]);
      assert.equal(progress[0], 7, "progress counts each run's own rounds");
      const json = JSON.parse(fs.readFileSync(path.join(dir, 'experiment.json'), 'utf8'));
      assert.deepEqual([json.rounds, json.rounds_by_condition], [null, { short: 2, long: 5 }]);
      assert.match(
        fs.readFileSync(path.join(dir, 'experiment.html'), 'utf8'),
        /rounds: <bdi>short<\/bdi> 2, <bdi>long<\/bdi> 5;/,
      );
      await runExperiment(s, { outDir: dir, seeds: [1], jobs: 1, rounds: 3 });
      assert.deepEqual([lastRound('short'), lastRound('long')], [3, 3]);
      assert.equal(JSON.parse(fs.readFileSync(path.join(dir, 'experiment.json'), 'utf8')).rounds, 3);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('escapes hostile names in the report and CSV', () => {
    const hostile = '<script>alert(1)</script>';
    const outcome = (condition: string, seed: number, density: number): RunOutcome => ({
      condition,
      seed,
      metrics: {
        density,
        median_undirected_degree: 1,
        reciprocity: 0.5,
        average_clustering: 0.1,
        group_assortativity: 0.2,
      },
      baseline: { reciprocity: 0.1, average_clustering: 0.05, group_assortativity: 0 },
      rounds: [],
      usage: { calls: 0, input_tokens: 0, output_tokens: 0, cost_usd: 0 },
      faults: { failed_calls: 0, no_model_answer: false },
      wall_ms: 1,
    });
    const r = analyzeExperiment(
      hostile,
      [
        { name: 'a, "b"', set: { 'coaching.enabled': false } },
        { name: hostile, set: { 'coaching.enabled': true } },
      ],
      [1, 2],
      [outcome('a, "b"', 1, 0.1), outcome('a, "b"', 2, 0.12), outcome(hostile, 1, 0.2), outcome(hostile, 2, 0.21)],
    );
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { renderExperimentHtml, summaryCsv } = require('../../../src/core/experiment');
    const html: string = renderExperimentHtml(r, { model: 'offline', rounds: 3, wallSeconds: 1 });
    assert.ok(!html.includes('<script>'));
    assert.ok(html.includes('&lt;script&gt;alert(1)&lt;/script&gt;'));
    const csv: string = summaryCsv(r);
    assert.ok(csv.includes('"a, ""b"""'), 'cells with commas and quotes are quoted (RFC 4180)');
    const density = r.claims.find((c) => c.text === 'Coaching raises density')!;
    assert.equal(density.holds, true);
    assert.equal(density.confident, true);
  });
});
