import * as assert from 'node:assert/strict';
import { byLabelPriority, declutter, type LabelBox } from '../../../src/core/analysis/labelPlacement';

const box = (id: string, x: number, y: number, w = 40, h = 10): LabelBox => ({ id, x, y, w, h });

describe('network labels', () => {
  it('keeps a label only where it overlaps none already kept, in priority order', () => {
    const shown = declutter([box('a', 0, 0), box('b', 20, 4), box('c', 45, 0), box('d', 0, 11), box('e', 10, -9)]);
    assert.deepEqual([...shown.keys()].sort(), ['a', 'c', 'd']);
  });

  it('always writes the focused names, and they take their room', () => {
    const shown = declutter([box('hub', 0, 0), box('me', 10, 2), box('other', 30, 20)], new Set(['me']));
    assert.deepEqual([...shown.keys()].sort(), ['hub', 'me', 'other']);
    assert.deepEqual([...declutter([box('me', 10, 2), box('x', 12, 3)], new Set(['me'])).keys()], ['me']);
  });

  it('moves a label to its other place when the first is taken, if that one is free', () => {
    const places = declutter([box('a', 100, 0), { ...box('b', 110, 2), alt: { x: 40, y: 2 } }, { ...box('c', 120, 4), alt: { x: 95, y: 4 } }, { ...box('d', 100, 5), alt: { x: 100, y: 30 } }]);
    assert.deepEqual([...places], [['a', 'first'], ['b', 'alt'], ['d', 'alt']], 'c is taken on both sides; d goes below');
  });

  it('puts focused agents first, then the best connected, then by name', () => {
    const n = (id: string, ties: number) => ({ id, name: id.toUpperCase(), inDegree: ties, outDegree: 0 });
    const order = byLabelPriority([n('a', 1), n('b', 5), n('c', 5), n('d', 0)], new Set(['d'])).map((x) => x.id);
    assert.deepEqual(order, ['d', 'b', 'c', 'a']);
  });
});
