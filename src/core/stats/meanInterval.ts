// A mean with its 95 % confidence interval, mean ± t(0.975, n − 1) · s / √n. The t quantiles are
// tabled to df 30, 2.0 to df 60 (within 2 %) and 1.96 beyond; the calibration helper's
// distributions.ts gives the exact t quantile — fold this into it.
// scipy: [round(scipy.stats.t.ppf(0.975, df), 3) for df in range(1, 31)]
const T975 = [
  12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131, 2.12, 2.11,
  2.101, 2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042,
];

export interface MeanInterval {
  n: number;
  mean: number | null;
  /** The interval's ends; null with fewer than two values. */
  low: number | null;
  high: number | null;
}

export function t975(df: number): number {
  return df <= T975.length ? T975[df - 1] : df <= 60 ? 2.0 : 1.96;
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
