// Which condition of a sweep fits best: each condition's score is the mean over its measures of
// the chosen fit — the normalised RMSE (the RMSE over the observed range, so measures of different
// units weigh alike; the plain RMSE where the observed values do not vary) or the KS statistic D.
// Lower is better; a condition with no comparable value ranks last.
import type { MeasureFit } from './fit';

export type FitCriterion = 'rmse' | 'ks';

export interface RankedCondition {
  condition: string;
  /** null: no measure had a value to compare. */
  score: number | null;
  fits: MeasureFit[];
}

export function scoreOf(f: MeasureFit, by: FitCriterion): number | null {
  return by === 'ks' ? (f.ks?.d ?? null) : (f.error.nrmse ?? f.error.rmse);
}

/** Conditions best first (ties keep the conditions' order). */
export function rankConditions(fits: readonly MeasureFit[], by: FitCriterion): RankedCondition[] {
  const conditions = [...new Set(fits.map((f) => f.condition))];
  const ranked = conditions.map((condition): RankedCondition => {
    const mine = fits.filter((f) => f.condition === condition);
    const scores = mine.map((f) => scoreOf(f, by)).filter((s): s is number => s !== null);
    return { condition, score: scores.length ? scores.reduce((a, b) => a + b, 0) / scores.length : null, fits: mine };
  });
  return ranked
    .map((r, i) => ({ r, i }))
    .sort((a, b) => byScore(a.r.score, b.r.score) || a.i - b.i)
    .map(({ r }) => r);
}

function byScore(a: number | null, b: number | null): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  return a - b;
}
