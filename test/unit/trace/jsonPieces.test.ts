import * as assert from 'node:assert/strict';
import { jsonPieces, StreamedList } from '../../../src/core/trace/jsonPieces';

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

  it('streams lists made as they are read, several fields of them, as JSON.stringify writes them', () => {
    let made = 0;
    const list = new StreamedList(function* () {
      for (const item of items) {
        made++;
        yield item;
      }
    });
    const value = {
      head: 'h',
      items: list,
      pairs: new StreamedList(() => [
        [1, 'a'],
        [2, undefined],
      ]),
      tail: 1,
    };
    const expected = JSON.stringify({
      head: 'h',
      items,
      pairs: [
        [1, 'a'],
        [2, null],
      ],
      tail: 1,
    });
    made = 0;
    const pieces = jsonPieces(value, ['items', 'pairs'], 500);
    const firstPiece = pieces.next().value as string;
    assert.ok(made > 0 && made < items.length / 2, `${made} of ${items.length} made for the first piece`);
    assert.equal(firstPiece + [...pieces].join(''), expected);
    assert.equal(JSON.stringify(value), expected, 'JSON.stringify of the same document says the same');
    assert.equal(JSON.stringify(list.map((x) => x.i)), JSON.stringify(items.map((x) => x.i)));
  });
});
