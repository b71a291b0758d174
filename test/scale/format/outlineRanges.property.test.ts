// Every outline symbol's selection lies inside its range: VS Code throws "selectionRange must be
// contained in fullRange" for one that does not, and the whole outline, breadcrumbs and Go to
// Symbol go blank (QA: an over-indented key read as part of the `id` value above it).
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseSociety, documentSymbols, type DocumentSymbol, type Position } from '../../../src/core/format';

const before = (a: Position, b: Position): boolean =>
  a.line < b.line || (a.line === b.line && a.character < b.character);

/** Symbols (by path) whose selection sticks out of their range, or whose range is reversed. */
function outside(symbols: DocumentSymbol[], path = ''): string[] {
  return symbols.flatMap((s) => {
    const here = `${path}/${s.name}`;
    const bad =
      before(s.selectionRange.start, s.range.start) ||
      before(s.range.end, s.selectionRange.end) ||
      before(s.range.end, s.range.start) ||
      before(s.selectionRange.end, s.selectionRange.start);
    return [
      ...(bad ? [`${here} ${JSON.stringify(s.range)} ${JSON.stringify(s.selectionRange)}`] : []),
      ...outside(s.children, here),
    ];
  });
}

const symbolsOf = (text: string) => documentSymbols(parseSociety(text, '/virtual/x.society'));

const SEEDS = [
  'kind: scenario\nname: Club\npersonas:\n  - include: people/*.society\n  - id: cleo\n    name: Cleo Park\n  - { id: dev, name: Dev }\nevents:\n  - at: 2\n    broadcast: hello\nworld:\n  rounds: 3\n  rooms:\n    - name: lobby\n      members: [cleo, dev]\n',
  'kind: persona\nname: Ana\nid: ana\nage: 3\nrelationships:\n  - with: leo\n    tie: 0.4\nmemories:\n  - text: hi\n    importance: 3\n',
];

describe('outline: selection inside range', () => {
  it("an over-indented key under an inline persona's id still gives an outline", () => {
    const symbols = symbolsOf(
      'kind: scenario\nname: Club\npersonas:\n  - include: people/*.society\n  - id: cleo\n     name: Cleo Park\nworld:\n  rounds: 3\n',
    );
    assert.deepEqual(outside(symbols), []);
    const personas = symbols[0].children.find((c) => c.name === 'personas')!;
    assert.deepEqual(
      personas.children.map((c) => c.kind),
      ['include', 'persona'],
    );
    assert.deepEqual(personas.children[1].selectionRange.start, { line: 4, character: 8 });
  });

  it("an over-indented key under a persona file's id still gives an outline", () => {
    const symbols = symbolsOf('kind: persona\nname: Ana\nid: ana\n  age: 3\n');
    assert.deepEqual(outside(symbols), []);
    assert.deepEqual([symbols[0].name, symbols[0].selectionRange.start], ['Ana', { line: 2, character: 4 }]);
  });

  it('holds for 3,000 mutated files (fast-check)', function () {
    const edit = fc.record({
      at: fc.nat(),
      text: fc.string({
        maxLength: 6,
        unit: fc.constantFrom(' ', ' ', ' ', '\n', '-', ':', 'a', '#', '[', ']', '{', '}', ','),
      }),
      drop: fc.nat(4),
    });
    fc.assert(
      fc.property(fc.nat(SEEDS.length - 1), fc.array(edit, { minLength: 1, maxLength: 3 }), (seed, edits) => {
        const text = edits.reduce((t, e) => {
          const at = e.at % (t.length + 1);
          return t.slice(0, at) + e.text + t.slice(at + e.drop);
        }, SEEDS[seed]);
        assert.deepEqual(outside(symbolsOf(text)), [], text);
      }),
      { numRuns: 3000, seed: 7 },
    );
  });
});
