// t-tests on means, as scipy.stats.ttest_ind(equal_var=False) (Welch), ttest_1samp and ttest_rel
// compute them, two-sided. Where SciPy returns NaN the result says why instead: a sample with
// fewer than two values has no variance (t, df and p null); samples with no spread at all have a
// zero standard error, so the means are either equal (t 0, p 1) or certainly apart (t ±∞, p 0).
import { studentTTwoSided } from './distributions';

export interface TTestResult {
  /** The t statistic; null when undefined (see `note`). */
  t: number | null;
  /** Degrees of freedom (Welch–Satterthwaite for two samples). */
  df: number | null;
  /** Two-sided p-value. */
  p: number | null;
  /** Difference of means tested: mean(a) − mean(b), or mean(a) − mu. */
  difference: number | null;
  /** Why t or p is not the usual one. */
  note?: 'fewer than two values' | 'no spread';
}

const finite = (xs: readonly number[]) => xs.filter(Number.isFinite);
const meanOf = (xs: readonly number[]) => xs.reduce((s, v) => s + v, 0) / xs.length;

/** Sample variance (n − 1), 0 for values that are all equal (no 1e-34 from rounding). */
export function sampleVariance(xs: readonly number[]): number {
  if (xs.every((v) => v === xs[0])) return 0;
  const m = meanOf(xs);
  return xs.reduce((s, v) => s + (v - m) ** 2, 0) / (xs.length - 1);
}

function fromSe(difference: number, se: number, df: number): TTestResult {
  if (se === 0) {
    const t = difference === 0 ? 0 : Math.sign(difference) * Infinity;
    return { t, df, p: difference === 0 ? 1 : 0, difference, note: 'no spread' };
  }
  const t = difference / se;
  return { t, df, p: studentTTwoSided(t, df), difference };
}

/** Welch's two-sample t-test of mean(a) = mean(b). */
export function welchTTest(a0: readonly number[], b0: readonly number[]): TTestResult {
  const a = finite(a0),
    b = finite(b0);
  if (a.length < 2 || b.length < 2) {
    const difference = a.length && b.length ? meanOf(a) - meanOf(b) : null;
    return { t: null, df: null, p: null, difference, note: 'fewer than two values' };
  }
  const va = sampleVariance(a) / a.length,
    vb = sampleVariance(b) / b.length;
  const difference = meanOf(a) - meanOf(b);
  const df =
    va + vb === 0 ? a.length + b.length - 2 : (va + vb) ** 2 / (va ** 2 / (a.length - 1) + vb ** 2 / (b.length - 1));
  return fromSe(difference, Math.sqrt(va + vb), df);
}

/** One-sample t-test of mean(a) = mu. */
export function oneSampleTTest(a0: readonly number[], mu = 0): TTestResult {
  const a = finite(a0);
  if (a.length < 2) {
    return { t: null, df: null, p: null, difference: a.length ? meanOf(a) - mu : null, note: 'fewer than two values' };
  }
  return fromSe(meanOf(a) - mu, Math.sqrt(sampleVariance(a) / a.length), a.length - 1);
}

/** Paired t-test of a against b (pairs where both are finite): the one-sample test of a − b. */
export function pairedTTest(a: readonly number[], b: readonly number[]): TTestResult {
  const diffs: number[] = [];
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    if (Number.isFinite(a[i]) && Number.isFinite(b[i])) diffs.push(a[i] - b[i]);
  }
  return oneSampleTTest(diffs, 0);
}
