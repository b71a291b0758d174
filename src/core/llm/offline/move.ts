// What a move is worth to the offline model (issue 44 point 7): an agent keeps to its daily plan
// unless company or temperament says otherwise. For an option that moves it (ActOption.move):
//
//   u_move = 0.5·Δtie − off·(1 + c − o) / 2
//
// Δtie = its mean tie to those at the destination minus to those where it is (−1..1): people go
// where their friends are. off = the share of the parts of the day the move lasts (this one, or
// the rest of the day) whose plan says elsewhere; o = openness, c = conscientiousness: leaving
// the plan costs a middling agent ½, the curious wander and the conscientious keep to the plan.
// A move where the plan says adds only Δtie; the action's own effects are weighed as any action's.
import type { ActOption, ActRequest } from '../types';

export function moveUtility(req: ActRequest, o: ActOption): number {
  if (!o.move) return 0;
  const t = req.persona.traits;
  return 0.5 * o.move.ties - (o.move.off_plan * (1 + t.conscientiousness - t.openness)) / 2;
}

/** Why it moved, when the move is what it weighed. */
export function moveReason(o: ActOption): string | undefined {
  if (!o.move) return undefined;
  if (o.move.ties > 0) return `${o.action}: people I am close to are at ${o.move.label}`;
  return o.move.off_plan === 0
    ? `${o.action}: ${o.move.label} is where I planned to be`
    : `${o.action}: I fancied ${o.move.label}`;
}
