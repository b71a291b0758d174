// Issue 57: agents read the rules. What an option puts into the world comes back at the round's
// close through the declared updates (a pot that pays MPCR·pot to each member), and the offline
// model weighs that from round 1, as people order their first contributions by the MPCR (Isaac &
// Walker 1988). Before, a round-1 choice saw only the tokens leaving: the MPCR changed nothing.
import * as assert from 'node:assert/strict';
import { scenarioFromText, traceLines, traceOf } from './traceHelpers';

/** The same pot kept as each player's own tally, summed in the players' update (as a matched group's is). */
function tallied(mpcr: number, seed: number): string {
  return `kind: scenario
name: Tally
seed: ${seed}
population:
  - { group: players, count: 12, id_prefix: p }
world: { rounds: 1 }
state:
  world:
    mpcr: { initial: ${mpcr}, min: 0 }
  agents:
    put: { initial: 0, min: 0, valued: false, update: "0.0" }
    tokens: { initial: 20, min: 0, update: "me.tokens + world.mpcr * sum(agents.map(a, a.put)) / 3.0" }
actions:
  contribute:
    description: Put some tokens in the pot.
    args: { amount: { type: number, min: 0, max: 20 } }
    effects:
      me.tokens: "me.tokens - args.amount"
      me.put: "args.amount"
round:
  - phase: give
    actions: [contribute]
`;
}

function game(mpcr: number, seed: number): string {
  return `kind: scenario
name: Pot
seed: ${seed}
population:
  - { group: players, count: 12, id_prefix: p }
world: { rounds: 1 }
state:
  world:
    mpcr: { initial: ${mpcr}, min: 0 }
    pot: { initial: 0, min: 0, update: "0.0" }
    share: { initial: 0, min: 0, update: "world.mpcr * world.pot / 3.0" }
  agents:
    tokens: { initial: 20, min: 0, update: "me.tokens + world.share" }
actions:
  contribute:
    description: Put some tokens in the pot.
    args: { amount: { type: number, min: 0, max: 20 } }
    effects:
      me.tokens: "me.tokens - args.amount"
      world.pot: "world.pot + args.amount"
round:
  - phase: give
    actions: [contribute]
`;
}

async function given(mpcr: number, society = game): Promise<number> {
  const xs: number[] = [];
  for (const seed of [1, 2, 3, 4]) {
    for (const e of traceLines(await traceOf(await scenarioFromText(society(mpcr, seed))))) {
      if (e.type === 'action') xs.push(Number(e.args.amount));
    }
  }
  return xs.reduce((s, x) => s + x, 0) / xs.length;
}

describe('foresight: what the round’s close brings back is weighed from round 1 (issue 57)', function () {
  it('more is given in round 1 the more each token given comes back', async () => {
    const low = await given(0.3),
      high = await given(0.9);
    assert.ok(high > low + 1, `MPCR 0.3: ${low} tokens, 0.9: ${high}`);
  });

  it('also when the pot is each player’s own tally, summed in an update (a matched group’s pot)', async () => {
    const low = await given(0.3, tallied),
      high = await given(0.9, tallied);
    assert.ok(high > low + 1, `MPCR 0.3: ${low} tokens, 0.9: ${high}`);
  });
});
