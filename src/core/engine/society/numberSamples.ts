// The values a number argument is weighed at: its least, middle and most. The offline model
// interpolates between them to choose on the whole continuum (llm/offline/continuum.ts), and what
// a choice brought is learned under the nearest of them (experience.ts optionKey), so a choice of
// 3.5 teaches about giving little, not about a value no option is ever weighed at.
import type { ActionArg } from '../../format';

export function numberSamples(arg: Pick<ActionArg, 'min' | 'max' | 'integer'>): number[] {
  const lo = arg.min ?? 0,
    hi = arg.max ?? lo + 1;
  const mid = arg.integer ? Math.round((lo + hi) / 2) : (lo + hi) / 2;
  return [...new Set([lo, mid, hi])];
}

/** How finely an amount is weighed when a partner's later answer to it is looked ahead over: sixths of its range. */
export const LOOKAHEAD_STEPS = 6;

/**
 * The values a number argument is weighed at when a partner's answer to it is reckoned
 * (engine/phases/act/lookahead.ts): sixths of the range, which hold the focal amounts (nothing,
 * the equal split, everything) — the answer (a rejection's risk) need not be linear in between.
 */
export function lookaheadSamples(arg: Pick<ActionArg, 'min' | 'max' | 'integer'>): number[] {
  const lo = arg.min ?? 0,
    hi = arg.max ?? lo + 1;
  const out = new Set<number>();
  for (let k = 0; k <= LOOKAHEAD_STEPS; k++) {
    const x = lo + ((hi - lo) * k) / LOOKAHEAD_STEPS;
    out.add(arg.integer ? Math.round(x) : Math.round(x * 1e9) / 1e9);
  }
  return [...out];
}

/** The sample nearest to `x` (the lower on a tie). */
export function nearestSample(arg: Pick<ActionArg, 'min' | 'max' | 'integer'>, x: number): number {
  let best = x,
    gap = Infinity;
  for (const s of numberSamples(arg)) {
    const d = Math.abs(s - x);
    if (d < gap) {
      best = s;
      gap = d;
    }
  }
  return best;
}
