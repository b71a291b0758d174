// What an agent remembers of an action names people as people: `{args.<agent arg>}` in a
// `remember:` text is the persona's name ("I gave 2 to Bea Lund"), as the default text always
// had it, while a number argument stays a number. Memories are read by the agent's model and
// shown in the memory inspector, where an id (`t3`) means nothing.
import * as assert from 'node:assert/strict';
import type { TraceEvent } from '../../../src/core/trace/events';
import { scenarioFromText, traceOf } from './traceHelpers';
import { recollection } from '../../../src/core/engine/phases/act/recollection';

const GIFTS = `kind: scenario
name: gifts
personas:
  - { id: t14, name: Abigail Chen }
  - { id: t3, name: Bea Lund }
world: { rounds: 2 }
state:
  agents:
    wealth: { initial: 10, min: 0 }
actions:
  give:
    description: Give one unit to another person.
    args:
      recipient: { type: agent }
      amount: { type: number, min: 1, max: 1 }
    effects:
      me.wealth: "me.wealth - args.amount"
      recipient.wealth: "recipient.wealth + args.amount"
    remember: "I gave {args.amount} {unit|units} to {args.recipient}."
`;

describe('remembered actions', () => {
  it('agree a {one|many} pair with the number placed before it', () => {
    const v = { 'args.amount': '1', 'args.n': '2.5', 'me.coins': '-1', 'args.who': 'Bea Lund' };
    assert.equal(recollection('I put {args.amount} {coin|coins} in.', v), 'I put 1 coin in.');
    assert.equal(recollection('I put {args.n} {coin|coins} in.', v), 'I put 2.5 coins in.');
    assert.equal(recollection('{me.coins} {coin|coins} left', v), '-1 coin left');
    assert.equal(recollection('{args.amount} {coin|coins}, then {args.n} {coin|coins}', v), '1 coin, then 2.5 coins');
    assert.equal(
      recollection('{args.who} took {it|them}', v),
      'Bea Lund took them',
      'no number before: the second form',
    );
    assert.equal(
      recollection('{args.missing} {a|b} {x}', v),
      '{args.missing} b {x}',
      'unknown placeholders stay as written',
    );
  });

  it("fill an agent argument with the persona's name, a number with its value", async () => {
    const events = (await traceOf(await scenarioFromText(GIFTS)))
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as TraceEvent);
    const names: Record<string, string> = { t14: 'Abigail Chen', t3: 'Bea Lund' };
    const gifts = events.filter((e): e is Extract<TraceEvent, { type: 'action' }> => e.type === 'action');
    assert.ok(gifts.length >= 2);
    for (const g of gifts) {
      const memory = events.find(
        (e) => e.type === 'memory' && e.agent === g.agent && e.round === g.round && e.memory.text.startsWith('I gave'),
      );
      assert.ok(memory?.type === 'memory');
      assert.equal(memory.memory.text, `I gave 1 unit to ${names[g.args.recipient as string]}.`);
    }
  });
});
