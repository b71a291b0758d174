// t-tests against scipy.stats.ttest_ind(equal_var=False), ttest_1samp and ttest_rel (SciPy 1.17).
import * as assert from 'node:assert/strict';
import { oneSampleTTest, pairedTTest, welchTTest } from '../../../src/core/stats/tTest';
import { errors } from '../../../src/core/stats/rmse';

function close(actual: number | null, expected: number, rel = 1e-9): void {
  assert.ok(actual !== null && Math.abs(actual - expected) <= Math.abs(expected) * rel, `${actual} is not ${expected}`);
}
const a = [1.2, 3.4, 2.2, 5.1, 0.3, 4.4, 2.9];
const b = [2.5, 6.1, 4.4, 5.9, 7.2, 3.8, 6.6, 5.0, 4.9];

describe('stats: t-tests (vs SciPy 1.17)', () => {
  it("Welch's t, df and p", () => {
    // python3 -c "import scipy.stats as st; r=st.ttest_ind([1.2,3.4,2.2,5.1,0.3,4.4,2.9],[2.5,6.1,4.4,5.9,7.2,3.8,6.6,5.0,4.9],equal_var=False); print(r, r.df)"
    const r = welchTTest(a, b);
    close(r.t, -2.9309463108644143);
    close(r.df, 11.954522583699038);
    close(r.p, 0.012626533966771145);
  });

  it('one-sample and paired', () => {
    // python3 -c "import scipy.stats as st; print(st.ttest_1samp([1.2,3.4,2.2,5.1,0.3,4.4,2.9],2.0))"
    const one = oneSampleTTest(a, 2);
    close(one.t, 1.2211171840277384);
    assert.equal(one.df, 6);
    close(one.p, 0.2678440004797809);
    // python3 -c "import scipy.stats as st; print(st.ttest_rel([1.2,3.4,2.2,5.1,0.3,4.4,2.9],[2.5,6.1,4.4,5.9,7.2,3.8,6.6]))"
    const paired = pairedTTest(a, b.slice(0, 7));
    close(paired.t, -2.6666871718371734);
    close(paired.p, 0.037190590743654675);
  });

  it('no spread and single values: stated results, not NaN', () => {
    // python3 -c "import scipy.stats as st; print(st.ttest_ind([2,2,2],[3,3,3],equal_var=False))"  → t -inf, p 0
    assert.deepEqual(welchTTest([2, 2, 2], [3, 3, 3]), {
      t: -Infinity,
      df: 4,
      p: 0,
      difference: -1,
      note: 'no spread',
    });
    assert.deepEqual(welchTTest([2, 2], [2, 2, 2]), { t: 0, df: 3, p: 1, difference: 0, note: 'no spread' });
    assert.deepEqual(welchTTest([1], [2, 3]), {
      t: null,
      df: null,
      p: null,
      difference: -1.5,
      note: 'fewer than two values',
    });
    assert.equal(oneSampleTTest([]).difference, null);
  });
});

describe('stats: errors', () => {
  it('RMSE, MAE and normalised RMSE skip missing pairs', () => {
    // python3 -c "import numpy as np; s=np.array([1,2,4]); o=np.array([1.5,2,3]); e=s-o; print(np.sqrt((e**2).mean()), abs(e).mean(), np.sqrt((e**2).mean())/1.5)"
    const r = errors([1, 2, 4, null, 7], [1.5, 2, 3, 9, null]);
    assert.equal(r.n, 3);
    close(r.rmse, 0.6454972243679028);
    close(r.mae, 0.5);
    close(r.nrmse, 0.43033148291193524);
    assert.deepEqual(errors([1], [null]), { n: 0, rmse: null, mae: null, nrmse: null });
    assert.equal(errors([1, 2], [3, 3]).nrmse, null);
  });
});
