// A mean with its 95 % confidence interval, mean ± t(0.975, n − 1) · s / √n, the t quantile exact
// (distributions.ts).
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
