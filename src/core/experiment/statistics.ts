// Summaries across seeds: mean with a 95% confidence interval (Student's t), and the difference
// between two conditions with Welch's interval and Hedges' g (Cohen's d, small-sample corrected).
import { mean, sampleStandardDeviation, sampleVariance } from 'simple-statistics';
import tQuantile from '@stdlib/stats-base-dists-t-quantile';

export interface Estimate { n: number; mean: number | null; sd: number | null; ci95: [number, number] | null }

export function estimate(values: readonly (number | null)[]): Estimate {
  const xs = values.filter((v): v is number => v !== null && Number.isFinite(v));
  if (xs.length === 0) return { n: 0, mean: null, sd: null, ci95: null };
  const m = mean(xs);
  if (xs.length === 1) return { n: 1, mean: m, sd: null, ci95: null };
  const sd = sampleStandardDeviation(xs);
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
  const va = sampleVariance(a), vb = sampleVariance(b);
  const se = Math.sqrt(va / a.length + vb / b.length);
  // Welch–Satterthwaite degrees of freedom.
  const df = se === 0 ? a.length + b.length - 2
    : (va / a.length + vb / b.length) ** 2 / ((va / a.length) ** 2 / (a.length - 1) + (vb / b.length) ** 2 / (b.length - 1));
  const half = tQuantile(0.975, df) * se;
  const pooled = Math.sqrt(((a.length - 1) * va + (b.length - 1) * vb) / (a.length + b.length - 2));
  const correction = 1 - 3 / (4 * (a.length + b.length) - 9);
  return { difference, ci95: [difference - half, difference + half], hedges_g: pooled > 0 ? (difference / pooled) * correction : null };
}
