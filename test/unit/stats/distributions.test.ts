// The distributions against SciPy 1.17 (each expected value's one-liner beside it).
import * as assert from 'node:assert/strict';
import {
  kolmogorovSf,
  normalCdf,
  normalQuantile,
  studentTCdf,
  studentTQuantile,
  studentTTwoSided,
} from '../../../src/core/stats/distributions';

/** Relative closeness, absolute near zero. */
function close(actual: number, expected: number, rel = 1e-10): void {
  const tol = Math.max(Math.abs(expected) * rel, 1e-300);
  assert.ok(Math.abs(actual - expected) <= tol, `${actual} is not ${expected} (±${tol})`);
}

describe('stats: distributions (vs SciPy 1.17)', () => {
  it('normal CDF, both tails', () => {
    // python3 -c "import scipy.stats as st; print([float(st.norm.cdf(x)) for x in [-8.5,-3,-1.2,0,0.5,1.96,6]])"
    const expected = [
      9.47953482220325e-18, 0.0013498980316300933, 0.11506967022170822, 0.5, 0.6914624612740131, 0.9750021048517795,
      0.9999999990134123,
    ];
    [-8.5, -3, -1.2, 0, 0.5, 1.96, 6].forEach((x, i) => close(normalCdf(x), expected[i]));
  });

  it('normal quantile, edges infinite', () => {
    // python3 -c "import scipy.stats as st; print([float(st.norm.ppf(p)) for p in [1e-10,0.001,0.025,0.3,0.5,0.975,0.999999]])"
    const expected = [
      -6.361340902404056, -3.090232306167813, -1.9599639845400545, -0.5244005127080409, 0, 1.959963984540054,
      4.753424308817087,
    ];
    [1e-10, 0.001, 0.025, 0.3, 0.5, 0.975, 0.999999].forEach((p, i) => close(normalQuantile(p), expected[i], 1e-9));
    assert.equal(normalQuantile(0), -Infinity);
    assert.equal(normalQuantile(1), Infinity);
    assert.ok(Number.isNaN(normalQuantile(1.5)));
  });

  it("Student's t quantile: both tails, heavy (df 1–2) and near-normal (df 1000) ones, the CDF's inverse", () => {
    // python3 -c "import scipy.stats as st; print([float(st.t.ppf(p,df)) for p,df in [(0.975,1),(0.975,2),(0.975,10),(0.975,30),(0.975,31),(0.975,60),(0.975,120),(0.975,1000),(0.995,5),(0.9,3),(0.025,7),(0.999,2)]])"
    const cases: [number, number, number][] = [
      [0.975, 1, 12.706204736174694],
      [0.975, 2, 4.302652729749462],
      [0.975, 10, 2.228138851986274],
      [0.975, 30, 2.0422724563012378],
      [0.975, 31, 2.039513446396408],
      [0.975, 60, 2.0002978220142604],
      [0.975, 120, 1.9799304050824402],
      [0.975, 1000, 1.9623390808264083],
      [0.995, 5, 4.032142983555228],
      [0.9, 3, 1.637744353696209],
      [0.025, 7, -2.3646242515927844],
      [0.999, 2, 22.327124770119866],
    ];
    for (const [p, df, t] of cases) close(studentTQuantile(p, df), t, 1e-9);
    for (const [p, df] of [
      [0.7, 4.5],
      [0.01, 1],
      [0.9999, 3],
    ]) {
      close(studentTCdf(studentTQuantile(p, df), df), p, 1e-9);
    }
    assert.equal(studentTQuantile(0.5, 3), 0);
    assert.equal(studentTQuantile(1, 3), Infinity);
    assert.equal(studentTQuantile(0, 3), -Infinity);
    assert.ok(Number.isNaN(studentTQuantile(0.5, 0)));
  });

  it("Student's t CDF, integer and fractional df", () => {
    // python3 -c "import scipy.stats as st; print([float(st.t.cdf(t,df)) for t,df in [(-2.5,3),(0.7,1),(1.3,4.7),(2.1,29.3),(-0.4,120),(5,2)]])"
    const expected = [
      0.04385332350403278, 0.6944001122142147, 0.8731513520676949, 0.9777750359180712, 0.34493382676323026,
      0.9811252243246882,
    ];
    const cases: [number, number][] = [
      [-2.5, 3],
      [0.7, 1],
      [1.3, 4.7],
      [2.1, 29.3],
      [-0.4, 120],
      [5, 2],
    ];
    cases.forEach(([t, df], i) => close(studentTCdf(t, df), expected[i]));
    close(studentTTwoSided(-2.5, 3), 2 * 0.04385332350403278);
    assert.equal(studentTTwoSided(Infinity, 3), 0);
    assert.ok(Number.isNaN(studentTCdf(1, 0)));
  });

  it('Kolmogorov survival function', () => {
    // python3 -c "import scipy.stats as st; print([float(st.kstwobign.sf(x)) for x in [0.2,0.5,0.8,1.0,1.36,2.0]])"
    const expected = [
      0.999999999999495, 0.9639452436648751, 0.5441424115741981, 0.26999967167735456, 0.049485876755377876,
      0.0006709252557796953,
    ];
    [0.2, 0.5, 0.8, 1.0, 1.36, 2.0].forEach((x, i) => close(kolmogorovSf(x), expected[i], 1e-9));
    assert.equal(kolmogorovSf(0), 1);
  });
});
