// Where the project's numbers legitimately differ from the reference libraries' by a stated
// convention, the reference value is turned into the project's here, in one place, and nowhere
// else: every test compares the project's value with `…AsOurs(reference)` under the tolerances
// below. A difference this file does not name is a disagreement.
import * as assert from 'node:assert/strict';
import type { FixtureNode } from '../../src/core/analysis/metrics/graphFixture';
import { minOf } from '../../src/core/stats/extremes';
import type { OracleValue } from './python';

export interface Tolerance {
  /** Relative to the reference value. */
  rel: number;
  /** Absolute floor, for values that are 0 up to rounding (a correlation of 1e-17 is 0). */
  abs: number;
}

/** Real values: 1e-9 relative (the NetworkX fixtures' bar), with a floor far below any reported digit. */
export const REAL: Tolerance = { rel: 1e-9, abs: 1e-12 };
/** Counts, degree lists, booleans: exactly. */
export const EXACT: Tolerance = { rel: 0, abs: 0 };
/**
 * p-values: 1e-9 relative and no absolute floor worth the name, so a p of 1e-20 reported as 0 (or
 * 1e-16, the rounding of 1 − cdf) is caught.
 */
export const P_VALUE: Tolerance = { rel: 1e-9, abs: 1e-300 };
/**
 * The KS test beyond 10,000 values a sample: ours uses the Kolmogorov limit with Stephens' (1970)
 * finite-sample factor, SciPy's 'asymp' the exact one-sample kstwo distribution (src/core/stats/ks.ts
 * says they agree to about 0.01).
 */
export const KS_ASYMPTOTIC_P: Tolerance = { rel: 0, abs: 0.01 };

const undefinedThere = (v: OracleValue | undefined): boolean =>
  v === null || v === undefined || (typeof v === 'number' && Number.isNaN(v));

// ------------------------------------------------------------------------------ networks

export interface MeasuredGraph {
  edges: number;
  attribute: string;
  categorical: boolean;
  /** Some node has the attribute. */
  attributed: boolean;
}

/**
 * NetworkX's value as the project reports it (shared/fixtures/graphs/README.md):
 * - null where NetworkX's value is undefined: it raises (no edges: reciprocity, modularity;
 *   no nodes: average clustering, maxima, median) or gives NaN (zero variance: assortativity);
 * - categorical assortativity without edges is null too, where NetworkX gives 0 (the coefficient of
 *   an all-zero mixing matrix, (0 − 0) / (1 − 0));
 * - nodes without a categorical attribute form one category, named '' (the request's
 *   `missing_category`; oracle.py fills it in before NetworkX sees the graph); when no node has
 *   the attribute the split by it says nothing and its modularity is null (NetworkX: 0, the
 *   modularity of one community holding everyone).
 */
export function networkAsOurs(metric: string, theirs: OracleValue, graph: MeasuredGraph): OracleValue {
  if (undefinedThere(theirs)) return null;
  const a = graph.attribute;
  if (graph.categorical && graph.edges === 0 && metric === `${a}_assortativity`) return null;
  if (!graph.attributed && (metric === `${a}_modularity` || metric === `${a}_modularity_weighted`)) return null;
  return theirs;
}

/**
 * The nodes as NetworkX is asked about them: a numeric attribute shifted by its smallest value.
 * The coefficient is a correlation, the same under any shift; NetworkX sums x² over raw values in
 * one pass, which at values near 1e9 (ages in seconds) loses every digit of the variance (it gives
 * 0.042 where the correlation is −0.014), while the project centres first.
 */
export function nodesForNetworkX(nodes: readonly FixtureNode[], attribute: string, kind: string): FixtureNode[] {
  if (kind !== 'numeric') return [...nodes];
  const numbers = nodes.map((n) => n[attribute]).filter((v): v is number => typeof v === 'number');
  const low = numbers.length ? minOf(numbers) : 0;
  return nodes.map((n) => (typeof n[attribute] === 'number' ? { ...n, [attribute]: n[attribute] - low } : n));
}

/**
 * The refusals that mean "undefined" (NetworkX on a graph without edges or nodes, Python's max and
 * median of nothing). Any other exception is a fault in oracle.py, never a null to agree with.
 */
export const UNDEFINED_THERE = [
  /^ZeroDivisionError: /,
  /^NetworkXError: Not defined for empty graphs$/,
  /^ValueError: max\(\) (arg is an empty sequence|iterable argument is empty)$/,
  /^StatisticsError: no median for empty data$/,
];

/** The category nodes without the attribute share (attributeHomophily.ts: categoryOf gives ''). */
export const MISSING_CATEGORY = '';

// ------------------------------------------------------------------------------ statistics

/** What a sample pair looks like, worked out from the data alone (not from the code under test). */
export interface SampleShape {
  /** Some sample holds fewer than two (finite) values. */
  fewerThanTwo: boolean;
  /** Every sample's values are all equal (and there are at least two in each). */
  noSpread: boolean;
  /** The tested difference (of means, or mean − mu) is exactly 0. */
  zeroDifference: boolean;
  /** Degrees of freedom the project states when there is no spread: n − 1, or na + nb − 2. */
  pooledDf: number;
}

/**
 * SciPy's t-test (statistic, df, p) as src/core/stats/tTest.ts reports it: with fewer than two
 * values t, df and p are null (SciPy: NaN); with no spread at all the standard error is 0 and the
 * means are either equal (t 0, p 1; SciPy 0/0 = NaN) or certainly apart (t ±∞, p 0, as SciPy), with
 * df the pooled one (SciPy's Welch df is 0/0 there).
 */
export function tTestAsOurs(
  scipy: Readonly<Record<string, OracleValue>>,
  shape: SampleShape,
): { t: OracleValue; df: OracleValue; p: OracleValue } {
  if (shape.fewerThanTwo) return { t: null, df: null, p: null };
  if (shape.noSpread) {
    return shape.zeroDifference ? { t: 0, df: shape.pooledDf, p: 1 } : { t: scipy.t, df: shape.pooledDf, p: scipy.p };
  }
  return { t: scipy.t, df: scipy.df, p: scipy.p };
}

/**
 * SciPy's p and 95% interval as src/core/experiment/statistics.ts reports them: no p where the
 * standard error is 0 (SciPy: p 0 for t ±∞, NaN for 0/0) or with fewer than two values (NaN), and
 * no interval with fewer than two values; with no spread the interval is the point itself.
 */
export function experimentAsOurs(
  scipy: Readonly<Record<string, OracleValue>>,
  shape: SampleShape,
  difference: number,
): { p: OracleValue; ci95: OracleValue } {
  if (shape.fewerThanTwo) return { p: null, ci95: null };
  if (shape.noSpread) return { p: null, ci95: [difference, difference] };
  return { p: scipy.p, ci95: [scipy.ci_low, scipy.ci_high] };
}

/**
 * Hedges' g as the project reports it: null when the pooled standard deviation is 0, where the
 * formula gives NaN (equal means) or ±∞.
 */
export function hedgesAsOurs(g: OracleValue): OracleValue {
  return typeof g === 'number' && !Number.isFinite(g) ? null : g;
}

// ------------------------------------------------------------------------------ comparing

/**
 * The project's value equals the reference's (already mapped by the functions above) within `tol`;
 * a value the project leaves out (undefined, as estimate's p with one value) counts as null.
 */
export function assertAgrees(label: string, ours: unknown, expected: OracleValue, tol: Tolerance = REAL): void {
  // Worded "<label> is …, the reference …": mocha cuts a message of the form "<label>: expected …" to its label.
  const got = (v: unknown) => (Array.isArray(v) ? JSON.stringify(v) : String(v));
  const says = `${label} is ${got(ours)}, the reference ${got(expected)}`;
  if (Array.isArray(expected)) {
    assert.ok(Array.isArray(ours), says);
    assert.equal(ours.length, expected.length, says);
    expected.forEach((e, i) => assertAgrees(`${label}[${i}]`, ours[i], e, tol));
    return;
  }
  if (expected === null) return assert.ok(ours === null || ours === undefined, says);
  if (typeof expected !== 'number' || !Number.isFinite(expected)) return assert.ok(Object.is(ours, expected), says);
  assert.ok(typeof ours === 'number', says);
  const gap = Math.abs(ours - expected);
  assert.ok(
    gap <= tol.rel * Math.abs(expected) + tol.abs,
    `${says} (off by ${gap.toExponential(2)}, allowed ${tol.rel} relative + ${tol.abs})`,
  );
}
