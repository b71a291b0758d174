// Stakes on a money scale (issue 85; docs/model.md). The offline model weighs every consequence in
// its quantity's own unit (units.ts), so a pie of 10 and of 1,000 are the same game. People's are
// not: as the money at stake grows, responders reject a given low share less and proposers offer a
// little less (Slonim & Roth 1998, Slovakia, 60 to 1,500 SK; Andersen et al. 2011, India, up to
// about a year's income, where rejections of low offers fall toward zero). Where a quantity
// declares what a unit is worth (`worth_usd`), the aversion to ending behind (inequity.ts, envy)
// weighs 1/m(S) of what it does at a laboratory stake, S the decision's stake in dollars:
//
//   m(S) = 1 + STAKES · ln(S / REFERENCE_USD)   for S above REFERENCE_USD, else 1
//
// so money grows against fairness with the log of the stake (a concave value of money), while
// money's weight against concern for others (dictators: Carpenter, Verhoogen & Burks 2005 find no
// effect of stakes on giving) and the amounts' reference stay as they are. S is the largest change
// any option makes to a quantity with a worth, in dollars. Without the declaration m is never
// taken: the run is byte-for-byte as before.
import type { ActRequest, ActResponse } from '../types';
import { unitsOf } from './units';

/** The stake the model's other constants were set at: a laboratory game's pie of about $10 (Oosterbeek et al. 2004). */
export const REFERENCE_USD = 10;

/**
 * How much m grows for each e-fold of the stake above REFERENCE_USD: set once so that at a pie of
 * $1,000 (m ≈ 2.4: envy at 0.42, β × 2.4) the rejections of low offers fall to well under half of
 * those a pie of $10 draws (0.39 → 0.14, docs/model.md), toward the near-zero Andersen et al.
 * (2011) find at their highest stakes.
 */
export const STAKES = 0.3;

/** What a unit of each quantity is worth (`world.q`, and `*.q` for an agent quantity), or undefined when none declares it. */
export function worthOf(req: ActRequest): Map<string, number> | undefined {
  const out = new Map<string, number>();
  for (const q of req.world) if (q.worth !== undefined && q.worth > 0) out.set(`world.${q.name}`, q.worth);
  for (const q of req.own) if (q.worth !== undefined && q.worth > 0) out.set(`*.${q.name}`, q.worth);
  return out.size ? out : undefined;
}

/**
 * The largest stake weighed as itself: past a billion dollars no study says how people weigh it,
 * and a worth times a change past floating point (Infinity) must not make the choice NaN.
 */
export const MOST_USD = 1e9;

/** m(S): how much money weighs against fairness at a stake of `usd` (at most MOST_USD), against the reference stake. */
export function stakeWeight(usd: number): number {
  const s = Math.min(usd, MOST_USD);
  return s > REFERENCE_USD ? 1 + STAKES * Math.log(s / REFERENCE_USD) : 1;
}

/** What envy weighs at a stake of `usd`: 1/m(S). */
export const envyAt = (usd: number): number => 1 / stakeWeight(usd);

/**
 * The stake of a decision in dollars: the largest change any option makes to a quantity with a
 * worth (units.ts: at once, else what comes back later), times that worth.
 */
export function stakeOf(worth: Map<string, number>, units: Map<string, number>): number {
  let most = 0;
  for (const [key, w] of worth) most = Math.max(most, w * (units.get(key) || units.get(`~${key}`) || 0));
  return most;
}

/**
 * The reason's clause for the `stakes` push: the stake and what envy weighed at it, the numbers
 * the push was worked from, and the push's size; nothing when the push moved nothing.
 */
export function stakesClause(usd: number, size: number | undefined): string {
  if (!size) return '';
  const dollars =
    usd > MOST_USD
      ? `${MOST_USD.toLocaleString('en-US')} or more`
      : usd >= 100
        ? Math.round(usd).toLocaleString('en-US')
        : String(Math.round(usd * 100) / 100);
  const share = Math.round(envyAt(usd) * 100);
  const way = size > 0 ? 'toward' : 'away from';
  return `; with $${dollars} at stake, ending behind weighed ${share}% of what it does at $${REFERENCE_USD}, which moved me ${way} this by ${Math.abs(size)}`;
}

/** The reason with the `stakes` clause added where that push moved the choice (act.ts). */
export function withStakes<R extends Pick<ActResponse, 'reason'>>(
  req: ActRequest,
  said: R,
  pushes: NonNullable<ActResponse['pushes']>,
): R {
  const worth = worthOf(req);
  const size = worth && pushes.find((x) => x.rule === 'stakes')?.size;
  return size ? { ...said, reason: said.reason + stakesClause(stakeOf(worth, unitsOf(req.options)), size) } : said;
}
