import * as assert from 'node:assert/strict';
import { byLabelPriority, declutter, type LabelBox } from '../../../src/core/analysis/labelPlacement';

const box = (id: string, x: number, y: number, w = 40, h = 10): LabelBox => ({ id, x, y, w, h });

describe('network labels', () => {
  it('keeps a label only where it overlaps none already kept, in priority order', () => {
    const shown = declutter([box('a', 0, 0), box('b', 20, 4), box('c', 45, 0), box('d', 0, 11), box('e', 10, -9)]);
    assert.deepEqual([...shown].sort(), ['a', 'c', 'd']);
  });

  it('always writes the focused names, and they take their room', () => {
    const shown = declutter([box('hub', 0, 0), box('me', 10, 2), box('other', 30, 20)], new Set(['me']));
    assert.deepEqual([...shown].sort(), ['hub', 'me', 'other']);
    assert.deepEqual([...declutter([box('me', 10, 2), box('x', 12, 3)], new Set(['me']))], ['me']);
  });

  it('puts focused agents first, then the best connected, then by name', () => {
    const n = (id: string, ties: number) => ({ id, name: id.toUpperCase(), inDegree: ties, outDegree: 0 });
    const order = byLabelPriority([n('a', 1), n('b', 5), n('c', 5), n('d', 0)], new Set(['d'])).map((x) => x.id);
    assert.deepEqual(order, ['d', 'b', 'c', 'a']);
  });
});
