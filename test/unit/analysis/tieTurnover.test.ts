import assert from 'node:assert/strict';
import { graphFromTies, type Tie } from '../../../src/core/analysis/metrics/graphFromTies';
import { tieTurnover } from '../../../src/core/analysis/metrics/tieTurnover';

const nodes = ['a', 'b', 'c', 'd'].map((id) => ({ id }));
const snapshot = (...ties: [string, string][]) =>
  graphFromTies(
    nodes,
    ties.map(([from, to]): Tie => ({ from, to, strength: 1 })),
    0.5,
  );

describe('tieTurnover', () => {
  it('counts kept, gained and lost ties and their Jaccard similarity', () => {
    const t = tieTurnover(snapshot(['a', 'b'], ['b', 'a'], ['c', 'd']), snapshot(['a', 'b'], ['d', 'c'], ['a', 'c']));
    assert.equal(t.kept, 1);
    assert.equal(t.lost, 2);
    assert.equal(t.gained, 2);
    assert.equal(t.jaccard, 1 / 5);
    assert.deepEqual(t.lost_ties, [
      { from: 'b', to: 'a' },
      { from: 'c', to: 'd' },
    ]);
    assert.deepEqual(t.gained_ties, [
      { from: 'd', to: 'c' },
      { from: 'a', to: 'c' },
    ]);
  });

  it('treats direction as part of the tie', () => {
    const t = tieTurnover(snapshot(['a', 'b']), snapshot(['b', 'a']));
    assert.equal(t.jaccard, 0);
  });

  it('is 1 for identical snapshots and null for two empty ones', () => {
    assert.equal(tieTurnover(snapshot(['a', 'b'], ['c', 'a']), snapshot(['c', 'a'], ['a', 'b'])).jaccard, 1);
    assert.equal(tieTurnover(snapshot(), snapshot()).jaccard, null);
  });

  it('handles nodes present in only one snapshot', () => {
    const later = graphFromTies([...nodes, { id: 'e' }], [{ from: 'e', to: 'a', strength: 1 }], 0.5);
    const t = tieTurnover(snapshot(['a', 'b']), later);
    assert.deepEqual([t.kept, t.lost, t.gained], [0, 1, 1]);
  });
});
