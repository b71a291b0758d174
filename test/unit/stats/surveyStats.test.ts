// Cronbach's α, Pearson, Spearman, Fisher intervals and test–retest against SciPy 1.17 values.
import * as assert from 'node:assert/strict';
import { cronbachAlpha } from '../../../src/core/stats/cronbachAlpha';
import { pearson, ranks, spearman } from '../../../src/core/stats/correlation';
import { testRetest } from '../../../src/core/stats/testRetest';

const close = (a: number | undefined, b: number, eps = 1e-9): void =>
  assert.ok(a !== undefined && Math.abs(a - b) < eps, `${a} ≠ ${b}`);

const X = [
  [4, 5, 4, 3],
  [2, 3, 2, 2],
  [5, 5, 4, 5],
  [3, 2, 3, 3],
  [4, 4, 5, 4],
  [1, 2, 1, 2],
];
const x = [1.2, 2.4, 3.1, 4.8, 5.0, 6.3, 7.7];
const y = [2.0, 1.9, 3.5, 4.1, 6.2, 5.9, 8.4];

describe('survey statistics (against SciPy)', () => {
  it("Cronbach's α", () => {
    // python3 -c "import numpy as np;X=np.array(<X>,float);k=4;print(k/(k-1)*(1-X.var(axis=0,ddof=1).sum()/X.sum(axis=1).var(ddof=1)))"
    close(cronbachAlpha(X), 0.9435897435897436);
    // A respondent with a missing item is left out (listwise).
    close(cronbachAlpha([...X, [5, undefined, 1, 1]]), 0.9435897435897436);
    assert.equal(cronbachAlpha([[1, 2]]), undefined);
    assert.equal(cronbachAlpha([[1], [2]]), undefined);
  });

  it('Pearson r with its Fisher 95% interval', () => {
    // python3 -c "import scipy.stats as st;r=st.pearsonr(<x>,<y>);print(r.statistic,r.confidence_interval(0.95))"
    const r = pearson(x, y)!;
    close(r.r, 0.9503907636652656);
    close(r.low, 0.6940987955272387);
    close(r.high, 0.9928597060173644);
    assert.equal(r.n, 7);
    assert.equal(pearson([1, 2, 3], [2, 2, 2]), undefined);
  });

  it('Spearman ρ and ranks with ties', () => {
    // python3 -c "import scipy.stats as st;print(st.spearmanr(<x>,<y>).statistic)"
    const s = spearman(x, y)!;
    close(s.r, 0.9285714285714288);
    // python3 -c "import math,scipy.stats as st;z=math.atanh(0.9285714285714288);se=1/math.sqrt(4);print(math.tanh(z-st.norm.ppf(.975)*se),math.tanh(z+st.norm.ppf(.975)*se))"
    close(s.low, 0.5836208379848029);
    close(s.high, 0.9896198222194461);
    // python3 -c "import scipy.stats as st;print(st.rankdata([3,1,3,2,5]))"
    assert.deepEqual(ranks([3, 1, 3, 2, 5]), [3.5, 1, 3.5, 2, 5]);
  });

  it('test–retest pairs respondents by id', () => {
    const first = new Map(x.map((v, i) => [`a${i}`, v]));
    const second = new Map(y.map((v, i) => [`a${i}`, v]));
    second.set('late', 3); // answered only the retest: not counted
    const r = testRetest(first, second)!;
    close(r.r, 0.9503907636652656);
    assert.equal(r.n, 7);
  });
});
