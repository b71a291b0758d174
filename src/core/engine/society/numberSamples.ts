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
