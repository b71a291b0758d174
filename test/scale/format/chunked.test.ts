// Incremental (chunked) parsing must be invisible: same values, same diagnostics, same ranges as
// parsing the whole text, across edits that move, change and break items.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseSociety } from '../../../src/core/format/syntax/parse';
import { ChunkCache, parseChunked } from '../../../src/core/format/syntax/chunked';
import { validateDocument } from '../../../src/core/format/schema/validate';
import { visit, type Document } from 'yaml';
import { scenarioWithInlinePersonas } from '../../../bench/generate';

function diagnostics(text: string, cache?: ChunkCache) {
  const parsed = parseSociety(text, '/v/big.society', cache);
  const all = [...parsed.diagnostics, ...parsed.documents.flatMap((d) => validateDocument(parsed, d))];
  return {
    parsed,
    all: all
      .map(
        (d) =>
          `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.code} ${d.message}`,
      )
      .sort(),
  };
}

describe('chunked parsing', function () {
  const base = scenarioWithInlinePersonas(170);

  it('is used for large plain documents and gives the same value as a whole parse', () => {
    const cache = new ChunkCache();
    const chunked = parseSociety(base, '/v/big.society', cache);
    const whole = parseSociety(base, '/v/big.society');
    assert.ok(base.length > 64 * 1024);
    assert.notEqual(chunked.documents[0].yaml, whole.documents[0].yaml);
    assert.deepEqual(chunked.documents[0].value, whole.documents[0].value);
    assert.deepEqual(chunked.documents[0].range, whole.documents[0].range);
  });

  it('places an empty item (a bare `-`) where a whole parse does, not on the list', () => {
    for (const item of ['  -\n', '  - # nothing yet\n', '  -   \n', '  -\n    # later\n']) {
      let text = 'kind: scenario\nname: big\npersonas:\n';
      for (let i = 0; i < 40; i++) {
        text += `  - id: p${i}\n    name: P\n    bio: ${'lorem '.repeat(300)}\n${i === 5 ? item : ''}`;
      }
      text += 'world:\n  rounds: 3\n';
      assert.ok(parseChunked(text, new ChunkCache()), 'chunked');
      const chunked = diagnostics(text, new ChunkCache()).all;
      assert.deepEqual(chunked, diagnostics(text).all, JSON.stringify(item));
      assert.equal(chunked.length, 1);
      assert.match(chunked[0], /^21:\d+-.* SOC012 'personas\[6\]' must be an object, found nothing$/);
    }
  });

  it('gives every node, keys included, the range a whole parse gives, also for cached items an edit moved', () => {
    const ranges = (doc: Document): string[] => {
      const out: string[] = [];
      visit(doc, {
        Node(_, node) {
          out.push(`${node.constructor.name} ${node.range?.join(',')}`);
        },
      });
      return out;
    };
    const cache = new ChunkCache();
    const first = parseChunked(base, cache)!;
    assert.deepEqual(ranges(first.doc), ranges(parseSociety(base, '/v/big.society').documents[0].yaml));
    // Longer text early on: every later item comes from the cache, moved.
    const edited = base.replace('name: Person 3\n', 'name: Person 3 with a longer name\n');
    const moved = parseChunked(edited, cache)!;
    const whole = ranges(parseSociety(edited, '/v/big.society').documents[0].yaml);
    assert.ok(whole.length > 3000);
    assert.deepEqual(ranges(moved.doc), whole);
  });

  it('leaves documents with anchors, aliases or collection keys in an item to a whole parse', () => {
    for (const odd of [
      '    bio: &b Lives here\n    style: *b\n',
      '    ? [a, b]\n    : 1\n',
      '    traits: { &t openness: 0.5 }\n',
    ]) {
      const text = base.replace('    name: Person 7\n', `    name: Person 7\n${odd}`);
      assert.equal(parseChunked(text, new ChunkCache()), undefined, JSON.stringify(odd));
    }
  });

  it('matches whole-text diagnostics after random line edits (120 edit sequences)', () => {
    const lines = base.split('\n');
    const edits = fc.array(
      fc.record({
        line: fc.nat(lines.length - 1),
        op: fc.constantFrom('delete', 'duplicate', 'replace', 'insert'),
        text: fc.constantFrom(
          '    nmae: X',
          '    age: old',
          '  - id: p1',
          '    traits: { openness: 2 }',
          '    bio: "unclosed',
          '',
          '# comment',
          '    interests: [a, b',
          '  - { id: zz, name: Z }',
          '    relationships: 3',
        ),
      }),
      { minLength: 1, maxLength: 3 },
    );
    const cache = new ChunkCache();
    fc.assert(
      fc.property(edits, (ops) => {
        const l = [...lines];
        for (const op of ops) {
          const i = op.line % l.length;
          if (op.op === 'delete') l.splice(i, 1);
          else if (op.op === 'duplicate') l.splice(i, 0, l[i]);
          else if (op.op === 'replace') l[i] = op.text;
          else l.splice(i, 0, op.text);
        }
        const text = l.join('\n');
        const a = diagnostics(text, cache);
        const b = diagnostics(text);
        if (a.all.some((d) => / SOC001 /.test(d)) || b.all.some((d) => / SOC001 /.test(d))) {
          // A syntax error may be worded differently inside a chunk; both must still report one.
          assert.equal(
            a.all.some((d) => / SOC001 /.test(d)),
            b.all.some((d) => / SOC001 /.test(d)),
          );
        } else {
          assert.deepEqual(a.all, b.all);
          assert.deepEqual(a.parsed.documents[0]?.value, b.parsed.documents[0]?.value);
        }
      }),
      { numRuns: 120, seed: 7 },
    );
  });
});
