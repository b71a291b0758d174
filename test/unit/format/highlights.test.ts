// Word highlights of a name (issue 42: 8e): where it is used as a name — keys, their dotted
// segments, expression identifiers, template placeholders, one-name values — never in prose.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { documentHighlights, parseSociety } from '../../../src/core/format';

const town = path.resolve(__dirname, '../../fixtures/authoring-details/town.society');
const text = fs.readFileSync(town, 'utf8');
const parsed = parseSociety(text, town);

/** The highlights at the `n`-th `needle` (+ `into` characters), as `line:col word kind`. */
function at(needle: string, into = 0, n = 1, source = parsed): string[] {
  let i = -1;
  for (let k = 0; k < n; k++) i = source.text.indexOf(needle, i + 1);
  assert.ok(i >= 0, needle);
  return documentHighlights(source, i + into).map(
    (h) =>
      `${h.range.start.line + 1}:${h.range.start.character + 1} ${source.text.slice(source.lines.offsetAt(h.range.start), source.lines.offsetAt(h.range.end))} ${h.kind}`,
  );
}
const lineOf = (needle: string): number => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

describe('word highlights of a name (issue 42: 8e)', () => {
  it("a quantity: its declaration, effect targets, expressions and placeholders, not the descriptions' word", () => {
    const shown = at('    place:', 4);
    assert.deepEqual(shown, [
      `${lineOf('    place:')}:5 place write`,
      `${lineOf('me.place: "args.to"')}:10 place write`,
      `${lineOf('I went to place {me.place}')}:36 place read`,
    ]);
    // "place" is in the setting, two descriptions and a remember text: none of them is marked.
    const prose = text
      .split('\n')
      .filter((l) => /\bplace\b/.test(l.replace(/\{me\.place\}|me\.place:|^\s+place:/g, '')));
    assert.ok(prose.length >= 4, prose.join('\n'));
  });

  it('the cursor on a word of prose highlights nothing (no textual matches either)', () => {
    assert.deepEqual(at('the place decides whom', 5), []);
    assert.deepEqual(at('# A market town', 4), [], 'a comment');
  });

  it('in expressions: members and namespaces, not string literals; a function call only with calls', () => {
    const purse = at('me.purse >= 0.0', 4);
    assert.ok(purse.length >= 5 && purse.every((h) => / purse (read|write)$/.test(h)), purse.join('\n'));
    assert.ok(purse.includes(`${lineOf('    purse:')}:5 purse write`));
    const min = at('min(2.0', 1);
    const call = text.split('\n')[lineOf('min(2.0') - 1].indexOf('min(') + 1;
    assert.deepEqual(min, [`${lineOf('min(2.0')}:${call} min read`]);
    assert.ok(!at('      min: 0', 7).some((h) => h.includes('min read')), 'a `min:` key is no call of min');
    const literal = parseSociety(
      ['kind: scenario', 'actions:', '  a:', '    description: A.', "    when: \"me.x > 0.0 || 'me' == 'x'\"", ''].join(
        '\n',
      ),
      town,
    );
    assert.equal(at("'me'", 1, 1, literal).length, 0, 'inside a CEL string: no name');
    assert.equal(at('me.x', 0, 1, literal).length, 1);
  });

  it('persona ids: the id and the references to it, in one-name values', () => {
    const people = parseSociety(
      [
        'kind: persona',
        'id: maya',
        'name: Maya Chen',
        'bio: maya likes climbing.',
        'relationships:',
        '  - { with: leo }',
        '---',
        'kind: persona',
        'id: leo',
        'name: Leo',
        'relationships:',
        '  - with: maya',
        '',
      ].join('\n'),
      town,
    );
    assert.deepEqual(at('maya', 0, 1, people), ['2:5 maya read', '12:11 maya read']);
  });
});
