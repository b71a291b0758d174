// Agreement between raters who score the same units: Krippendorff's alpha (interval and ordinal
// distances, missing ratings allowed) and the intraclass correlation ICC(2,1) of Shrout & Fleiss
// (two-way random effects, absolute agreement, one rater). Pure functions over a raters × units
// matrix; null is a missing rating.
import { maxOf, minOf } from './extremes';

export type Ratings = readonly (readonly (number | null)[])[];

/** Alpha's distance between two values, given the pooled values (for ordinal ranks). */
type Distance = (a: number, b: number) => number;

/** The pairable values of each unit: units rated by at least two raters. */
function pairableUnits(ratings: Ratings): number[][] {
  const units = Math.max(0, maxOf(ratings.map((r) => r.length)));
  const out: number[][] = [];
  for (let u = 0; u < units; u++) {
    const values = ratings
      .map((r) => r[u])
      .filter((v): v is number => v !== null && v !== undefined && Number.isFinite(v));
    if (values.length >= 2) out.push(values);
  }
  return out;
}

/** Ordinal distance (Krippendorff 2011): the squared count of values between a and b, halving the ends. */
function ordinalDistance(pooled: readonly number[]): Distance {
  const counts = new Map<number, number>();
  for (const v of pooled) counts.set(v, (counts.get(v) ?? 0) + 1);
  const levels = [...counts.keys()].sort((x, y) => x - y);
  return (a, b) => {
    const [lo, hi] = a <= b ? [a, b] : [b, a];
    let sum = 0;
    for (const g of levels) if (g >= lo && g <= hi) sum += counts.get(g) ?? 0;
    const d = sum - ((counts.get(lo) ?? 0) + (counts.get(hi) ?? 0)) / 2;
    return d * d;
  };
}

function alpha(ratings: Ratings, distance: (pooled: readonly number[]) => Distance): number | null {
  const units = pairableUnits(ratings);
  const pooled = units.flat();
  const n = pooled.length;
  if (n < 2) return null;
  const delta = distance(pooled);
  let observed = 0;
  for (const values of units) {
    let s = 0;
    for (let i = 0; i < values.length; i++) {
      for (let j = 0; j < values.length; j++) if (i !== j) s += delta(values[i], values[j]);
    }
    observed += s / (values.length - 1);
  }
  let expected = 0;
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (i !== j) expected += delta(pooled[i], pooled[j]);
  const dO = observed / n;
  const dE = expected / (n * (n - 1));
  // every value the same: no disagreement to expect, alpha is undefined
  return dE === 0 ? null : 1 - dO / dE;
}

/** Krippendorff's alpha with the interval distance (a − b)², or null when undefined. */
export function krippendorffInterval(ratings: Ratings): number | null {
  return alpha(ratings, () => (a, b) => (a - b) * (a - b));
}

/** Krippendorff's alpha with the ordinal distance, or null when undefined. */
export function krippendorffOrdinal(ratings: Ratings): number | null {
  return alpha(ratings, ordinalDistance);
}

/**
 * ICC(2,1) over the units every rater scored (units with a missing rating are left out), or null
 * with fewer than two such units or two raters, or no variance at all.
 */
export function icc21(ratings: Ratings): number | null {
  const k = ratings.length;
  if (k < 2) return null;
  const units = minOf(ratings.map((r) => r.length));
  const rows: number[][] = [];
  for (let u = 0; u < units; u++) {
    const row = ratings.map((r) => r[u]);
    if (row.every((v) => v !== null && Number.isFinite(v))) rows.push(row as number[]);
  }
  const n = rows.length;
  if (n < 2) return null;
  const grand = rows.flat().reduce((s, v) => s + v, 0) / (n * k);
  const rowMeans = rows.map((r) => r.reduce((s, v) => s + v, 0) / k);
  const colMeans = ratings.map((_, j) => rows.reduce((s, r) => s + r[j], 0) / n);
  const ssr = k * rowMeans.reduce((s, m) => s + (m - grand) ** 2, 0);
  const ssc = n * colMeans.reduce((s, m) => s + (m - grand) ** 2, 0);
  const sst = rows.flat().reduce((s, v) => s + (v - grand) ** 2, 0);
  const msr = ssr / (n - 1);
  const msc = ssc / (k - 1);
  const mse = (sst - ssr - ssc) / ((n - 1) * (k - 1));
  const denominator = msr + (k - 1) * mse + (k * (msc - mse)) / n;
  return denominator === 0 ? null : (msr - mse) / denominator;
}
