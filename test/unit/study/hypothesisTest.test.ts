// A hypothesis tested on runs: the per-seed effect (a contrast, and a contrast of contrasts), its
// paired t-interval at the plan's level, the sign test where no seed differs, Holm across the
// hypotheses, and the verdicts against the expected sign and the smallest effect of interest.
import * as assert from 'node:assert/strict';
import { holmAcross, seedEffects, testHypothesis } from '../../../src/core/study/hypothesisTest';
import type { StudyHypothesis } from '../../../src/core/format';
import type { RunOutcome } from '../../../src/core/experiment';
import { studentTQuantile } from '../../../src/core/stats/distributions';

function run(condition: string, seed: number, value: number | null): RunOutcome {
  return {
    condition,
    seed,
    metrics: { m: value },
    baseline: {},
    rounds: [],
    usage: { calls: 0, input_tokens: 0, output_tokens: 0, cost_usd: 0 },
    faults: { failed_calls: 0, no_model_answer: false },
    wall_ms: 0,
  };
}

const h = (over: Partial<StudyHypothesis> = {}): StudyHypothesis => ({
  id: 'h',
  text: 'h',
  metric: 'm',
  effect: { of: ['A', 'B'] },
  expect: 'higher',
  smallest_effect: 0.5,
  ...over,
});

describe('study hypotheses', () => {
  it('pairs by seed and gives the t-interval at the plan level', () => {
    const a = [3, 5, 4, 6],
      b = [1, 2, 2, 2];
    const runs = [...a.map((v, i) => run('A', i + 1, v)), ...b.map((v, i) => run('B', i + 1, v))];
    const t = testHypothesis(h(), runs, 0.05 / 3);
    const d = a.map((v, i) => v - b[i]);
    const mean = d.reduce((s, x) => s + x, 0) / d.length;
    const sd = Math.sqrt(d.reduce((s, x) => s + (x - mean) ** 2, 0) / (d.length - 1));
    const half = (studentTQuantile(1 - 0.05 / 6, 3) * sd) / 2;
    assert.equal(t.test, 'paired t');
    assert.equal(t.n, 4);
    assert.ok(Math.abs(t.effect! - mean) < 1e-12);
    assert.ok(Math.abs(t.ci![0] - (mean - half)) < 1e-9 && Math.abs(t.ci![1] - (mean + half)) < 1e-9);
    assert.ok(Math.abs(t.level - (1 - 0.05 / 3)) < 1e-12);
    assert.equal(t.verdict, 'supported');
  });

  it('computes a contrast of contrasts per seed: (A − B) − (C − D)', () => {
    const runs = [
      run('A', 1, 10),
      run('B', 1, 4),
      run('C', 1, 7),
      run('D', 1, 5),
      run('A', 2, 9),
      run('B', 2, 3),
      run('C', 2, 8),
      run('D', 2, 5),
    ];
    const e = seedEffects(h({ effect: { of: ['A', 'B'], minus: ['C', 'D'] } }), runs);
    assert.deepEqual(e, [
      { seed: 1, effect: 6 - 2 },
      { seed: 2, effect: 6 - 3 },
    ]);
  });

  it('leaves out a seed that lacks a condition the effect reads', () => {
    const runs = [run('A', 1, 2), run('B', 1, 1), run('A', 2, 5), run('B', 2, null), run('A', 3, 4), run('B', 3, 1)];
    assert.deepEqual(
      seedEffects(h(), runs).map((s) => s.seed),
      [1, 3],
    );
  });

  it('decides by a sign test when every seed gives the same effect, and says so', () => {
    const runs = [1, 2, 3, 4, 5, 6].flatMap((s) => [run('A', s, 3), run('B', s, 1)]);
    const t = testHypothesis(h(), runs, 0.05);
    assert.equal(t.test, 'sign test');
    assert.equal(t.p, 2 * 0.5 ** 6);
    assert.equal(t.verdict, 'supported');
    assert.match(t.note ?? '', /sign test/);
    // Too few seeds for the sign test to decide at this level.
    const few = testHypothesis(h(), runs.slice(0, 8), 0.05);
    assert.equal(few.verdict, 'inconclusive');
  });

  it('calls an effect the other way contradicted, a tight one around 0 negligible, one seed untested', () => {
    const down = [1, 2, 3, 4].flatMap((s) => [run('A', s, 1 + s * 0.01), run('B', s, 5)]);
    assert.equal(testHypothesis(h(), down, 0.05).verdict, 'contradicted');
    const flat = [1, 2, 3, 4, 5, 6].flatMap((s) => [run('A', s, 5 + (s % 2 ? 0.01 : -0.01)), run('B', s, 5)]);
    assert.equal(testHypothesis(h(), flat, 0.05).verdict, 'negligible');
    assert.equal(testHypothesis(h(), [run('A', 1, 2), run('B', 1, 1)], 0.05).verdict, 'untested');
  });

  it('Holm across the hypotheses demotes a verdict whose adjusted p is not below α', () => {
    const strong = [1, 2, 3, 4, 5].flatMap((s) => [run('A', s, 10 + s * 0.1), run('B', s, 1)]);
    const weak = [1, 2, 3, 4, 5].flatMap((s) => [run('A', s, [1.2, 0.2, 1.5, 0.1, 1.0][s - 1]), run('B', s, 0)]);
    const tests = [testHypothesis(h(), strong, 0.05), testHypothesis(h(), weak, 0.05), testHypothesis(h(), weak, 0.05)];
    assert.equal(tests[1].verdict, 'supported');
    holmAcross(tests, 0.05);
    assert.equal(tests[0].verdict, 'supported');
    assert.ok(tests[1].p_holm! >= 0.05);
    assert.equal(tests[1].verdict, 'inconclusive');
    assert.match(tests[1].note ?? '', /Holm/);
  });
});
