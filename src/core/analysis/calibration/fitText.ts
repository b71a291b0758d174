// The fit as the terminal prints it: the settings ranked (best first) with their score, then each
// measure of the best and the runner-up — RMSE, KS D with its p, Welch's t on the means.
import type { FitCriterion, RankedCondition } from './rank';
import type { MeasureFit } from './fit';
import { maxOf } from '../../stats/extremes';

export const num = (v: number | null | undefined, digits = 3): string =>
  v === null || v === undefined
    ? '—'
    : Number.isFinite(v)
      ? Number(v.toPrecision(digits + 1)).toString()
      : v > 0
        ? '∞'
        : '−∞';

/** "normalised RMSE" or "KS D": what a score is. */
export function criterionText(by: FitCriterion): string {
  return by === 'ks' ? 'KS D (mean over measures)' : 'normalised RMSE (RMSE ÷ observed range, mean over measures)';
}

export function measureLine(f: MeasureFit): string {
  const ks = f.ks ? `KS D ${num(f.ks.d)} (p ${num(f.ks.p)})` : 'KS —';
  const t = f.t.p === null ? `t — (${f.t.note})` : `Welch t ${num(f.t.t)} (p ${num(f.t.p)})`;
  return `${f.measure} ~ ${f.series}: RMSE ${num(f.error.rmse)} (normalised ${num(f.error.nrmse)}, ${f.error.n} rounds), ${ks}, ${t}`;
}

export function fitText(ranked: readonly RankedCondition[], by: FitCriterion): string {
  if (!ranked.length) return 'fit: no simulated series matched an observed measure';
  const lines = [`fit by ${criterionText(by)}, lower is better:`];
  const width = maxOf(ranked.map((r) => r.condition.length));
  ranked.forEach((r, i) => lines.push(`  ${String(i + 1).padStart(2)}. ${r.condition.padEnd(width)}  ${num(r.score)}`));
  const [best, next] = ranked;
  lines.push('', `best fit: ${best.condition} (${num(best.score)})`);
  for (const f of best.fits) lines.push(`  ${measureLine(f)}`);
  if (next) {
    lines.push(`runner-up: ${next.condition} (${num(next.score)})`);
    for (const f of next.fits) lines.push(`  ${measureLine(f)}`);
  }
  return lines.join('\n');
}
