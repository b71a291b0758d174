// Loss aversion around what one expects (issue 85, item 3). Where the round's close bends with what
// the others put in and the agent is unsure of them (engine/phases/act/beliefSpread.ts), an option
// brings back a spread of outcomes: a pot reached or not, a refund or nothing. People weigh an
// outcome below what they expected more than a like one above it (Tversky & Kahneman 1992: λ ≈
// 2.25), around a reference that is their expectation (Kőszegi & Rabin 2006). The expected value
// of v(o − E[o]), with v linear and losses × λ, is E[o] − (λ − 1) × E[max(0, E[o] − o)]: the mean,
// less λ − 1 times the mean shortfall the engine reports. So a refund, which halves what falling
// short takes, makes giving toward a threshold safer (Cadsby & Maynes 1999; Croson & Marks 2000),
// and a certain change (the same at every point of the belief) costs nothing more.
import type { ActOption } from '../types';
import { foreseenUnit } from './units';

/** How much more a shortfall below the expected outcome weighs than a like gain (Tversky & Kahneman 1992). */
export const LOSS_AVERSION = 2.25;

/** What the option's mean shortfall costs in utility, its own quantities weighed at `self` a unit (≤ 0). */
export function downsideCost(option: ActOption, units: Map<string, number>, self: number): number {
  let v = 0;
  for (const [target, short] of Object.entries(option.downside ?? {})) {
    v -= ((LOSS_AVERSION - 1) * self * short) / foreseenUnit(units, target);
  }
  return v;
}
