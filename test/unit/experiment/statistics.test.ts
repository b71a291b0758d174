import * as assert from 'node:assert/strict';
import {
  contrast,
  estimate,
  noSpread,
  seedContrast,
  separationP,
  signP,
  twoSidedP,
} from '../../../src/core/experiment/statistics';

describe('experiment statistics', () => {
  it('a p far in the tail keeps its digits (SciPy 2·t.sf), not 1 − cdf rounded to 0', () => {
    // python3 -c "from scipy import stats; print(2*stats.t.sf(30, 58), 2*stats.t.sf(12, 10))"
    const close = (p: number | null, want: number) =>
      assert.ok(p !== null && Math.abs(p - want) <= 1e-9 * want, `${p} is not ${want}`);
    close(twoSidedP(30, 1, 58), 5.143544268873969e-37);
    close(twoSidedP(-12, 1, 10), 2.921408824769984e-7);
    // An estimate of values far from 0: python3 -c "from scipy import stats; print(stats.ttest_1samp([10.1,9.8,10.3,9.9,10.2,10.0],0).pvalue)"
    close(estimate([10.1, 9.8, 10.3, 9.9, 10.2, 10.0]).p!, 4.808358448231215e-10);
  });

  it('a difference at the scale of floating-point rounding is no difference (paired and Welch)', () => {
    // The same sums added in another order: equal numbers, unequal doubles (0.6000000000000001 vs 0.6).
    const parts = [
      [0.1, 0.2, 0.3],
      [0.7, 0.1, 0.2],
      [0.3, 0.6, 0.1],
      [0.1, 0.7, 0.3],
      [0.2, 0.4, 0.1],
      [0.5, 0.2, 0.7],
    ];
    const forward = new Map(parts.map((p, i) => [i + 1, p[0] + p[1] + p[2]]));
    const backward = new Map(parts.map((p, i) => [i + 1, p[2] + p[1] + p[0]]));
    assert.ok(
      [...forward].some(([seed, v]) => v !== backward.get(seed)),
      'the doubles differ',
    );
    const paired = seedContrast(forward, backward);
    assert.equal(paired.difference, 0);
    assert.equal(paired.p, null);
    const welch = contrast([...forward.values()], [...backward.values()]);
    assert.equal(welch.difference, 0);
    assert.equal(noSpread([0.6000000000000001, 0.6], 1e-9), true);
  });

  it('gives the mean and a Student-t 95% interval', () => {
    const e = estimate([1, 2, 3, 4, 5]);
    assert.equal(e.n, 5);
    assert.equal(e.mean, 3);
    assert.ok(Math.abs(e.sd! - Math.sqrt(2.5)) < 1e-12);
    const half = (2.7764451051977987 * Math.sqrt(2.5)) / Math.sqrt(5); // t(0.975, 4)
    assert.ok(Math.abs(e.ci95![0] - (3 - half)) < 1e-9 && Math.abs(e.ci95![1] - (3 + half)) < 1e-9);
  });

  it('ignores undefined values and has no interval for one value', () => {
    assert.deepEqual(estimate([null, 2, null]), { n: 1, mean: 2, sd: null, ci95: null });
    assert.deepEqual(estimate([]), { n: 0, mean: null, sd: null, ci95: null });
  });

  it('contrasts two groups with Welch intervals and Hedges g', () => {
    const a = [1, 2, 3, 4, 5],
      b = [3, 4, 5, 6, 7];
    const c = contrast(a, b);
    assert.equal(c.difference, 2);
    // Equal variances and sizes: pooled sd = sqrt(2.5); d = 2 / sqrt(2.5); g = d * (1 - 3 / (4*10 - 9)).
    assert.ok(Math.abs(c.hedges_g! - (2 / Math.sqrt(2.5)) * (1 - 3 / 31)) < 1e-12);
    // Welch df = 8 here; t(0.975, 8) = 2.306004135204166; se = sqrt(2.5/5 + 2.5/5) = 1.
    assert.ok(Math.abs(c.ci95![0] - (2 - 2.306004135204166)) < 1e-9);
    assert.ok(Math.abs(c.ci95![1] - (2 + 2.306004135204166)) < 1e-9);
  });

  it('has no effect size when neither group varies', () => {
    const c = contrast([1, 1, 1], [2, 2, 2]);
    assert.equal(c.difference, 1);
    assert.equal(c.hedges_g, null);
    assert.deepEqual(c.ci95, [1, 1]);
  });

  it('gives identical values no spread, though their floating-point mean is not exact', () => {
    // 0.1 + 0.1 + 0.1 = 0.30000000000000004: simple-statistics gives a variance of ≈ 1e-34 here.
    const e = estimate([0.1, 0.1, 0.1]);
    assert.equal(e.sd, 0);
    assert.equal(e.ci95![0], e.ci95![1]);
    assert.equal(contrast([0.1, 0.1, 0.1], [0.2, 0.2, 0.2]).hedges_g, null);
    assert.ok(noSpread([2, 2, 2]) && noSpread([]) && !noSpread([2, 2, 3]));
  });

  it('has exact one-sided p-values for groups that do not vary', () => {
    // 1 / C(na + nb, na): the observed split is one of that many equally likely relabellings.
    assert.equal(separationP(2, 2), 1 / 6);
    assert.equal(separationP(3, 3), 1 / 20);
    assert.ok(Math.abs(separationP(4, 4) - 1 / 70) < 1e-15);
    assert.ok(Math.abs(separationP(5, 5) - 1 / 252) < 1e-15);
    assert.ok(Math.abs(separationP(2, 5) - 1 / 21) < 1e-15);
    assert.equal(separationP(5, 2), separationP(2, 5));
    assert.equal(signP(5), 1 / 32);
    assert.equal(signP(6), 1 / 64);
  });
});
