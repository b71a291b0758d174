import * as assert from 'node:assert/strict';
import { jsonPieces } from '../../../src/core/trace/jsonPieces';

describe('jsonPieces', () => {
  const items = Array.from({ length: 200 }, (_, i) => ({ i, text: `item ${i} — “quoted” \n`, x: i / 7 }));

  it('joins to exactly JSON.stringify, skipping undefined fields as it does', () => {
    for (const value of [
      { a: 1, items, b: { c: [1, 2] }, gone: undefined, last: 'z' },
      { items: [] },
      { items },
      { before: undefined, items, after: null },
      { items: 'not an array', other: [1, 2, 3] },
      {},
    ]) {
      assert.equal([...jsonPieces(value, 'items', 100)].join(''), JSON.stringify(value));
    }
  });

  it('hands out pieces of about the asked size while streaming the array', () => {
    const pieces = [...jsonPieces({ head: 'h', items }, 'items', 500)];
    assert.ok(pieces.length > 10, `${pieces.length} pieces`);
    const longest = Math.max(...pieces.map((p) => p.length));
    assert.ok(longest < 500 + 100, `longest piece ${longest}`);
    assert.equal([...jsonPieces({ head: 'h', items }, 'items')].length, 1, 'one piece when it all fits');
  });
});
