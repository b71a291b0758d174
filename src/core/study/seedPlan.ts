// The seed plan as looks: a fixed plan is one look at every seed; a sequential plan runs `start`
// seeds, then `batch` more at each look, up to `max`. Stopping when the data look decided would
// inflate false positives, so each look is tested at α / K, K the looks the plan allows
// (Bonferroni over looks: conservative, simple to state, valid for any stopping rule).
import type { SeedPlan } from '../format';

/** The study's family-wise error rate (two-sided). */
export const STUDY_ALPHA = 0.05;

export interface Looks {
  /** The seeds of each look, cumulative: look k runs `looks[k]` minus those before it. */
  looks: number[][];
  /** The level each look's intervals and tests use. */
  alpha: number;
  /** The stopping rule in words, for the Methods section. */
  rule: string;
}

export function looksOf(plan: SeedPlan): Looks {
  if (plan.kind === 'fixed') {
    return {
      looks: [plan.seeds],
      alpha: STUDY_ALPHA,
      rule: `${plan.seeds.length} fixed seeds (${seedRange(plan.seeds)}), one look; 95% intervals.`,
    };
  }
  const sizes: number[] = [];
  for (let n = Math.min(plan.start, plan.max); ; n += plan.batch) {
    sizes.push(Math.min(n, plan.max));
    if (n >= plan.max) break;
  }
  const looks = sizes.map((n) => Array.from({ length: n }, (_, i) => i + 1));
  const alpha = STUDY_ALPHA / looks.length;
  const level = (100 * (1 - alpha)).toFixed(alpha < 0.01 ? 2 : 1);
  return {
    looks,
    alpha,
    rule:
      `Sequential: seeds 1–${sizes[0]}, then ${plan.batch} more at each look, at most ${plan.max} (${looks.length} looks), ` +
      `stopping once every hypothesis's interval excludes 0 or is narrower than its smallest effect of interest. ` +
      `Each look is tested at α = 0.05 / ${looks.length} = ${alpha.toPrecision(3)} (${level}% intervals; Bonferroni over the planned looks), ` +
      `so stopping early does not raise the false-positive rate above 5%.`,
  };
}

/** `1–12` for a run of consecutive seeds, else the list. */
export function seedRange(seeds: readonly number[]): string {
  const sorted = [...seeds].sort((a, b) => a - b);
  const consecutive = sorted.every((s, i) => i === 0 || s === sorted[i - 1] + 1);
  return consecutive && sorted.length > 2 ? `${sorted[0]}–${sorted.at(-1)}` : sorted.join(', ');
}
