// A JSONL trace or a binary file opened as .society yields tens of thousands of YAML syntax errors
// and tokens of 60,000 characters (QA: `society check` took minutes, printed 60,000-character
// lines). A file reports the first MAX_SYNTAX_ERRORS, in order, and counts the rest in one
// diagnostic; a quoted token is cut to a short start.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { scratchDir } from '../../support/scratch';
import { parseSociety, MAX_SYNTAX_ERRORS } from '../../../src/core/format/syntax/parse';
import { ChunkCache } from '../../../src/core/format/syntax/chunked';

const diagnostics = (text: string, chunks?: ChunkCache) => parseSociety(text, '/virtual/x.society', chunks).diagnostics;
const summary = (n: number) =>
  `…and ${n.toLocaleString('en-US')} more YAML syntax error${n === 1 ? '' : 's'} in this file`;

// Every line of it alike: yaml reports 19 errors on each line after the first, six of them in the
// same words as another on that line (`{` at columns 0 and 19, `:`, `,`, `}`), so 13 diagnostics a line.
const RECORD = '{"type": "x", "a": {"b": [1, 2, 3]}}\n';
const jsonl = (lines: number) => RECORD.repeat(lines);

describe('YAML syntax errors: many of them', () => {
  it('a JSONL file keeps the first ones in order and counts the rest where the first left out is', () => {
    assert.equal(MAX_SYNTAX_ERRORS, 100);
    const small = diagnostics(jsonl(8)); // 14 + 6 × 13 = 92: under the limit
    assert.equal(small.length, 92);
    const big = diagnostics(jsonl(3000));
    assert.equal(big.length, MAX_SYNTAX_ERRORS + 1);
    assert.deepEqual(big.slice(0, 92), small);
    // 14 + 2,998 × 13 errors in all: the count shows errors past the limit are still deduplicated.
    const last = big[MAX_SYNTAX_ERRORS];
    assert.equal(last.message, summary(14 + 2998 * 13 - MAX_SYNTAX_ERRORS));
    assert.deepEqual([last.code, last.severity], ['SOC001', 'error']);
    // It stands for that many errors, so totals can count them (`society check`'s summary).
    assert.equal(last.count, 14 + 2998 * 13 - MAX_SYNTAX_ERRORS);
    assert.ok(big.slice(0, MAX_SYNTAX_ERRORS).every((d) => d.count === undefined));
    // The 101st: line 1 holds 14, lines 2… 13 each, so the 9th of line 8's.
    const line2 = small.filter((d) => d.range.start.line === 2);
    assert.deepEqual(last.range, {
      start: { line: 8, character: line2[8].range.start.character },
      end: { line: 8, character: line2[8].range.end.character },
    });
  });

  it("drops yaml's repeats as before: same line and code, and the same column or the same words", () => {
    const text = jsonl(3);
    const reported = parseAllDocuments(text)[0]?.errors.filter((e) => e.linePos?.[0].line === 3) ?? [];
    assert.equal(reported.length, 19);
    assert.equal(reported.filter((e) => e.message.includes('flow-map-start token')).length, 2); // columns 1 and 20
    const line2 = diagnostics(text).filter((d) => d.range.start.line === 2);
    assert.equal(line2.length, 13);
    assert.deepEqual(
      line2.filter((d) => d.message.includes('flow-map-start token')).map((d) => d.range.start.character),
      [0],
    );
    // The same slip reported twice at one spot (an over-indented key) is still one diagnostic.
    assert.equal(diagnostics('kind: scenario\nname: x\nworld:\n  setting: A room.\n    rounds: 8\n').length, 1);
  });

  it('the limit is per file: exactly the limit has no summary, one more is counted, across documents too', () => {
    assert.equal(diagnostics(']\n'.repeat(MAX_SYNTAX_ERRORS)).length, MAX_SYNTAX_ERRORS);
    const over = diagnostics(']\n'.repeat(MAX_SYNTAX_ERRORS + 1));
    assert.equal(over.length, MAX_SYNTAX_ERRORS + 1);
    assert.equal(over[MAX_SYNTAX_ERRORS].message, summary(1));
    assert.equal(over[MAX_SYNTAX_ERRORS].range.start.line, MAX_SYNTAX_ERRORS);
    const docs = diagnostics('---\n]\n'.repeat(150));
    assert.equal(docs.length, MAX_SYNTAX_ERRORS + 1);
    assert.equal(docs[MAX_SYNTAX_ERRORS].message, summary(50));
  });

  it("the editor's incremental parse of a large list keeps to the same limit", () => {
    const items = Array.from({ length: 3000 }, (_, i) => `  - id: p${i}\n    bio: "a" b\n`).join('');
    const text = `kind: scenario\nname: s\npersonas:\n${items}`;
    const whole = diagnostics(text);
    assert.equal(whole.length, MAX_SYNTAX_ERRORS + 1);
    assert.equal(whole[MAX_SYNTAX_ERRORS].message, summary(2900));
    assert.deepEqual(diagnostics(text, new ChunkCache()), whole);
  });
});

describe('YAML syntax errors: long tokens', () => {
  it('quotes only the start of a long offending token, escapes whole', () => {
    // A tab, not a control character: those are refused before YAML reads the text (SOC006).
    const token = `a"\\\tb${'x'.repeat(70000)}`;
    const [, d] = diagnostics(`kind: persona\n]\n${token}\n`);
    const prefix = 'YAML syntax error: Unexpected scalar token in YAML stream: ';
    assert.ok(d.message.startsWith(prefix), d.message);
    const quoted = d.message.slice(prefix.length);
    assert.ok(quoted.length <= 52, quoted);
    assert.ok(quoted.endsWith('…"'), quoted);
    const start = JSON.parse(quoted) as string; // still a valid quoted string
    assert.ok(token.startsWith(start.slice(0, -1)));
    assert.equal(start.slice(0, 6), 'a"\\\tbx');
  });

  it('leaves short tokens as they were', () => {
    assert.equal(
      diagnostics('kind: persona\n]\n')[0].message,
      'YAML syntax error: Unexpected flow-seq-end token in YAML stream: "]"',
    );
    const token = 'y'.repeat(60);
    assert.equal(
      diagnostics(`kind: persona\n]\n${token}\n`)[1].message,
      `YAML syntax error: Unexpected scalar token in YAML stream: "${token}"`,
    );
  });

  it('shortens other long runs: a tag, an alias', () => {
    const long = 'z'.repeat(5000);
    const [tag] = diagnostics(`!${long} x\n`);
    assert.equal(tag.message, `YAML syntax error: Unresolved tag: !${'z'.repeat(47)}…`);
    const [alias] = diagnostics(`a: *${long}\n`);
    assert.equal(
      alias.message,
      `YAML value could not be read: Unresolved alias (the anchor must be set before the alias): ${'z'.repeat(48)}…`,
    );
  });

  it('binary junk: short messages with no raw control characters', () => {
    // Seed 7 has yaml's `Not a YAML token: <raw text>: "<quoted text>"`; only the quoted copy stays.
    for (const seed of [1, 2, 7]) {
      const junk = Buffer.from(Array.from({ length: 200_000 }, byteStream(seed))).toString('utf8');
      const ds = diagnostics(junk);
      assert.ok(ds.length > 0);
      for (const d of ds) {
        assert.ok(d.message.length <= 140, d.message);
        assert.doesNotMatch(d.message, /[\u0000-\u001f]/);
      }
    }
  });
});

/** Deterministic random bytes (mulberry32). */
function byteStream(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) % 256;
  };
}

describe('society check on a file past the limit', () => {
  it('counts every error in its summary, not the 101 lines it prints', function () {
    const file = path.join(scratchDir('society-many-errors-'), 'trace.society');
    fs.writeFileSync(file, jsonl(300));
    const r = spawnSync(process.execPath, [path.resolve(__dirname, '../../../bin/society.js'), 'check', file], {
      encoding: 'utf8',
    });
    assert.equal(r.status, 1);
    assert.equal(r.stdout.trim().split('\n').length, MAX_SYNTAX_ERRORS + 1);
    assert.match(r.stderr, /^1 file checked: 3888 errors, 0 warnings$/m); // 14 + 298 × 13
  });
});
