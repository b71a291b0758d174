// maxOf/minOf (src/core/stats/extremes.ts) give what Math.max/min of the spread list gives, NaN and
// −0 included, and keep giving it for lists longer than a call's arguments may be.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { maxOf, minOf } from '../../../src/core/stats/extremes';
import { AGGREGATES } from '../../../src/core/format/expressions/aggregates';

describe('maxOf and minOf', () => {
  it('equal Math.max(...xs) and Math.min(...xs) for any list of doubles', () => {
    const xs = fc.array(fc.oneof(fc.double(), fc.constantFrom(0, -0, NaN, Infinity, -Infinity)), { maxLength: 30 });
    fc.assert(
      fc.property(xs, (list) => {
        assert.ok(Object.is(maxOf(list), Math.max(...list)));
        assert.ok(Object.is(minOf(list), Math.min(...list)));
        assert.ok(Object.is(maxOf(new Set(list)), Math.max(...new Set(list))));
      }),
      { numRuns: 500 },
    );
  });

  it('read a million values, where spreading them as arguments throws', () => {
    const xs = Array.from({ length: 1_000_000 }, (_, i) => (i * 7919) % 1_000_003);
    assert.throws(() => Math.max(...xs), RangeError);
    assert.equal(maxOf(xs), expectedMax(xs));
    assert.equal(minOf(xs), 0);
  });

  it("an expression's max and min over 300,000 agents' values (aggregates.ts)", () => {
    const xs = Array.from({ length: 300_000 }, (_, i) => i - 1000);
    assert.equal(AGGREGATES.max(xs), 298_999);
    assert.equal(AGGREGATES.min(xs), -1000);
  });
});

function expectedMax(xs: readonly number[]): number {
  let m = -Infinity;
  for (const x of xs) if (x > m) m = x;
  return m;
}
