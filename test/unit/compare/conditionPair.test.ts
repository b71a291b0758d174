// `society compare <experiment> --conditions A,B` with condition names that hold commas themselves
// ("talk, groups of 4"): the pair is split where both sides are conditions the experiment has.
import * as assert from 'node:assert/strict';
import { splitConditionPair } from '../../../src/core/experiment/paired/conditionSides';

const names = ['silent, groups of 4', 'talk, groups of 4', 'silent, groups of 8', 'talk, groups of 8', 'a', 'b'];
const known = (n: string): boolean => names.includes(n);

describe('compare: two conditions named as A,B', () => {
  it('splits where both sides are conditions, whatever commas the names hold', () => {
    assert.deepEqual(splitConditionPair('silent, groups of 4,talk, groups of 4', known), [
      'silent, groups of 4',
      'talk, groups of 4',
    ]);
    assert.deepEqual(splitConditionPair('talk, groups of 8, silent, groups of 8', known), [
      'talk, groups of 8',
      'silent, groups of 8',
    ]);
    assert.deepEqual(splitConditionPair('a,b', known), ['a', 'b']);
  });

  it('gives nothing for a pair it cannot read as two conditions', () => {
    assert.equal(splitConditionPair('silent, groups of 4', known), undefined);
    assert.equal(splitConditionPair('a,c', known), undefined);
  });
});
