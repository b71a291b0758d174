import * as assert from 'node:assert/strict';
import { jsonPieces, StreamedList, StreamedRecord } from '../../../src/core/trace/jsonPieces';

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

  it('streams records nested in plain objects, in the order a JavaScript object keeps its keys', () => {
    const entries: [string, unknown][] = [
      ['b', { calls: 1 }],
      ['10', 2],
      ['a', [1, undefined]],
      ['2', 'two'],
      ['4294967295', 'not an index'],
      ['01', 'not an index either'],
    ];
    let reads = 0;
    const record = new StreamedRecord(() => {
      reads++;
      return entries;
    });
    const value = {
      head: 1,
      book: { total: { calls: 3 }, by_agent: record, skipped: undefined, fn: () => 1 },
      fn: () => 2,
      list: new StreamedList(() => [{ x: 1 }, () => 3]),
      last: 'z',
    };
    const expected = JSON.stringify(value);
    assert.match(expected, /"by_agent":\{"2":"two","10":2,"b"/, 'JSON.stringify puts index keys first');
    for (const size of [1, 16, 1 << 20]) {
      reads = 0;
      assert.equal([...jsonPieces(value, [], size)].join(''), expected, `pieces of ${size}`);
      assert.equal(reads, 2, 'the record was streamed (index keys, then the rest), not stringified whole');
    }
    assert.equal([...jsonPieces({ only: () => 1 })].join(''), '{}');
  });
});
