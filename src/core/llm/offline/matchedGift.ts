// Concern for what a gift brings others, held as far as they gave themselves (issue 85, item 5):
// people are conditional cooperators — they give about what they believe the others give and care
// for what their giving brings those others as far as the others reciprocate (Fischbacher, Gächter
// & Fehr 2001; Fischbacher & Gächter 2010; Falk & Fischbacher 2006). Without it concern for a
// shared pot's return is unconditional, and where giving costs little (a high return per token) a
// few agreeable agents give everything from the first round, the others' reference follows them up
// and contributions climb instead of falling (groups of 8 at an MPCR of 0.75: 0.58 → 0.77 over 15
// rounds; people's fall or hold, Isaac, Walker & Williams 1994).
//
// For an amount x of an action's one number argument, an other's foreseen gain from it is weighed
// in full up to what that other put in the same argument the last time (its "match"), and beyond
// that by what it matched: m = (match − least) / (x − least) in 0..1, the gain weighed at
// UNMATCHED_KEPT + (1 − UNMATCHED_KEPT)·m. Before the other has acted the gain is weighed in full
// (nothing to reciprocate yet, the equal split is the belief). Only gains: a harm done to others is weighed in full (diffuse.ts). The part withheld
// is the named push `unmatched_gift`.
import type { ActOption, ActRequest } from '../types';
import { soleNumberArg } from './continuum';

type Other = ActRequest['others'][number];

/**
 * The share of concern a gift keeps however little its recipient gave: conditional cooperators are
 * about half of people, and most of the rest give little whatever others do (Fischbacher, Gächter
 * & Fehr 2001: 50% conditional, 30% free riders, 14% hump-shaped); concern is withheld halfway.
 */
export const UNMATCHED_KEPT = 0.5;

/** The one number argument of the option's action, and its least value, if it has exactly one. */
function amountOf(req: ActRequest, option: ActOption): { arg: string; x: number; lo: number } | undefined {
  const arg = soleNumberArg(req, option.action);
  const x = arg ? option.args[arg.name] : undefined;
  if (!arg || typeof x !== 'number' || arg.min === undefined) return undefined;
  return { arg: arg.name, x, lo: arg.min };
}

/**
 * The share (0..1) of each other's foreseen gain from `option` the agent's concern weighs: by owner
 * id, only those below 1; undefined when every gain is weighed in full.
 */
export function matchedShares(req: ActRequest, option: ActOption): Map<string, number> | undefined {
  if (!option.foreseen) return undefined;
  const amount = amountOf(req, option);
  if (!amount || !(amount.x > amount.lo)) return undefined;
  let out: Map<string, number> | undefined;
  for (const o of req.others) {
    const share = matched(o, option.action, amount);
    if (share < 1) (out ??= new Map()).set(o.id, share);
  }
  return out;
}

function matched(o: Other, action: string, amount: { arg: string; x: number; lo: number }): number {
  const gave = o.last_args?.[action]?.[amount.arg];
  if (gave === undefined) return 1;
  const share = Math.min(1, Math.max(0, (gave - amount.lo) / (amount.x - amount.lo)));
  return UNMATCHED_KEPT + (1 - UNMATCHED_KEPT) * share;
}
