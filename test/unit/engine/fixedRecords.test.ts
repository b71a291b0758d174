// A sampled persona's traits and motivations as fixed literals (fixedRecords.ts): the same keys in
// the same order, the same values drawn in the same order, as the loops over TRAIT_NAMES and
// DRIVERS that filled an empty object — what JSON, checkpoints and prompts see.
import * as assert from 'node:assert/strict';
import { DRIVERS, TRAIT_NAMES } from '../../../src/core/format/model/model';
import { driverRecord, traitRecord } from '../../../src/core/engine/society/fixedRecords';
import { stream } from '../../../src/core/random/rng';

function loopForm<K extends string>(names: readonly K[], value: (k: K) => number): Record<string, number> {
  const out: Record<string, number> = {};
  for (const k of names) out[k] = value(k);
  return out;
}

/** A value source that draws from one stream, so the order of the calls shows in the values. */
function drawing(seed: number): (k: string) => number {
  const rng = stream(seed, 'fixedRecords');
  return (k) => rng.next() + k.length;
}

describe('fixed trait and motivation records', () => {
  it('keys traits in TRAIT_NAMES order and draws them in that order', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const fixed = traitRecord(drawing(seed));
      assert.deepEqual(Object.keys(fixed), [...TRAIT_NAMES]);
      assert.equal(JSON.stringify(fixed), JSON.stringify(loopForm(TRAIT_NAMES, drawing(seed))));
    }
  });

  it('keys motivations in DRIVERS order and draws them in that order', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const fixed = driverRecord(drawing(seed));
      assert.deepEqual(Object.keys(fixed), [...DRIVERS]);
      assert.equal(JSON.stringify(fixed), JSON.stringify(loopForm(DRIVERS, drawing(seed))));
    }
  });
});
