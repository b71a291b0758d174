// Offline partner choice: a softmax over candidate utilities built from interest similarity,
// existing ties, how warmly the candidate treated me, remembered experiences and advice.
import type { Rng } from '../../engine/rng';
import type { ChoosePartnerRequest, ChoosePartnerResponse } from '../types';
import { emphasis, partnerIntent, partnerValence } from './cues';

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
  const p = req.persona;
  const e = emphasis(p, req.memories);
  const val = partnerValence(req.memories);
  const intent = partnerIntent(p, req.memories);
  const noveltyTaste = 0.3 * p.traits.openness + 0.6 * e.explore;
  return req.candidates.map((c) =>
    c.similarity + c.tie + 0.8 * (c.rating_from ?? 0) * (1 + e.reciprocate) + 0.8 * e.reciprocate * c.tie +
    MUTUAL_FRIENDS * Math.min(1, (c.mutual ?? 0) / 2) + 0.5 * (val.get(c.id) ?? 0) + (intent.get(c.id) ?? 0) + (c.met === 0 ? noveltyTaste : 0) + 0.15 * p.traits.extraversion * Math.log1p(c.popularity));
}

export function choosePartner(req: ChoosePartnerRequest, rng: Rng): ChoosePartnerResponse {
  const u = utilities(req);
  const max = Math.max(...u);
  const i = rng.weighted(u.map((x) => Math.exp(PARTNER_BETA * (x - max))));
  const c = req.candidates[Math.max(0, i)];
  const why: string[] = [];
  if (c.shared_interests.length) why.push(`we both like ${c.shared_interests.slice(0, 2).join(' and ')}`);
  if (c.tie >= 0.3) why.push('we get along');
  if ((c.rating_from ?? 0) >= 0.5) why.push(`${c.name} seemed to enjoy talking with me`);
  if (c.met === 0) why.push(`I have not met ${c.name} yet`);
  return { choice: c.id, reason: why.length ? why.join('; ') : `${c.name} was suggested to me` };
}
