// Means across runs with their 95% t-interval, and correlations averaged on Fisher's z — against
// NumPy/SciPy (the one-liner beside each expected value).
import * as assert from 'node:assert/strict';
import { correlationInterval, meanInterval } from '../../../src/core/stats/meanInterval';

const close = (a: number | null, b: number, tol = 1e-9): void =>
  assert.ok(a !== null && Math.abs(a - b) <= tol, `${a} is not ${b}`);

describe('stats: mean and correlation intervals', () => {
  it('a mean ± t(0.975, n − 1)·s/√n, with the exact t past df 30', () => {
    // python3 -c "import numpy as np, scipy.stats as st; x=np.arange(40.)**1.5; h=st.t.ppf(0.975,39)*x.std(ddof=1)/np.sqrt(40); print(x.mean()-h, x.mean()+h)"
    const x = Array.from({ length: 40 }, (_, i) => i ** 1.5);
    const m = meanInterval(x);
    close(m.low, 73.82016180840313, 1e-9);
    close(m.high, 122.27930743562698, 1e-9);
    assert.deepEqual(meanInterval([2]), { n: 1, mean: 2, low: null, high: null });
    assert.deepEqual(meanInterval([]), { n: 0, mean: null, low: null, high: null });
  });

  it("correlations on Fisher's z: skewed toward ±1, inside (−1, 1), a perfect r finite", () => {
    // python3 -c "import numpy as np, scipy.stats as st; z=np.arctanh([0.9,0.95,0.99]); h=st.t.ppf(0.975,2)*z.std(ddof=1)/np.sqrt(3); print(np.tanh([z.mean(), z.mean()-h, z.mean()+h]))"
    const c = correlationInterval([0.9, 0.95, 0.99]);
    close(c.mean, 0.9628468209293517);
    close(c.low, 0.4532077538311244);
    close(c.high, 0.9980974277260742);
    const perfect = correlationInterval([1, 0.8, 0.9]);
    assert.ok(perfect.high! < 1 && perfect.low! > -1 && perfect.mean! < 1, JSON.stringify(perfect));
    assert.equal(correlationInterval([0.5]).low, null);
  });
});
