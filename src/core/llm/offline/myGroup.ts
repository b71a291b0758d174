// Issue 70/72: with `matching:`, what an agent believes the others do is about its own group. The
// others it is shown also hold whoever it could act on; agents outside every group (or in other
// groups) played elsewhere and say nothing about its group-mates: averaging them in let four
// unmatched agents swing a group's contributions.
import type { ActRequest } from '../types';

type Other = ActRequest['others'][number];

/** The others an agent's beliefs and comparisons are about: its match group where it has one, else every other shown. */
export function myGroup(req: ActRequest): readonly Other[] {
  let mates: Other[] | undefined;
  for (const o of req.others) if (o.matched) (mates ??= []).push(o);
  return mates ?? req.others;
}

/**
 * Each other's conduct against the rest's: sanctions and rewards aim at how far one's conduct
 * falls below or rises above the mean of the others of its group (0 when none other is), as
 * people punish contributions below the others' mean, the harder the further below (Fehr & Gächter 2002).
 */
export function conductGaps(req: ActRequest): Map<string, number> {
  let sum = 0,
    n = 0;
  // In a pair there is no rest of the group to hold the partner to: the others shown stand for the
  // norm (with none, the partner's conduct itself would be its gap, and every defection a breach).
  const mates = myGroup(req);
  const group = mates.length >= 2 ? mates : req.others;
  for (const o of group) {
    if (o.conduct === undefined) continue;
    sum += o.conduct;
    n++;
  }
  return new Map(
    req.others.map((o) => {
      const own = o.conduct ?? 0;
      const inGroup = o.conduct !== undefined && group.includes(o);
      const rest = inGroup ? n - 1 : n;
      const restSum = inGroup ? sum - own : sum;
      return [o.id, own - (rest > 0 ? restSum / rest : 0)];
    }),
  );
}
