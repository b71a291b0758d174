// The two-sample KS test against scipy.stats.ks_2samp (SciPy 1.17, default: two-sided, auto).
import * as assert from 'node:assert/strict';
import { ks2Sample } from '../../../src/core/stats/ks';

function close(actual: number, expected: number, rel = 1e-9): void {
  assert.ok(Math.abs(actual - expected) <= Math.abs(expected) * rel + 1e-15, `${actual} is not ${expected}`);
}

describe('stats: two-sample KS (vs SciPy 1.17)', () => {
  it('unequal sizes, exact', () => {
    // python3 -c "import scipy.stats as st; print(st.ks_2samp([1.2,3.4,2.2,5.1,0.3,4.4,2.9],[2.5,6.1,4.4,5.9,7.2,3.8,6.6,5.0,4.9]))"
    const r = ks2Sample([1.2, 3.4, 2.2, 5.1, 0.3, 4.4, 2.9], [2.5, 6.1, 4.4, 5.9, 7.2, 3.8, 6.6, 5.0, 4.9])!;
    close(r.d, 0.6031746031746031);
    close(r.p, 0.07867132867132867);
    assert.equal(r.method, 'exact');
  });

  it('ties within and across the samples', () => {
    // python3 -c "import scipy.stats as st; print(st.ks_2samp([1,2,2,3,3,3,4],[2,3,3,4,4,5]))"
    const r = ks2Sample([1, 2, 2, 3, 3, 3, 4], [2, 3, 3, 4, 4, 5])!;
    close(r.d, 0.35714285714285715);
    close(r.p, 0.7115384615384616);
  });

  it('equal sizes', () => {
    // python3 -c "import scipy.stats as st; print(st.ks_2samp([0.1*i for i in range(20)],[0.1*i+0.35 for i in range(20)]))"
    const r = ks2Sample(
      Array.from({ length: 20 }, (_, i) => 0.1 * i),
      Array.from({ length: 20 }, (_, i) => 0.1 * i + 0.35),
    )!;
    close(r.d, 0.2);
    close(r.p, 0.8319696107963263);
    // python3 -c "import scipy.stats as st; print(st.ks_2samp([(i*7%13) for i in range(40)],[(i*5%11)+1 for i in range(40)]))"
    const s = ks2Sample(
      Array.from({ length: 40 }, (_, i) => (i * 7) % 13),
      Array.from({ length: 40 }, (_, i) => ((i * 5) % 11) + 1),
    )!;
    close(s.d, 0.1);
    close(s.p, 0.9900193288833089);
  });

  it('hundreds of values, a small p', () => {
    // python3 -c "import scipy.stats as st; print(st.ks_2samp([(i*37%101)/10 for i in range(300)],[(i*53%97)/10+2.5 for i in range(170)]))"
    const r = ks2Sample(
      Array.from({ length: 300 }, (_, i) => ((i * 37) % 101) / 10),
      Array.from({ length: 170 }, (_, i) => ((i * 53) % 97) / 10 + 2.5),
    )!;
    close(r.d, 0.25);
    close(r.p, 1.8645593627613635e-6, 1e-7);
  });

  it('over 10,000 values: the asymptotic p, near SciPy kstwo', () => {
    // python3 -c "import scipy.stats as st; print(st.ks_2samp([(i*37%1001)/100 for i in range(10001)],[(i*53%97)/10+1.3 for i in range(60)]))"
    const r = ks2Sample(
      Array.from({ length: 10001 }, (_, i) => ((i * 37) % 1001) / 100),
      Array.from({ length: 60 }, (_, i) => ((i * 53) % 97) / 10 + 1.3),
    )!;
    assert.equal(r.method, 'asymptotic');
    close(r.d, 0.12998700129987);
    assert.ok(Math.abs(r.p - 0.24096363704436252) < 0.01, `${r.p}`);
  });

  it('one value, identical samples, an empty sample', () => {
    // python3 -c "import scipy.stats as st; print(st.ks_2samp([3.0],[1,2,4,5]), st.ks_2samp([1,2,3],[1,2,3]))"
    const one = ks2Sample([3], [1, 2, 4, 5])!;
    close(one.d, 0.5);
    close(one.p, 1);
    assert.deepEqual(ks2Sample([1, 2, 3], [1, 2, 3]), { d: 0, p: 1, method: 'exact' });
    assert.equal(ks2Sample([], [1]), undefined);
  });
});
