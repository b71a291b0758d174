import * as assert from 'node:assert/strict';
import { holmAdjust, seedContrast, twoSidedP } from '../../../src/core/experiment/statistics';

const bySeed = (values: (number | null)[]): Map<number, number | null> => new Map(values.map((v, i) => [i + 1, v]));

describe('paired contrasts and Holm correction', () => {
  it('pairs runs by seed: the paired t-interval and p agree with SciPy (ttest_rel)', () => {
    // scipy.stats.ttest_rel([2,4,5,4], [1,2,3,4]): t = 2.6111648393354674, p = 0.0796049808179063;
    // t.interval(0.95, 3, loc=1.25, scale=sem) = (-0.2734801808288123, 2.7734801808288125).
    const c = seedContrast(bySeed([1, 2, 3, 4]), bySeed([2, 4, 5, 4]));
    assert.equal(c.test, 'paired t');
    assert.equal(c.pairs, 4);
    assert.equal(c.difference, 1.25);
    assert.ok(Math.abs(c.p! - 0.0796049808179063) < 1e-9, String(c.p));
    assert.ok(Math.abs(c.ci95![0] - -0.2734801808288123) < 1e-9 && Math.abs(c.ci95![1] - 2.7734801808288125) < 1e-9);
  });

  it("falls back to Welch where a seed lacks a value in one condition, with SciPy's p (ttest_ind, equal_var=False)", () => {
    const c = seedContrast(bySeed([1, 2, 3, 4, 7]), bySeed([2, 4, 5, 4, null]));
    assert.equal(c.test, 'Welch t');
    const welch = seedContrast(
      new Map([
        [1, 1],
        [2, 2],
        [3, 3],
        [4, 4],
      ]),
      new Map([
        [5, 2],
        [6, 4],
        [7, 5],
        [8, 4],
      ]),
    );
    assert.equal(welch.test, 'Welch t');
    // scipy.stats.ttest_ind([2,4,5,4], [1,2,3,4], equal_var=False).pvalue = 0.21487424477194444
    assert.ok(Math.abs(welch.p! - 0.21487424477194444) < 1e-9, String(welch.p));
  });

  it('gives a two-sided p that is symmetric and null without spread', () => {
    assert.ok(Math.abs(twoSidedP(2, 1, 10)! - twoSidedP(-2, 1, 10)!) < 1e-15);
    assert.equal(twoSidedP(1, 0, 5), null);
  });

  it("adjusts by Holm's step-down method (R's p.adjust(method = 'holm'))", () => {
    // p.adjust(c(0.01, 0.04, 0.03, 0.005), 'holm') = 0.03 0.06 0.06 0.02
    const adjusted = holmAdjust([0.01, 0.04, 0.03, 0.005]);
    [0.03, 0.06, 0.06, 0.02].forEach((want, i) =>
      assert.ok(Math.abs(adjusted[i]! - want) < 1e-12, `${i}: ${adjusted[i]}`),
    );
    // Untested claims stay null and do not count in the family; adjusted p never exceeds 1.
    assert.deepEqual(holmAdjust([null, 0.5, 0.6]), [null, 1, 1]);
  });
});
