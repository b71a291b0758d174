// The project's statistics against SciPy and statsmodels, called live on seeded samples
// (samples.ts): the t-tests of src/core/stats/tTest.ts (Welch, one-sample, paired: t, df, p), the
// experiment's contrasts and estimates (src/core/experiment/statistics.ts: p, 95% interval,
// Hedges' g), the two-sample KS test (src/core/stats/ks.ts: D, p, by the method it says it used)
// and Holm's adjustment. Conventions where the project reports otherwise: conventions.ts.
import * as assert from 'node:assert/strict';
import { contrast, estimate, holmAdjust, seedContrast } from '../../src/core/experiment/statistics';
import { ks2Sample } from '../../src/core/stats/ks';
import { oneSampleTTest, pairedTTest, welchTTest, type TTestResult } from '../../src/core/stats/tTest';
import { seededRandom } from '../../src/core/random/seededRandom';
import {
  KS_ASYMPTOTIC_P,
  P_VALUE,
  assertAgrees,
  experimentAsOurs,
  hedgesAsOurs,
  tTestAsOurs,
  type SampleShape,
} from './conventions';
import { askOracle, type OracleCase, type OracleResult } from './python';
import { PAIRS, differences, likert, normals, oneSampleShape, twoSampleShape } from './samples';

const cases: OracleCase[] = [];
const ask = (id: string, kind: OracleCase['kind'], fields: Record<string, unknown>): string => {
  cases.push({ id, kind, ...fields });
  return id;
};
let answers: Map<string, OracleResult>;
/** A case's values; SciPy and statsmodels answer these with numbers or NaN, so any exception is oracle.py's fault. */
function answer(id: string): OracleResult['values'] {
  const { values, raised } = answers.get(id)!;
  assert.deepEqual(raised, {}, `oracle.py failed on ${id}`);
  return values;
}

before(() => {
  answers = askOracle(cases);
});

/** t, df and p of tTest.ts against SciPy's, through the stated conventions. */
function agreeT(label: string, ours: TTestResult, id: string, shape: SampleShape): void {
  const want = tTestAsOurs(answer(id), shape);
  assertAgrees(`${label}: t`, ours.t, want.t);
  assertAgrees(`${label}: df`, ours.df, want.df);
  assertAgrees(`${label}: p`, ours.p, want.p, P_VALUE);
}

describe('t-tests against SciPy (live): ttest_ind(equal_var=False), ttest_1samp, ttest_rel', () => {
  for (const { name, a, b } of PAIRS) {
    const paired = Math.min(a.length, b.length);
    const ids = {
      welch: ask(`welch ${name}`, 'welch', { a, b }),
      one: ask(`one ${name}`, 'one_sample', { a, mu: 0.5 }),
      paired: ask(`paired ${name}`, 'paired', { a: a.slice(0, paired), b: b.slice(0, paired) }),
    };
    it(`Welch: ${name}`, () => {
      agreeT('Welch', welchTTest(a, b), ids.welch, twoSampleShape(a, b));
      if (a.length && b.length) assertAgrees('difference', welchTTest(a, b).difference, answer(ids.welch).difference);
    });
    it(`one-sample: ${name}`, () => agreeT('one-sample', oneSampleTTest(a, 0.5), ids.one, oneSampleShape(a, 0.5)));
    it(`paired: ${name}`, () => agreeT('paired', pairedTTest(a, b), ids.paired, oneSampleShape(differences(a, b), 0)));
  }
});

describe("experiment statistics against SciPy (live): contrasts, estimates, Hedges' g", () => {
  for (const { name, a, b } of PAIRS) {
    // contrast(a, b) is b against a: SciPy is asked about (b, a).
    const ids = {
      welch: ask(`contrast ${name}`, 'welch', { a: b, b: a }),
      hedges: ask(`hedges ${name}`, 'hedges', { a, b }),
      estimate: ask(`estimate ${name}`, 'one_sample', { a, mu: 0 }),
    };
    it(`Welch contrast and Hedges' g: ${name}`, () => {
      const ours = contrast(a, b);
      const want = experimentAsOurs(answer(ids.welch), twoSampleShape(b, a), ours.difference ?? NaN);
      assertAgrees('p', ours.p, want.p, P_VALUE);
      assertAgrees('ci95', ours.ci95, want.ci95);
      // No g with fewer than two values a group (statistics.ts), where SciPy's pieces divide by 0.
      const g = a.length < 2 || b.length < 2 ? null : hedgesAsOurs(answer(ids.hedges).g);
      assertAgrees("Hedges' g", ours.hedges_g, g);
    });
    it(`estimate (one-sample against 0): ${name}`, () => {
      const ours = estimate(a);
      const want = experimentAsOurs(answer(ids.estimate), oneSampleShape(a, 0), ours.mean ?? NaN);
      assertAgrees('p', ours.p, want.p, P_VALUE);
      assertAgrees('ci95', ours.ci95, want.ci95);
    });
    if (a.length !== b.length || a.length < 2) continue;
    const id = ask(`paired contrast ${name}`, 'paired', { a: b, b: a });
    it(`paired contrast by seed: ${name}`, () => {
      const bySeed = (xs: number[]) => new Map(xs.map((x, seed) => [seed, x]));
      const ours = seedContrast(bySeed(a), bySeed(b));
      assert.equal(ours.test, 'paired t');
      const want = experimentAsOurs(answer(id), oneSampleShape(differences(b, a), 0), ours.difference ?? NaN);
      assertAgrees('p', ours.p, want.p, P_VALUE);
      assertAgrees('ci95', ours.ci95, want.ci95);
    });
  }

  it("Hedges' correction: the approximation 1 − 3/(4(na + nb) − 9) the project uses, against the exact one", () => {
    // The exact factor Γ(df/2) / (√(df/2) Γ((df − 1)/2)) from the oracle: 1.3% apart at n = 2 + 2,
    // the smallest the project computes, and under 0.1% from n = 10.
    for (const { name, a, b } of PAIRS.filter((p) => p.a.length >= 2 && p.b.length >= 2)) {
      const n = a.length + b.length;
      const exact = answer(`hedges ${name}`).j_exact as number;
      const gap = Math.abs(1 - 3 / (4 * n - 9) - exact) / exact;
      assert.ok(gap <= (n < 10 ? 0.015 : 0.001), `n ${n}: exact ${exact}, ${(100 * gap).toFixed(2)}% apart`);
    }
  });
});

describe('two-sample KS against SciPy (live): ks_2samp by the method ks.ts used', () => {
  const KS: { name: string; a: number[]; b: number[] }[] = [
    ...PAIRS.filter((p) => p.a.length > 0 && p.b.length > 0 && p.a.length <= 200),
    { name: 'n 1 and 1', a: [1], b: [2] },
    { name: 'n 1 and 5', a: [3], b: [1, 2, 4, 5, 6] },
    { name: 'equal sizes, 50', a: normals(21, 50, 0, 1), b: normals(22, 50, 0.3, 1) },
    { name: 'separated, 9 and 12', a: normals(23, 9, 0, 1), b: normals(24, 12, 100, 1) },
    { name: 'separated, equal sizes 25', a: normals(25, 25, 0, 1), b: normals(26, 25, 100, 1) },
    { name: 'Likert, 300 and 280', a: likert(27, 300), b: likert(28, 280, 0.2) },
    { name: 'n 1000 and 1500', a: normals(29, 1000, 0, 1), b: normals(30, 1500, 0.05, 1.1) },
    { name: 'n 10001 and 12000 (asymptotic)', a: normals(31, 10001, 0, 1), b: normals(32, 12000, 0.02, 1) },
    { name: 'n 20000 and 20000 (asymptotic)', a: normals(33, 20000, 0, 1), b: normals(34, 20000, 0.005, 1) },
  ];
  for (const { name, a, b } of KS) {
    const ours = ks2Sample(a, b)!;
    const method = ours.method === 'exact' ? 'exact' : 'asymp';
    const id = ask(`ks ${name}`, 'ks', { a, b, method });
    it(`${name} (${ours.method})`, () => {
      const scipy = answer(id);
      assert.equal(scipy.method, method, `SciPy could not compute the ${method} p`);
      assertAgrees('D', ours.d, scipy.d);
      assertAgrees('p', ours.p, scipy.p, ours.method === 'exact' ? P_VALUE : KS_ASYMPTOTIC_P);
    });
  }

  it('an empty sample has no test (SciPy raises)', () => {
    assert.equal(ks2Sample([], [1, 2]), undefined);
  });
});

describe("Holm's adjustment against statsmodels (live): multipletests(method='holm')", () => {
  const rng = seededRandom(35);
  const FAMILIES: { name: string; p: (number | null)[] }[] = [
    { name: 'one p', p: [0.03] },
    { name: 'three, sorted', p: [0.001, 0.02, 0.04] },
    { name: 'unsorted with ties', p: [0.04, 0.01, 0.04, 0.2, 0.01] },
    { name: 'adjusted past 1', p: [0.5, 0.6, 0.3, 0.9] },
    { name: 'with nulls (not counted)', p: [null, 0.01, 0.03, null, 0.02] },
    { name: 'all null', p: [null, null] },
    { name: 'empty', p: [] },
    { name: 'zeros and ones', p: [0, 1, 0, 0.5] },
    { name: 'tiny p', p: [1e-30, 2e-12, 0.049] },
    { name: '40 uniform', p: Array.from({ length: 40 }, () => rng()) },
    { name: '25 small', p: Array.from({ length: 25 }, () => rng() ** 4 / 10) },
  ];
  for (const { name, p } of FAMILIES) {
    const id = ask(`holm ${name}`, 'holm', { p });
    it(name, () => assertAgrees('adjusted', holmAdjust(p), answer(id).adjusted, P_VALUE));
  }
});
