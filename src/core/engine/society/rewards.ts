// The five behavioral rewards (Learning to Make Friends), computed from what happened to an agent
// since its previous reward phase. Formulas (also in docs/model.md), with sat(x, k) = x / (x + k):
//   social       SOC   = sat(conversations, 2) · (0.5 + 0.5 · rating_received)
//   information  INF   = sat(answers_received + new_topics, 2)
//   presentation PRE   = sat(shares_acknowledged, 1.5)
//   coordination COORD = sat(plans_agreed, 1)
//   support      EMO   = sat(support_received + 0.5 · support_given, 1.5)
// weighted_d = raw_d · w_d with w_d = scenario.rewards[d] · persona.motivations[d];
// total = Σ weighted_d / Σ w_d (0 when all weights are 0).
import type { DriverWeights } from '../../format';
import type { DialogueAct, RewardBasis } from '../../trace/events';
import { isContingent, type Utterance } from '../../llm/transcript';

export interface RewardWindow {
  basis: RewardBasis;
  rating_sum: number;
  rating_count: number;
  partners: string[];
}

export function emptyWindow(): RewardWindow {
  return {
    basis: {
      conversations: 0,
      partners: 0,
      rating_received: 0,
      questions_asked: 0,
      answers_received: 0,
      new_topics: 0,
      shares: 0,
      shares_acknowledged: 0,
      plans_agreed: 0,
      support_received: 0,
      support_given: 0,
    },
    rating_sum: 0,
    rating_count: 0,
    partners: [],
  };
}

/** Acts in which a speaker tells something about themselves. */
const selfDisclosure = (act: DialogueAct): boolean => act === 'share' || act === 'answer' || act === 'disclose';

/** Whether `u` (by someone else) tells `self` about a topic outside its interests. */
function newTopic(u: Utterance, self: string, selfInterests: readonly string[]): boolean {
  return u.from !== self && !!u.topic && selfDisclosure(u.act) && !selfInterests.includes(u.topic);
}

/** Whether `transcript[i]`'s topic was already told before it (a handful of lines: a scan, not a set). */
function toldBefore(transcript: readonly Utterance[], i: number, self: string): boolean {
  const topic = transcript[i].topic;
  for (let j = 0; j < i; j++) {
    const u = transcript[j];
    if (u.topic === topic && u.from !== self && selfDisclosure(u.act)) return true;
  }
  return false;
}

/** Add one conversation (pair or room) to `self`'s window. */
export function recordConversation(
  w: RewardWindow,
  transcript: readonly Utterance[],
  self: string,
  selfInterests: readonly string[],
): void {
  const b = w.basis;
  b.conversations++;
  for (let i = 0; i < transcript.length; i++) {
    const u = transcript[i];
    const prev = i > 0 ? transcript[i - 1] : undefined;
    const next = transcript[i + 1];
    if (u.from === self) {
      if (u.act === 'ask') {
        b.questions_asked++;
        if (next && next.from !== self && next.act === 'answer') b.answers_received++;
      }
      if (selfDisclosure(u.act)) {
        b.shares++;
        if (next && isContingent(u, next)) b.shares_acknowledged++;
      }
      if (u.act === 'support') b.support_given++;
      if (u.act === 'accept' && prev?.act === 'propose') b.plans_agreed++;
    } else {
      // A copy one longer, not a push nor a spread: the window lasts until the reward phase, and a
      // pushed or spread array keeps room for 16 more in every agent (≈ 150 B); concat's is exact.
      if (!w.partners.includes(u.from)) w.partners = w.partners.concat(u.from);
      if (newTopic(u, self, selfInterests) && !toldBefore(transcript, i, self)) b.new_topics++;
      if (u.act === 'support' && prev?.from === self) b.support_received++;
      if (u.act === 'accept' && prev?.from === self && prev.act === 'propose') b.plans_agreed++;
    }
  }
  b.partners = w.partners.length;
}

/** A partner's rating of this agent. */
export function recordRating(w: RewardWindow, rating: number): void {
  w.rating_sum += rating;
  w.rating_count++;
  w.basis.rating_received = w.rating_sum / w.rating_count;
}

const sat = (x: number, k: number): number => (x <= 0 ? 0 : x / (x + k));

/** `weights`: the driver weights w_d the rewards were weighted with (the coach and `weakest` use them too). */
export interface RewardResult {
  raw: DriverWeights;
  weighted: DriverWeights;
  weights: DriverWeights;
  total: number;
  basis: RewardBasis;
}

export function rawRewards(b: RewardBasis): DriverWeights {
  return {
    social: sat(b.conversations, 2) * (0.5 + 0.5 * b.rating_received),
    information: sat(b.answers_received + b.new_topics, 2),
    presentation: sat(b.shares_acknowledged, 1.5),
    coordination: sat(b.plans_agreed, 1),
    support: sat(b.support_received + 0.5 * b.support_given, 1.5),
  };
}

/** Per-driver weight: scenario weight × persona motivation (in DRIVERS order). */
export function driverWeights(scenario: DriverWeights, motivations: DriverWeights): DriverWeights {
  return {
    social: scenario.social * motivations.social,
    information: scenario.information * motivations.information,
    presentation: scenario.presentation * motivations.presentation,
    coordination: scenario.coordination * motivations.coordination,
    support: scenario.support * motivations.support,
  };
}

export function computeRewards(w: RewardWindow, scenario: DriverWeights, motivations: DriverWeights): RewardResult {
  const raw = rawRewards(w.basis);
  const weights = driverWeights(scenario, motivations);
  // Named fields rather than a loop over DRIVERS (keyed reads of five names at one site are slow);
  // both sums start at 0 and add in DRIVERS order, as the loop did, for the same float results.
  const weighted: DriverWeights = {
    social: raw.social * weights.social,
    information: raw.information * weights.information,
    presentation: raw.presentation * weights.presentation,
    coordination: raw.coordination * weights.coordination,
    support: raw.support * weights.support,
  };
  const sum =
    0 + weighted.social + weighted.information + weighted.presentation + weighted.coordination + weighted.support;
  const wsum = 0 + weights.social + weights.information + weights.presentation + weights.coordination + weights.support;
  return { raw, weighted, weights, total: wsum > 0 ? sum / wsum : 0, basis: { ...w.basis } };
}
