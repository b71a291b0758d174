// The rules that move an offline choice, by name (issue 85): each writes its signed size into the
// decision's record in the trace (ActionEvent.pushes, pushes.ts works the sizes out). One table,
// so a rule added to the model without a name here fails to compile where it adds its part.

/** Every rule that can push an offline choice, with what it weighs (docs/model.md, "Every push named"). */
export const PUSH_RULES = {
  self_interest: "what the option brings the agent's own quantities, at once and at the round's close",
  concern: 'concern for the others and for what is shared (agreeableness, ties, scarcity)',
  reciprocity: "rewarding or sanctioning another's conduct against the group's (conscientiousness)",
  norm_sanction: 'sanctioning (or sparing) another by how far its division, among others, fell short of an equal split',
  expected_return: 'what the others are expected to give back for it in the rounds to come',
  loss_aversion: "what the round's close may bring short of what is expected, weighed more than a like gain",
  envy: 'aversion to ending behind (or ahead of) the others compared with',
  imitation: 'copying what those doing better than the agent did last round',
  learning: 'what the option brought in the rounds after it, as experienced',
  horizon: "the part of what comes later that cannot come in a run's last round",
  unmatched_gift:
    'concern withheld for what giving brings others beyond what they gave themselves (conditional cooperation)',
  agreement: 'holding to what the group agreed when it talked',
  promise: "the added cost of breaking what one agreed to, toward one's own advantage",
  conformity: 'holding an amount near what the others gave last round (conditional cooperation)',
  fair_share: 'holding an amount near the middle of its range before anyone has been seen to act',
  shading: 'giving a little less than the others are believed to give',
  deterrence: 'sanctions received, or seen falling on others, moving an amount toward the others',
  sucker_aversion: 'the added cost of giving more than the others are believed to give',
  chance: "the spread of an agent's reference between occasions",
  platform: 'what posting, replying, liking or following is worth to the agent',
  move: 'what going to a place is worth to the agent',
  stakes: "money weighing more against fairness as the stake's worth in dollars grows (a quantity's worth_usd)",
} as const;

export type PushRule = keyof typeof PUSH_RULES;

export const RULES = Object.keys(PUSH_RULES) as PushRule[];

/** Each rule's slot in a `Parts` array. */
export const AT = Object.fromEntries(RULES.map((r, i) => [r, i])) as Record<PushRule, number>;

/** One option's utility split by rule: `Parts[AT.rule]`, summing to the utility the rule weighs. */
export type Parts = Float64Array;

export const noParts = (): Parts => new Float64Array(RULES.length);
