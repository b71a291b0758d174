// The distributions the calibration tests read p-values from: the standard normal (CDF and
// quantile), Student's t (CDF, any real df > 0, as Welch's test needs) and the Kolmogorov
// distribution (the limit of √n·D). Checked against SciPy 1.17 in test/unit/stats.
import { betaIncomplete, gammaQ, lnGamma } from './specialFunctions';

/** Φ(x), the standard normal CDF: erfc through the incomplete gamma, accurate in both tails. */
export function normalCdf(x: number): number {
  if (Number.isNaN(x)) return NaN;
  const q = gammaQ(0.5, (x * x) / 2) / 2; // P(Z > |x|)
  return x < 0 ? q : 1 - q;
}

/** Φ⁻¹(p): Acklam's rational approximation, polished by one Halley step on normalCdf. */
export function normalQuantile(p: number): number {
  if (!(p >= 0 && p <= 1)) return NaN;
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  const a = [
    -39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239,
  ];
  const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
  const c = [
    -0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968,
    2.938163982698783,
  ];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const tail = (q: number) =>
    (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
    ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
  let x: number;
  if (p < 0.02425) x = tail(Math.sqrt(-2 * Math.log(p)));
  else if (p > 1 - 0.02425) x = -tail(Math.sqrt(-2 * Math.log1p(-p)));
  else {
    const q = p - 0.5,
      r = q * q;
    x =
      ((((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q) /
      (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
  }
  // Halley: the error of the approximation (≈1e-9) becomes ≈1e-15. The lower tail is refined on
  // p itself, the upper on 1 − p, so neither loses digits to 1 − p.
  const e = p > 0.5 ? -(1 - normalCdf(x) - (1 - p)) : normalCdf(x) - p;
  const u = e * Math.sqrt(2 * Math.PI) * Math.exp((x * x) / 2);
  return x - u / (1 + (x * u) / 2);
}

/** P(T ≤ t) for Student's t with `df` > 0 degrees of freedom (df = Infinity: the normal). */
export function studentTCdf(t: number, df: number): number {
  if (Number.isNaN(t) || !(df > 0)) return NaN;
  if (df === Infinity) return normalCdf(t);
  if (!Number.isFinite(t)) return t > 0 ? 1 : 0;
  const tail = betaIncomplete(df / 2, 0.5, df / (df + t * t)) / 2; // P(T > |t|)
  return t < 0 ? tail : 1 - tail;
}

/**
 * Student's t quantile: the t with P(T ≤ t) = p (scipy.stats.t.ppf). Newton's method on the CDF
 * from the normal quantile, falling back to bisection on a bracket whenever a step would leave it
 * (the heavy tails of df ≈ 1 throw Newton far); the CDF is exact to ~1e-14, so the quantile is too.
 */
export function studentTQuantile(p: number, df: number): number {
  if (Number.isNaN(p) || p < 0 || p > 1 || !(df > 0)) return NaN;
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  if (df === Infinity) return normalQuantile(p);
  if (p === 0.5) return 0;
  // Symmetric: solve the upper half and mirror.
  if (p < 0.5) return -studentTQuantile(1 - p, df);
  let lo = 0,
    hi = 1;
  while (studentTCdf(hi, df) < p) hi *= 2;
  let t = Math.min(Math.max(normalQuantile(p), lo), hi);
  for (let i = 0; i < 200; i++) {
    const f = studentTCdf(t, df) - p;
    if (f === 0) return t;
    if (f < 0) lo = t;
    else hi = t;
    const density = Math.exp(logTDensity(t, df));
    let next = t - f / density;
    if (!(next > lo && next < hi)) next = (lo + hi) / 2;
    if (Math.abs(next - t) <= 1e-15 * Math.max(1, Math.abs(t))) return next;
    t = next;
  }
  return t;
}

/** log of Student's t density. */
function logTDensity(t: number, df: number): number {
  return (
    lnGamma((df + 1) / 2) - lnGamma(df / 2) - 0.5 * Math.log(df * Math.PI) - ((df + 1) / 2) * Math.log1p((t * t) / df)
  );
}

/** Two-sided p of a t statistic: P(|T| ≥ |t|). */
export function studentTTwoSided(t: number, df: number): number {
  if (Number.isNaN(t) || !(df > 0)) return NaN;
  if (!Number.isFinite(t)) return 0;
  if (df === Infinity) return 2 * normalCdf(-Math.abs(t));
  return Math.min(1, betaIncomplete(df / 2, 0.5, df / (df + t * t)));
}

/**
 * The Kolmogorov distribution's survival function, P(K > x) where K is the limit of √n·Dₙ
 * (scipy.stats.kstwobign.sf): the alternating series for large x, Jacobi's theta form for small.
 */
export function kolmogorovSf(x: number): number {
  if (Number.isNaN(x)) return NaN;
  if (x <= 0) return 1;
  if (x < 1) {
    // 1 − (√(2π)/x) Σ exp(−(2k−1)²π²/(8x²)): converges fast where the other is slow.
    const w = (Math.PI * Math.PI) / (8 * x * x);
    let s = 0;
    for (let k = 1; k <= 20; k++) s += Math.exp(-(2 * k - 1) * (2 * k - 1) * w);
    return 1 - (Math.sqrt(2 * Math.PI) / x) * s;
  }
  let s = 0;
  for (let k = 1; k <= 100; k++) {
    const term = Math.exp(-2 * k * k * x * x);
    s += k % 2 ? term : -term;
    if (term < 1e-18) break;
  }
  return Math.min(1, 2 * s);
}
