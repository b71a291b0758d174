// Issue 70: agents outside every match group swung a group's contributions (0.03 → 0.94 in a probe):
// what an agent believes its group gives, whom it compares itself with, whom it sanctions against
// and whose choices it learns from were every agent shown. With `matching:`, each is its own group
// (llm/offline/myGroup.ts, experience circles): what agents playing elsewhere do changes no choice
// of the matched players, while the players' own group still moves them.
import * as assert from 'node:assert/strict';
import { scenarioFromText, traceLines, traceOf } from './traceHelpers';

/**
 * Eight players in fixed groups of four and two bots (in the groups, five each, when `inside`); the
 * bots contribute too, held to at least `botFloor` (all they have, or anything).
 */
function society(botFloor: 0 | 20, inside = false): string {
  return `kind: scenario
name: Outsiders
seed: 3
population:
  - { group: players, count: 8, id_prefix: p }
  - { group: bots, count: 2, id_prefix: b }
world: { rounds: 8 }
matching: ${inside ? '{ design: partner, size: 5 }' : '{ design: partner, size: 4, within: players }'}
state:
  world:
    bot_floor: { initial: ${botFloor}, valued: false }
  agents:
    tokens: { initial: 20, min: 0, update: "me.tokens + 0.4 * sum(matched.map(a, a.this_round)) + 20.0" }
    this_round: { initial: 0, min: 0, valued: false, update: "0.0" }
actions:
  contribute:
    description: Put some of this round's tokens into your group's project.
    args: { amount: { type: number, min: "me.group == 'bots' ? world.bot_floor : 0.0", max: 20 } }
    when: "me.tokens >= 20.0"
    effects:
      me.tokens: "me.tokens - args.amount"
      me.this_round: "args.amount"
round:
  - phase: give
    actions: [contribute]
`;
}

/** Each player's action and arguments, round by round. */
async function playersChoices(text: string): Promise<string[]> {
  const lines = traceLines(await traceOf(await scenarioFromText(text)));
  return lines
    .filter((l) => l.type === 'action' && String(l.agent).startsWith('p'))
    .map((l) => `${l.round} ${l.agent} ${l.action} ${JSON.stringify(l.args)}`);
}

describe('agents outside a match group', () => {
  it('what they do changes no choice of the matched players', async () => {
    const giving = await playersChoices(society(20));
    const free = await playersChoices(society(0));
    assert.equal(giving.length, 8 * 8);
    assert.deepEqual(giving, free);
  });

  it('the same two agents matched into the groups do move them (the test can tell)', async () => {
    const giving = await playersChoices(society(20, true));
    const free = await playersChoices(society(0, true));
    assert.notDeepEqual(giving, free);
  });
});
