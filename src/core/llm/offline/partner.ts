// Offline partner choice: a softmax over candidate utilities built from interest similarity,
// existing ties, how warmly the candidate treated me, remembered experiences and advice.
import type { Rng } from '../../random/rng';
import type { ChoosePartnerRequest, ChoosePartnerResponse } from '../types';
import { emphasis, partnerIntent, partnerValence, receptiveness } from './cues';
import { maxOf } from '../../stats/extremes';

/** Softmax inverse temperature: higher means more decisive choices. */
export const PARTNER_BETA = 2;

/**
 * Weight of friends in common. One mutual friend adds 0.5 to the utility, e^{β·0.5} ≈ 2.7 times
 * the odds of choosing that person — about the lift one shared contact gives a new tie in
 * observed networks (Kossinets & Watts 2006). This is where triadic closure starts.
 */
export const MUTUAL_FRIENDS = 1;

/**
 * u(c) = sim + tie + 0.8·rating_from·(1 + E.reciprocate) + 0.8·E.reciprocate·tie
 *        + 1.0·min(1, mutual ties / 2) + 0.5·remembered valence + intent (advice or reflection naming c) + (0.3·openness + 0.6·E.explore)·[never met] + 0.15·extraversion·ln(1 + popularity)
 * choice ~ exp(β·u).
 */
export function utilities(req: ChoosePartnerRequest): number[] {
  const p = req.persona,
    memories = req.memories;
  const e = emphasis(p, memories);
  const receptive = receptiveness(p);
  const noveltyTaste = 0.3 * p.traits.openness + 0.6 * e.explore;
  const u: number[] = [];
  for (const c of req.candidates) {
    u.push(
      c.similarity +
        c.tie +
        0.8 * (c.rating_from ?? 0) * (1 + e.reciprocate) +
        0.8 * e.reciprocate * c.tie +
        MUTUAL_FRIENDS * Math.min(1, (c.mutual ?? 0) / 2) +
        0.5 * partnerValence(memories, c.id) +
        partnerIntent(receptive, memories, c.id) +
        (c.met === 0 ? noveltyTaste : 0) +
        0.15 * p.traits.extraversion * Math.log1p(c.popularity),
    );
  }
  return u;
}

export function choosePartner(req: ChoosePartnerRequest, rng: Rng): ChoosePartnerResponse {
  const u = utilities(req);
  const max = maxOf(u);
  // The utilities become the softmax weights in place: nothing else reads them.
  for (let k = 0; k < u.length; k++) u[k] = Math.exp(PARTNER_BETA * (u[k] - max));
  const c = req.candidates[Math.max(0, rng.weighted(u))];
  let why = '';
  const shared = c.shared_interests;
  if (shared.length) why = `we both like ${shared.length > 1 ? `${shared[0]} and ${shared[1]}` : shared[0]}`;
  if (c.tie >= 0.3) why = because(why, 'we get along');
  if ((c.rating_from ?? 0) >= 0.5) why = because(why, `${c.name} seemed to enjoy talking with me`);
  if (c.met === 0) why = because(why, `I have not met ${c.name} yet`);
  return { choice: c.id, reason: why || `${c.name} was suggested to me` };
}

/** Reasons joined by "; ". */
const because = (so: string, reason: string): string => (so ? `${so}; ${reason}` : reason);
