// Property-based: 10,000 random and mutated files never make the format layer throw, and every
// file an independent oracle (yaml + ajv on the whole-document schema) rejects gets an error.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseAllDocuments } from 'yaml';
import Ajv2020 from 'ajv/dist/2020';
import { SocietyWorkspace, NodeFileSystem, societySchema } from '../../../src/core/format';

const VALID = [
  'kind: persona\nid: maya\nname: Maya Chen\nage: 27\ntraits: { openness: 0.8, extraversion: 0.4 }\ninterests: [climate, open data]\nmotivations: { social: 0.3, information: 0.9 }\nmemories:\n  - { text: "I want to find people to climb with.", importance: 6 }\n',
  'kind: persona\nid: leo\nname: Leo\nbio: |\n  Plays bass in two bands.\n  Never on time.\nrelationships:\n  - with: maya\n    tie: 0.4\n',
  'kind: scenario\nname: Forum\nseed: 3\npersonas:\n  - { id: a, name: A, interests: [x] }\n  - id: b\n    name: B\nworld:\n  rounds: 5\n  encounters: { mode: random, per_round: 2 }\ncoaching: { enabled: true }\nties: { threshold: 0.5 }\n',
];

const oracle = new Ajv2020({ allErrors: false, strict: false, allowUnionTypes: true }).compile(societySchema as object);

/** True when yaml or the root schema rejects any document (the format layer must then report an error). */
function oracleRejects(text: string): boolean {
  let docs;
  try {
    docs = parseAllDocuments(text, { uniqueKeys: true, logLevel: 'error' });
  } catch {
    return true;
  }
  if ('empty' in docs) return docs.errors.length > 0;
  for (const d of docs) {
    if (d.errors.length) return true;
    let value: unknown;
    try {
      value = d.toJS({ maxAliasCount: 100 });
    } catch {
      return true;
    }
    if (value === null || value === undefined) continue;
    if (!oracle(value)) return true;
  }
  return false;
}

const mutation = fc.oneof(
  fc.record({
    op: fc.constant('insert' as const),
    at: fc.nat(),
    text: fc.string({ maxLength: 6, unit: fc.constantFrom(...':-[]{}"\'#|>&*!%@ \n\tabcxyz0129.,') }),
  }),
  fc.record({ op: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 8 }) }),
  fc.record({ op: fc.constant('swapLines' as const), at: fc.nat(), other: fc.nat() }),
);
type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

function mutate(text: string, m: Mutation): string {
  if (m.op === 'insert') {
    const at = m.at % (text.length + 1);
    return text.slice(0, at) + m.text + text.slice(at);
  }
  if (m.op === 'delete') {
    const at = m.at % (text.length + 1);
    return text.slice(0, at) + text.slice(at + m.length);
  }
  const lines = text.split('\n');
  const a = m.at % lines.length,
    b = m.other % lines.length;
  [lines[a], lines[b]] = [lines[b], lines[a]];
  return lines.join('\n');
}

describe('format robustness (fast-check)', function () {
  const workspace = new SocietyWorkspace(new NodeFileSystem(), '/');

  function analyzeOrFail(text: string, i: number) {
    const file = `/virtual/f${i}.society`;
    const result = workspace.analyzeText(file, text);
    workspace.forget(file);
    return result;
  }

  it('every valid seed is valid for both the oracle and the format layer', () => {
    VALID.forEach((text, i) => {
      assert.equal(oracleRejects(text), false);
      assert.deepEqual(analyzeOrFail(text, i).diagnostics, []);
    });
  });

  it('says plainly that thousands of nested brackets are too deep, at the line they are on', () => {
    const text = `kind: scenario\nname: deep\nx: ${'['.repeat(5000)}${']'.repeat(5000)}\n`;
    const errors = analyzeOrFail(text, -1).diagnostics.filter((d) => d.severity === 'error');
    // Found before yaml reads it (nestingDepth.ts): at the bracket that passes the limit.
    assert.equal(errors.length, 1, JSON.stringify(errors.map((e) => [e.range.start, e.message])));
    assert.equal(errors[0].code, 'SOC001');
    assert.equal(
      errors[0].message,
      'YAML syntax error: nested too deeply to read (over 256 levels of brackets, indentation or list markers)',
    );
    assert.deepEqual(errors[0].range.start, { line: 2, character: 3 + 255 }); // `x: ` opens a level too
  });

  it('never throws on arbitrary text (4,000 files)', () => {
    let i = 0;
    fc.assert(
      fc.property(fc.string({ maxLength: 400, unit: 'grapheme' }), (text) => {
        analyzeOrFail(text, i++);
      }),
      { numRuns: 4000, seed: 20261122 },
    );
  });

  it('reports an error for every mutated file the oracle rejects (6,000 files)', () => {
    let rejected = 0;
    let i = 0;
    fc.assert(
      fc.property(fc.nat(VALID.length - 1), fc.array(mutation, { minLength: 1, maxLength: 4 }), (base, ms) => {
        const text = ms.reduce(mutate, VALID[base]);
        const { diagnostics } = analyzeOrFail(text, i++);
        if (oracleRejects(text)) {
          rejected++;
          assert.ok(
            diagnostics.some((d) => d.severity === 'error' || (d.code === 'SOC003' && d.severity === 'warning')),
            `no error for invalid file:\n${text}`,
          );
        }
        for (const d of diagnostics) {
          assert.ok(d.range.start.line >= 0 && d.range.start.character >= 0, 'ranges are non-negative');
          assert.ok(
            d.range.end.line > d.range.start.line ||
              (d.range.end.line === d.range.start.line && d.range.end.character >= d.range.start.character),
            'ranges are ordered',
          );
        }
      }),
      { numRuns: 6000, seed: 42 },
    );
    assert.ok(rejected > 1000, `only ${rejected} mutated files were invalid: the generator is too weak`);
  });
});
