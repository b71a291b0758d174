// A mean's 95% CI as the experiment report shows it: the Student's t-interval (statistics.ts) cut
// at the metric's bounds (analysis/metrics/metricBounds.ts).
//
// Why cut rather than use another method: a t-interval is symmetric about the mean, so with few
// seeds and values near a bound (a sparse network's density, clustering 0 in some runs) it
// reaches past the bound, "density 0.010 (−0.004 … 0.024)". The true mean lies within the bounds,
// so it lies in the t-interval exactly when it lies in the part of it within them: the cut
// interval has the same coverage and drops only impossible values. Intervals that respect bounds
// by construction fit these data worse: a logit interval is undefined when a run's value is
// exactly 0 or 1 (clustering and reciprocity often are), a bootstrap percentile interval is
// unreliable with 3 to 20 seeds. A cut end is marked, since it says the t approximation is
// strained there and the interval is no longer mean ± a half-width.
//
// Only what the page shows changes: summary.csv and experiment.json keep the t-interval, and the
// claims are judged as before on intervals of differences (coaching on − off, observed − random),
// which may rightly be negative and are never cut.
import { metricBounds } from '../analysis';
import type { Estimate } from './statistics';

export interface ShownInterval {
  low: number;
  high: number;
  /** The t-interval passed the metric's lowest (highest) value and was cut there. */
  cutLow: boolean;
  cutHigh: boolean;
}

/** Past a bound by less than this is floating-point residue (a modularity of −4e-16), not a cut. */
const RESIDUE = 1e-12;

export function shownInterval(metric: string, estimate: Estimate): ShownInterval | null {
  if (!estimate.ci95) return null;
  const [a, b] = estimate.ci95;
  const [lowest, highest] = metricBounds(metric) ?? [-Infinity, Infinity];
  const cutLow = a < lowest - RESIDUE,
    cutHigh = b > highest + RESIDUE;
  // Never past the mean, should a mean itself lie outside (it cannot, short of residue).
  const mean = estimate.mean ?? (a + b) / 2;
  return {
    low: cutLow ? Math.min(lowest, mean) : a,
    high: cutHigh ? Math.max(highest, mean) : b,
    cutLow,
    cutHigh,
  };
}
