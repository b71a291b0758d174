// Loss aversion over an uncertain close (issue 85, item 3). Where the round's close steps or kinks
// with what the others put in and the agent is unsure of them (engine/phases/act/beliefSpread.ts),
// an option brings a spread of outcomes: a pot reached or not, a refund or nothing. People weigh a
// loss more than a like gain (Tversky & Kahneman 1992: λ ≈ 2.25). The outcome o is the option's
// change at once and what it brings back, against not taking it; a loss is o below nothing. With v
// linear and losses × λ, E[v(o)] = E[o] − (λ − 1)·E[max(0, −o)]. The model's weights were set on
// certain outcomes, so only what the spread adds is taken: (λ − 1)·(E[max(0, −o)] − max(0, −E[o])),
// the engine's `downside`. A certain change (the same at every point of the belief) costs nothing
// more, and a refund, which gives back what a pot short of its threshold took, removes the loss of
// giving toward it (Cadsby & Maynes 1999; Croson & Marks 2000). Taken around the expected outcome
// instead (any shortfall below the mean: Kőszegi & Rabin 2006), it made a common pool's risk weigh
// so much that its yield without talk rose from 0.2 to 0.55 (people 0.21; with amounts read at
// sixths everywhere): not kept.
import type { ActOption } from '../types';
import { foreseenUnit } from './units';

/** How much more a shortfall below the expected outcome weighs than a like gain (Tversky & Kahneman 1992). */
export const LOSS_AVERSION = 2.25;

/** What the loss the option's spread adds costs in utility, its own quantities weighed at `self` a unit (≤ 0). */
export function downsideCost(option: ActOption, units: Map<string, number>, self: number): number {
  let v = 0;
  for (const [target, short] of Object.entries(option.downside ?? {})) {
    v -= ((LOSS_AVERSION - 1) * self * short) / foreseenUnit(units, target);
  }
  return v;
}
