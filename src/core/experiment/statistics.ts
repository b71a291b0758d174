// Summaries across seeds: mean with a 95% confidence interval (Student's t), and the difference
// between two conditions: paired by seed where the runs share seeds (a paired t-interval on the
// per-seed differences), Welch's interval where they do not; Hedges' g (Cohen's d, small-sample
// corrected) either way. p-values for the claims, and Holm's step-down correction across them.
// Where no value varies, a t-interval has zero width and says nothing; the exact tests below decide
// those cases instead (paperClaims).
import { mean, sampleStandardDeviation, sampleVariance } from 'simple-statistics';
import tQuantile from '@stdlib/stats-base-dists-t-quantile';
import { studentTTwoSided } from '../stats/distributions';

export interface Estimate {
  n: number;
  mean: number | null;
  sd: number | null;
  ci95: [number, number] | null;
  /** Two-sided p of "the mean is 0" (one-sample t); null without spread or with one value. */
  p?: number | null;
}

export function estimate(values: readonly (number | null)[]): Estimate {
  const xs = values.filter((v): v is number => v !== null && Number.isFinite(v));
  if (xs.length === 0) return { n: 0, mean: null, sd: null, ci95: null };
  const m = mean(xs);
  if (xs.length === 1) return { n: 1, mean: m, sd: null, ci95: null };
  // Identical values have no spread; the floating-point mean can leave a variance of 1e-34.
  const sd = noSpread(xs) ? 0 : sampleStandardDeviation(xs);
  const half = (tQuantile(0.975, xs.length - 1) * sd) / Math.sqrt(xs.length);
  return {
    n: xs.length,
    mean: m,
    sd,
    ci95: [m - half, m + half],
    p: twoSidedP(m, sd / Math.sqrt(xs.length), xs.length - 1),
  };
}

export interface Contrast {
  /** mean(b) − mean(a) (Welch), or the mean of the per-seed differences b − a (paired). */
  difference: number | null;
  ci95: [number, number] | null;
  /** Hedges' g of b against a; null when both groups have no spread. */
  hedges_g: number | null;
  /** Its 95% interval (hedgesInterval); absent or null without g. */
  hedges_g_ci95?: [number, number] | null;
  /** Which test the interval and p come from; absent without an interval. */
  test?: 'paired t' | 'Welch t';
  /** Seeds paired (paired test only). */
  pairs?: number;
  /** Two-sided p-value of "no difference" by that test; null when the interval has zero width. */
  p?: number | null;
}

/**
 * Two-sided p of a t statistic with `df` degrees of freedom; null for a zero standard error.
 * From the tail itself (the t-tests' studentTTwoSided), never as 1 − cdf: that keeps 16 digits of
 * the cdf, not of p, and gave 0 for a p of 1e-32 and 6e-11 for 5.99857e-11 (issue 71's oracle).
 */
export function twoSidedP(mean: number, se: number, df: number): number | null {
  if (!(se > 0) || !Number.isFinite(df) || df <= 0) return null;
  return studentTTwoSided(mean / se, df);
}

/**
 * The contrast of b against a over runs keyed by seed: paired by seed when every seed with a value
 * in either condition has one in both (conditions share seeds, so runs are paired), Welch
 * otherwise. The difference is the same either way (mean of differences = difference of means).
 */
export function seedContrast(a: ReadonlyMap<number, number | null>, b: ReadonlyMap<number, number | null>): Contrast {
  const value = (m: ReadonlyMap<number, number | null>, seed: number): number | undefined => {
    const v = m.get(seed);
    return v !== null && v !== undefined && Number.isFinite(v) ? v : undefined;
  };
  const seeds = [...new Set([...a.keys(), ...b.keys()])].filter(
    (s) => value(a, s) !== undefined || value(b, s) !== undefined,
  );
  const paired = seeds.length >= 2 && seeds.every((s) => value(a, s) !== undefined && value(b, s) !== undefined);
  const aValues = seeds.map((s) => value(a, s) ?? null),
    bValues = seeds.map((s) => value(b, s) ?? null);
  const tol = noiseTolerance([...aValues, ...bValues]);
  if (!paired) return contrast(aValues, bValues, tol);
  const welch = contrast(aValues, bValues, tol);
  // A difference at the scale of floating-point rounding (two sums in another order) is none.
  const diffs = seeds.map((s) => value(b, s)! - value(a, s)!).map((d) => (Math.abs(d) <= tol ? 0 : d));
  const d = mean(diffs);
  const sd = noSpread(diffs) ? 0 : sampleStandardDeviation(diffs);
  const se = sd / Math.sqrt(diffs.length);
  const half = tQuantile(0.975, diffs.length - 1) * se;
  return {
    difference: d,
    ci95: [d - half, d + half],
    hedges_g: welch.hedges_g,
    hedges_g_ci95: welch.hedges_g_ci95 ?? null,
    test: 'paired t',
    pairs: diffs.length,
    p: twoSidedP(d, se, diffs.length - 1),
  };
}

/**
 * Holm's step-down adjustment of p-values (family-wise error control across several claims):
 * the i-th smallest p is multiplied by (k − i) and made monotone. null p-values (claims no test
 * decides) stay null and do not count in k.
 */
export function holmAdjust(ps: readonly (number | null)[]): (number | null)[] {
  const order = ps
    .map((p, i) => [p, i] as const)
    .filter((x): x is readonly [number, number] => x[0] !== null)
    .sort((x, y) => x[0] - y[0]);
  const adjusted: (number | null)[] = ps.map(() => null);
  let running = 0;
  order.forEach(([p, i], rank) => {
    running = Math.max(running, Math.min(1, (order.length - rank) * p));
    adjusted[i] = running;
  });
  return adjusted;
}

/** Relative size of floating-point noise: far above rounding (1e-16), far below any effect reported (3 decimals). */
export const NOISE = 1e-9;

/** Differences this small, at the scale of `values`, are rounding, not data. */
export function noiseTolerance(values: readonly (number | null)[]): number {
  let scale = 0;
  for (const v of values) if (v !== null && Number.isFinite(v)) scale = Math.max(scale, Math.abs(v));
  return NOISE * scale;
}

export function contrast(
  aValues: readonly (number | null)[],
  bValues: readonly (number | null)[],
  tol = noiseTolerance([...aValues, ...bValues]),
): Contrast {
  const a = aValues.filter((v): v is number => v !== null && Number.isFinite(v));
  const b = bValues.filter((v): v is number => v !== null && Number.isFinite(v));
  const atScale = (d: number): number => (Math.abs(d) <= tol ? 0 : d);
  if (a.length < 2 || b.length < 2) {
    return { difference: a.length && b.length ? atScale(mean(b) - mean(a)) : null, ci95: null, hedges_g: null };
  }
  const difference = atScale(mean(b) - mean(a));
  const va = noSpread(a, tol) ? 0 : sampleVariance(a),
    vb = noSpread(b, tol) ? 0 : sampleVariance(b);
  const se = Math.sqrt(va / a.length + vb / b.length);
  // Welch–Satterthwaite degrees of freedom.
  const df =
    se === 0
      ? a.length + b.length - 2
      : (va / a.length + vb / b.length) ** 2 /
        ((va / a.length) ** 2 / (a.length - 1) + (vb / b.length) ** 2 / (b.length - 1));
  const half = tQuantile(0.975, df) * se;
  const p = twoSidedP(difference, se, df);
  const pooled = Math.sqrt(((a.length - 1) * va + (b.length - 1) * vb) / (a.length + b.length - 2));
  const correction = 1 - 3 / (4 * (a.length + b.length) - 9);
  const g = pooled > 0 ? (difference / pooled) * correction : null;
  return {
    difference,
    ci95: [difference - half, difference + half],
    hedges_g: g,
    hedges_g_ci95: hedgesInterval(g, a.length, b.length),
    test: 'Welch t',
    p,
  };
}

/**
 * A 95% interval of Hedges' g by the normal approximation of Hedges & Olkin (1985): its variance
 * (na + nb)/(na·nb) + g²/(2(na + nb)). In units of the spread between seeds, as g is.
 */
export function hedgesInterval(g: number | null, na: number, nb: number): [number, number] | null {
  if (g === null || !Number.isFinite(g) || na < 2 || nb < 2) return null;
  const half = 1.959963984540054 * Math.sqrt((na + nb) / (na * nb) + (g * g) / (2 * (na + nb)));
  return [g - half, g + half];
}

/** Whether every value is the same (within `tol`: floating-point noise). */
export function noSpread(xs: readonly number[], tol = 0): boolean {
  for (const x of xs) if (Math.abs(x - xs[0]) > tol) return false;
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
