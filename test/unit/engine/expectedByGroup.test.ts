// Issue 72: in a phase whose actions differ by group, an agent foresees each peer with the
// actions the phase offers that peer, not its own: a giver does not expect the takers to give.
// (The shipped ultimatum hid this: its `when` kept responders from proposing.)
import * as assert from 'node:assert/strict';
import type { ActRequest } from '../../../src/core/llm/types';
import { recordingFactory } from './recordingModels';
import { scenarioFromText, traceOf } from './traceHelpers';

const GIVE_AND_GRAB = `kind: scenario
name: Give and grab
seed: 4
population:
  - { group: givers, count: 2, id_prefix: g }
  - { group: takers, count: 2, id_prefix: t }
world: { rounds: 1 }
state:
  world:
    pot: { initial: 0, min: 0, valued: false, update: "0.0" }
  agents:
    coins: { initial: 20, min: 0, update: "me.coins + world.pot / 4.0" }
actions:
  give:
    description: Put coins in the pot, shared by all four.
    args: { amount: { type: number, min: 0, max: 10 } }
    effects:
      me.coins: "me.coins - args.amount"
      world.pot: "world.pot + args.amount"
  grab:
    description: Take coins from the bank for yourself.
    args: { amount: { type: number, min: 0, max: 10 } }
    effects:
      me.coins: "me.coins + args.amount"
round:
  - phase: play
    actions: { givers: [give], takers: [grab] }
`;

describe('expected moves in a phase with actions by group', () => {
  it('foresee each peer with its own group’s actions', async () => {
    const asked: ActRequest[] = [];
    const modelFactory = recordingFactory((req) => {
      if (req.kind === 'act') asked.push(req as ActRequest);
    });
    await traceOf(await scenarioFromText(GIVE_AND_GRAB), { modelFactory });
    const giver = asked.find((r) => r.persona.id === 'g1');
    assert.ok(giver?.expected_close, 'the giver foresees the close');
    const close = giver.expected_close;
    // The other giver is expected to give the middle of its range; each taker to grab it, not give.
    assert.equal(close['g2.coins'], -5, JSON.stringify(close));
    assert.equal(close['t1.coins'], 5, JSON.stringify(close));
    assert.equal(close['t2.coins'], 5, JSON.stringify(close));
  });
});
