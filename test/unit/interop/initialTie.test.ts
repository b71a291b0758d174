// Imported relationships and follows start as ties that last a few untended rounds at the
// scenario defaults, instead of vanishing with the first decay.
import assert from 'node:assert/strict';
import { INITIAL_TIE } from '../../../src/core/interop/initialTie';
import { FOLLOW_TIE } from '../../../src/core/interop/oasisProfiles';
import { RELATIONSHIP_TIE } from '../../../src/core/interop/tinyTroupe';
import { documentSchema } from '../../../src/core/format/schema/schema';
import { TieTable } from '../../../src/core/engine/society/ties';

describe('imported initial ties', () => {
  it('stay ties for four untended rounds at the default threshold and decay, and are gone in the fifth', () => {
    const ties = documentSchema('scenario').properties!.ties!.properties!;
    const threshold = ties.threshold.default as number,
      decay = ties.decay.default as number;
    assert.equal(FOLLOW_TIE, INITIAL_TIE);
    assert.equal(RELATIONSHIP_TIE, INITIAL_TIE);
    const table = new TieTable();
    table.set('ana', 'bo', INITIAL_TIE, 0);
    for (let round = 1; round <= 4; round++) {
      assert.deepEqual(table.decay(round, decay, threshold), [], `round ${round}`);
      assert.ok(table.get('ana', 'bo') >= threshold);
    }
    assert.deepEqual(table.decay(5, decay, threshold), [['ana', 'bo']]);
  });
});
