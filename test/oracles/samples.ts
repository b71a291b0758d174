// Samples for the statistics oracle, seeded: normal draws of several sizes and spreads, and the
// cases where a test is degenerate (tiny n, ties, equal samples, no spread, one value), and what
// each pair looks like, worked out from the data alone.
import { seededRandom } from '../../src/core/random/seededRandom';
import type { SampleShape } from './conventions';

export interface SamplePair {
  name: string;
  a: number[];
  b: number[];
}

/** n normal draws (Box–Muller), rounded to `digits` decimals when given (ties). */
export function normals(seed: number, n: number, mean: number, sd: number, digits?: number): number[] {
  const rng = seededRandom(seed);
  return Array.from({ length: n }, () => {
    const z = Math.sqrt(-2 * Math.log(1 - rng())) * Math.cos(2 * Math.PI * rng());
    const x = mean + sd * z;
    return digits === undefined ? x : Number(x.toFixed(digits));
  });
}

/** Answers on a 1..5 scale: few distinct values, many ties. */
export function likert(seed: number, n: number, lean = 0): number[] {
  const rng = seededRandom(seed);
  return Array.from({ length: n }, () => Math.min(5, Math.max(1, Math.round(1 + rng() * 4 + lean))));
}

export const PAIRS: SamplePair[] = [
  { name: 'normal, n 12 and 15', a: normals(1, 12, 0, 1), b: normals(2, 15, 0.5, 1.5) },
  { name: 'normal, n 30 and 30, unequal spread', a: normals(3, 30, 10, 1), b: normals(4, 30, 10.4, 4) },
  { name: 'normal, n 200 and 150', a: normals(5, 200, 0, 1), b: normals(6, 150, 0.1, 1) },
  { name: 'normal, n 1000 and 1200', a: normals(7, 1000, 3, 2), b: normals(8, 1200, 3.05, 2) },
  { name: 'tiny: n 2 and 2', a: [1.5, 2.25], b: [3, 4.5] },
  { name: 'tiny: n 2 and 3', a: [0.1, 0.7], b: [0.2, 0.9, 1.4] },
  { name: 'ties: Likert answers', a: likert(9, 25), b: likert(10, 25, 0.6) },
  { name: 'ties: one decimal', a: normals(11, 40, 5, 1, 1), b: normals(12, 40, 5.3, 1, 1) },
  { name: 'equal samples', a: normals(13, 10, 2, 1), b: normals(13, 10, 2, 1) },
  { name: 'no spread in one sample', a: [4, 4, 4, 4, 4], b: normals(14, 6, 4.5, 1) },
  { name: 'no spread, means apart', a: [2, 2, 2], b: [3, 3, 3] },
  { name: 'no spread, means equal', a: [7, 7, 7, 7], b: [7, 7, 7, 7] },
  { name: 'one value in a sample', a: [3.2], b: [1, 2, 3] },
  { name: 'large offset (values near 1e6)', a: normals(15, 20, 1e6, 0.01), b: normals(16, 20, 1e6 + 0.004, 0.01) },
  { name: 'far apart (p near 1e-30)', a: normals(17, 40, 0, 1), b: normals(18, 40, 6, 1) },
  { name: 'far apart, small (p near 1e-9)', a: normals(19, 8, 0, 1), b: normals(20, 8, 10, 1) },
];

const mean = (xs: readonly number[]) => xs.reduce((s, v) => s + v, 0) / xs.length;
const allEqual = (xs: readonly number[]) => xs.every((v) => v === xs[0]);

/** Two independent samples (Welch). */
export function twoSampleShape(a: readonly number[], b: readonly number[]): SampleShape {
  return {
    fewerThanTwo: a.length < 2 || b.length < 2,
    noSpread: allEqual(a) && allEqual(b),
    zeroDifference: a.length > 0 && b.length > 0 && mean(a) === mean(b),
    pooledDf: a.length + b.length - 2,
  };
}

/** One sample against mu. */
export function oneSampleShape(a: readonly number[], mu: number): SampleShape {
  return {
    fewerThanTwo: a.length < 2,
    noSpread: allEqual(a),
    zeroDifference: a.length > 0 && mean(a) === mu,
    pooledDf: a.length - 1,
  };
}

/** Paired samples: the one-sample shape of the differences a − b (pairs up to the shorter). */
export function differences(a: readonly number[], b: readonly number[]): number[] {
  return a.slice(0, Math.min(a.length, b.length)).map((x, i) => x - b[i]);
}
