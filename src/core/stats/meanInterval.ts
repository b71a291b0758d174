// A mean with its 95 % confidence interval, mean ± t(0.975, n − 1) · s / √n, the t quantile exact
// (distributions.ts); correlations the same on Fisher's z.
import { studentTQuantile } from './distributions';

export interface MeanInterval {
  n: number;
  mean: number | null;
  /** The interval's ends; null with fewer than two values. */
  low: number | null;
  high: number | null;
}

export function t975(df: number): number {
  return studentTQuantile(0.975, df);
}

export function meanInterval(values: readonly number[]): MeanInterval {
  const n = values.length;
  if (!n) return { n, mean: null, low: null, high: null };
  const mean = values.reduce((s, v) => s + v, 0) / n;
  if (n < 2) return { n, mean, low: null, high: null };
  const sd = Math.sqrt(values.reduce((s, v) => s + (v - mean) ** 2, 0) / (n - 1));
  const half = (t975(n - 1) * sd) / Math.sqrt(n);
  return { n, mean, low: mean - half, high: mean + half };
}

/** |r| is held below 1 by this much, so a run's perfect correlation has a finite z. */
const R_EDGE = 1e-9;

/**
 * Correlations averaged on Fisher's z (z = atanh r): the t-interval of the runs' z values, back on
 * the r scale (tanh). r's sampling distribution is skewed near ±1, z's nearly normal, and the ends
 * stay inside (−1, 1) without cutting. A perfect r (±1) is taken as ±(1 − 1e-9).
 */
export function correlationInterval(rs: readonly number[]): MeanInterval {
  const edge = 1 - R_EDGE;
  const z = meanInterval(rs.map((r) => Math.atanh(Math.max(-edge, Math.min(edge, r)))));
  const back = (x: number | null): number | null => (x === null ? null : Math.tanh(x));
  return { n: z.n, mean: back(z.mean), low: back(z.low), high: back(z.high) };
}
