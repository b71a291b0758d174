// What an action divides (engine/society/division.ts, issue 85): read from its declared number
// range and the direction of its effects, never from a game's name.
import * as assert from 'node:assert/strict';
import { divisionOf, effortOf } from '../../../src/core/engine/society/division';
import type { ActionArg } from '../../../src/core/format/model/mechanics';

const give: ActionArg[] = [
  { name: 'to', type: 'agent' },
  { name: 'amount', type: 'number', min: 0, max: 10 },
];
// me.tokens - args.amount, to.tokens + args.amount, as changes at any amount.
const transfer = (args: Record<string, number | string>) => ({
  'me.tokens': -(args.amount as number),
  'r1.tokens': args.amount as number,
});

describe('divisionOf (issue 85)', () => {
  it('a transfer of nothing breaches an equal split in full, half of it not at all, a quarter half-way', () => {
    assert.deepEqual(divisionOf('d1', give, { to: 'r1', amount: 0 }, transfer), {
      amount: 0,
      fair: 5,
      breach: 1,
      parties: ['d1', 'r1'],
    });
    assert.equal(divisionOf('d1', give, { to: 'r1', amount: 5 }, transfer)?.breach, 0);
    assert.equal(divisionOf('d1', give, { to: 'r1', amount: 8 }, transfer)?.breach, 0);
    assert.equal(divisionOf('d1', give, { to: 'r1', amount: 2.5 }, transfer)?.breach, 0.5);
  });

  it('among three, the equal split hands over two thirds', () => {
    const two = (args: Record<string, number | string>) => ({
      'me.tokens': -(args.amount as number),
      'r1.tokens': (args.amount as number) / 2,
      'r2.tokens': (args.amount as number) / 2,
    });
    const d = divisionOf('d1', [{ name: 'amount', type: 'number', min: 0, max: 9 }], { amount: 3 }, two)!;
    assert.equal(d.fair, 6);
    assert.equal(d.breach, 0.5);
    assert.deepEqual(d.parties, ['d1', 'r1', 'r2']);
  });

  it('divides nothing: a contribution to a pot, a bound written as an expression, two amounts, a take', () => {
    const pot = (args: Record<string, number | string>) => ({ 'me.tokens': -(args.amount as number), 'world.pot': 1 });
    assert.equal(
      divisionOf('p1', [{ name: 'amount', type: 'number', min: 0, max: 20 }], { amount: 0 }, pot),
      undefined,
    );
    const expr: ActionArg[] = [{ name: 'amount', type: 'number', maxExpression: 'me.received' }];
    assert.equal(divisionOf('t1', expr, { amount: 0 }, transfer), undefined);
    const twoAmounts: ActionArg[] = [...give, { name: 'other', type: 'number', min: 0, max: 1 }];
    assert.equal(divisionOf('d1', twoAmounts, { to: 'r1', amount: 0, other: 0 }, transfer), undefined);
    const take = (args: Record<string, number | string>) => ({
      'me.tokens': args.amount as number,
      'r1.tokens': -(args.amount as number),
    });
    assert.equal(divisionOf('d1', give, { to: 'r1', amount: 0 }, take), undefined);
  });

  it('a contribution to a pot is a common effort; a transfer to another agent or a take is none', () => {
    const amount: ActionArg[] = [{ name: 'amount', type: 'number', min: 0, max: 20 }];
    const pot = (args: Record<string, number | string>) => ({
      'me.tokens': -(args.amount as number),
      'world.pot': args.amount as number,
    });
    assert.deepEqual(effortOf('p1', 'contribute', amount, { amount: 4 }, 3, pot), {
      action: 'contribute',
      amount: 4,
      min: 0,
      round: 3,
    });
    assert.equal(effortOf('d1', 'give', give, { to: 'r1', amount: 0 }, 1, transfer), undefined);
    const fish = (args: Record<string, number | string>) => ({
      'me.catch': args.amount as number,
      'world.fish': -(args.amount as number),
    });
    assert.equal(effortOf('f1', 'fish', amount, { amount: 4 }, 1, fish), undefined);
  });
});
