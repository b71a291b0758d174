// `==` and `!=` between a whole number (`round`, `n`, a literal) and a double (`world.x`) compare
// as numbers, as `<` does: `round == world.x` used to fail "no such overload: int == double".
import * as assert from 'node:assert/strict';
import {
  checkExpression,
  compileExpression,
  expressionEnvironment,
} from '../../../src/core/format/expressions/expressions';
import type { Mechanics } from '../../../src/core/format/model/mechanics';

const mechanics: Mechanics = {
  world: [{ name: 'x', initial: 3, min: 0, max: 10 } as Mechanics['world'][number]],
  agents: [],
  actions: [],
};
const env = expressionEnvironment(mechanics, { kind: 'world' });
const at = (text: string, round: number, x: number) =>
  compileExpression(env, text)({ world: { x }, n: BigInt(4), round: BigInt(round) } as never);

describe('== and != between whole numbers and doubles', () => {
  it('check as conditions and compare the numbers', () => {
    for (const text of ['round == world.x', 'world.x == round', 'round != world.x', 'n == 4.0', '2 == world.x']) {
      assert.equal(checkExpression(env, text, 'bool'), undefined, text);
    }
    assert.equal(at('round == world.x', 3, 3), true);
    assert.equal(at('round == world.x', 3, 3.5), false);
    assert.equal(at('world.x != round', 2, 2.5), true);
    assert.equal(at('world.x == round', 2, 2), true);
  });
});
