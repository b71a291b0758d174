// Summaries across seeds: mean with a 95% confidence interval (Student's t), and the difference
// between two conditions with Welch's interval and Hedges' g (Cohen's d, small-sample corrected).
// Where no value varies, a t-interval has zero width and says nothing; the exact tests below decide
// those cases instead (paperClaims).
import { mean, sampleStandardDeviation, sampleVariance } from 'simple-statistics';
import tQuantile from '@stdlib/stats-base-dists-t-quantile';

export interface Estimate { n: number; mean: number | null; sd: number | null; ci95: [number, number] | null }

export function estimate(values: readonly (number | null)[]): Estimate {
  const xs = values.filter((v): v is number => v !== null && Number.isFinite(v));
  if (xs.length === 0) return { n: 0, mean: null, sd: null, ci95: null };
  const m = mean(xs);
  if (xs.length === 1) return { n: 1, mean: m, sd: null, ci95: null };
  // Identical values have no spread; the floating-point mean can leave a variance of 1e-34.
  const sd = noSpread(xs) ? 0 : sampleStandardDeviation(xs);
  const half = tQuantile(0.975, xs.length - 1) * sd / Math.sqrt(xs.length);
  return { n: xs.length, mean: m, sd, ci95: [m - half, m + half] };
}

export interface Contrast {
  /** mean(b) − mean(a). */
  difference: number | null;
  ci95: [number, number] | null;
  /** Hedges' g of b against a; null when both groups have no spread. */
  hedges_g: number | null;
}

export function contrast(aValues: readonly (number | null)[], bValues: readonly (number | null)[]): Contrast {
  const a = aValues.filter((v): v is number => v !== null && Number.isFinite(v));
  const b = bValues.filter((v): v is number => v !== null && Number.isFinite(v));
  if (a.length < 2 || b.length < 2) {
    return { difference: a.length && b.length ? mean(b) - mean(a) : null, ci95: null, hedges_g: null };
  }
  const difference = mean(b) - mean(a);
  const va = noSpread(a) ? 0 : sampleVariance(a), vb = noSpread(b) ? 0 : sampleVariance(b);
  const se = Math.sqrt(va / a.length + vb / b.length);
  // Welch–Satterthwaite degrees of freedom.
  const df = se === 0 ? a.length + b.length - 2
    : (va / a.length + vb / b.length) ** 2 / ((va / a.length) ** 2 / (a.length - 1) + (vb / b.length) ** 2 / (b.length - 1));
  const half = tQuantile(0.975, df) * se;
  const pooled = Math.sqrt(((a.length - 1) * va + (b.length - 1) * vb) / (a.length + b.length - 2));
  const correction = 1 - 3 / (4 * (a.length + b.length) - 9);
  return { difference, ci95: [difference - half, difference + half], hedges_g: pooled > 0 ? (difference / pooled) * correction : null };
}

/** Whether every value is the same. */
export function noSpread(xs: readonly number[]): boolean {
  for (const x of xs) if (x !== xs[0]) return false;
  return true;
}

/**
 * One-sided exact p-value of two groups that differ and where neither varies (a permutation test):
 * the observed split is the single most extreme of the C(na + nb, na) equally likely relabellings.
 */
export function separationP(na: number, nb: number): number {
  let ways = 1;
  for (let i = 1; i <= na; i++) ways = (ways * (nb + i)) / i;
  return 1 / ways;
}

/** One-sided exact p-value of n values all on one side of 0 (a sign test). */
export function signP(n: number): number {
  return 0.5 ** n;
}
