// A small scenario with declared state, actions and ties, for the series-over-rounds tests.

/** A public goods game among friends: a pot the givers fill, wealth they give from, and ties. */
export const GOODS_FRIENDS = `kind: scenario
name: Goods among friends
seed: 3
world: { rounds: 6, encounters: { mode: random, per_round: 3 }, conversation: { turns: 2 } }
ties: { threshold: 0.2 }
personas:
  - { id: ana, name: Ana, traits: { extraversion: 0.9, agreeableness: 0.9 } }
  - { id: bo, name: Bo, traits: { extraversion: 0.8 } }
  - { id: cy, name: Cy, traits: { extraversion: 0.9, agreeableness: 0.8 } }
  - { id: di, name: Di }
  - { id: ed, name: Ed, traits: { extraversion: 0.7, agreeableness: 0.9 } }
state:
  world:
    pot: { initial: 0, min: 0 }
    bonus: { initial: 2 }
  agents:
    wealth: { initial: 10, min: 0 }
actions:
  give:
    description: Put some of your wealth in the pot.
    args:
      amount: { type: number, min: 1, max: 3 }
    when: "me.wealth >= 1.0"
    effects:
      me.wealth: "me.wealth - args.amount"
      world.pot: "world.pot + args.amount"
round:
  - phase: meet
  - phase: talk
  - phase: evaluate
  - phase: contribute
    actions: [give]
`;
