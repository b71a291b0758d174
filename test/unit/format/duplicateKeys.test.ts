// A duplicate key (SOC002) leaves the document's value well defined, the last occurrence counting,
// so the schema is still checked (QA: a duplicate key hid every other error until it was fixed).
// Every copy is marked, saying which one counts, and the ignored copies are schema-checked too
// (QA: their errors appeared only once the other copy was removed; see duplicateKeyCopies.test.ts).
// The file still cannot run, and a real syntax error still silences the schema's checks.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { parseSociety } from '../../../src/core/format/syntax/parse';
import { nodeAtPath } from '../../../src/core/format/syntax/nodePath';
import { ChunkCache, parseChunked } from '../../../src/core/format/syntax/chunked';
import { validateDocument } from '../../../src/core/format/schema/validate';
import { NodeFileSystem, OverlayFileSystem, SocietyWorkspace } from '../../../src/core/format';
import { scenarioWithInlinePersonas } from '../../../bench/generate';

/** `line:col code message`, 1-based, syntax and schema diagnostics in order. */
function problems(text: string, cache?: ChunkCache): string[] {
  const parsed = parseSociety(text, '/virtual/d.society', cache);
  return [...parsed.diagnostics, ...parsed.documents.flatMap((d) => validateDocument(parsed, d))]
    .map(
      (d) =>
        `${d.range.start.line + 1}:${d.range.start.character + 1}-${d.range.end.line + 1}:${d.range.end.character + 1} ${d.code} ${d.message}`,
    )
    .sort();
}

describe('duplicate keys', function () {
  it('leave the rest of the document schema-checked, at exact ranges', () => {
    const text =
      'kind: persona\nid: p1\nname: P\nname: Q\ntraits: { openness: 2, extraversion: "high" }\nmemories:\n  - importance: 5\n';
    assert.deepEqual(
      problems(text),
      [
        "3:1-3:5 SOC002 Duplicate key 'name': this one is ignored, as the key is given again on line 4 (a key may appear only once in a mapping; the last one counts)",
        "4:1-4:5 SOC002 Duplicate key 'name': a key may appear only once in a mapping (the last one counts, so the one on line 3 is ignored)",
        "5:21-5:22 SOC013 'traits.openness' must be <= 1, found 2",
        "5:38-5:44 SOC012 'traits.extraversion' must be a number, found 'high'",
        "7:5-7:15 SOC010 Missing required property 'text' in 'memories[0]'",
      ].sort(),
    );
  });

  it('are read by their last occurrence, as the loader reads them', () => {
    const earlierWrong = 'kind: persona\nid: p1\nname: P\nage: old\nage: 40\n';
    assert.deepEqual(
      problems(earlierWrong).filter((p) => !p.includes('SOC002')),
      ["4:6-4:9 SOC012 'age' must be an integer, found 'old'"],
      'the ignored copy is checked too',
    );
    assert.equal((parseSociety(earlierWrong, '/virtual/d.society').documents[0].value as { age: unknown }).age, 40);
    const laterWrong = 'kind: persona\nid: p1\nname: P\nage: 40\nage: old\n';
    assert.deepEqual(
      problems(laterWrong).filter((p) => !p.includes('SOC002')),
      ["5:6-5:9 SOC012 'age' must be an integer, found 'old'"],
    );
    const doc = parseSociety(laterWrong, '/virtual/d.society').documents[0];
    assert.equal(nodeAtPath(doc.yaml, ['age'])?.value?.range?.[0], laterWrong.lastIndexOf('old'));
  });

  it('still keep the file from running', async () => {
    const file = path.resolve('/virtual/dup/s.society');
    const overlay = new OverlayFileSystem(new NodeFileSystem());
    overlay.set(
      file,
      'kind: scenario\nname: S\nname: T\npersonas:\n  - { id: ana, name: Ana }\nworld: { rounds: 0 }\n',
    );
    const r = await new SocietyWorkspace(overlay, path.dirname(file)).resolveScenario(file);
    assert.equal(r.scenario, undefined);
    assert.deepEqual(
      r.diagnostics.map((d) => `${d.range.start.line + 1} ${d.code}`),
      ['2 SOC002', '3 SOC002', '6 SOC013'],
    );
  });

  it('do not lift the silence a syntax error imposes on the schema checks', () => {
    const text = 'kind: persona\nid: p1\nname: P\nname: "unclosed\nage: old\n';
    assert.ok(
      problems(text).every((p) => / SOC00[12] /.test(p)),
      problems(text).join('\n'),
    );
  });

  it('give the same diagnostics through the chunked parse as a whole parse', () => {
    const lines = scenarioWithInlinePersonas(170).split('\n');
    const age = (id: string) => lines.indexOf('    name: Person ' + id.slice(1)) + 1;
    lines.splice(age('p3') + 1, 0, '    age: old'); // the later one is wrong: reported
    lines.splice(age('p7'), 0, '    age: old'); // the earlier one is wrong: ignored, but checked
    const text = lines.join('\n');
    assert.ok(parseChunked(text, new ChunkCache()), 'chunked');
    const chunked = problems(text, new ChunkCache());
    assert.deepEqual(chunked, problems(text));
    assert.deepEqual(chunked.map((p) => p.split(' ')[1]).sort(), [
      'SOC002',
      'SOC002',
      'SOC002',
      'SOC002',
      'SOC012',
      'SOC012',
    ]);
  });

  it('of a chunked list are left to a whole parse, whose value holds the last', () => {
    const text = scenarioWithInlinePersonas(170) + 'personas:\n  - { id: solo, name: Solo, age: old }\n';
    assert.equal(parseChunked(text, new ChunkCache()), undefined);
    const cache = new ChunkCache();
    assert.deepEqual(problems(text, cache), problems(text));
    assert.deepEqual(
      (
        parseSociety(text, '/virtual/d.society', cache).documents[0].value as { personas: { id: string }[] }
      ).personas.map((p) => p.id),
      ['solo'],
    );
    assert.ok(problems(text).some((p) => p.includes("SOC012 'age' of persona 'solo'")));
  });
});
