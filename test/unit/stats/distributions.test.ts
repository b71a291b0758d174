// The distributions against SciPy 1.17 (each expected value's one-liner beside it).
import * as assert from 'node:assert/strict';
import {
  kolmogorovSf,
  normalCdf,
  normalQuantile,
  studentTCdf,
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
