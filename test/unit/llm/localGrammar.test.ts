// The schemas a `local` model's grammar is built from: node-llama-cpp's builder reads a union
// only as `oneOf` and made every `anyOf` (each act decision's choice) a bare `null`; and spells a
// long `maxLength` out rule by rule. grammarSchema gives it what it reads; the parse path still
// checks the answer against the schema as sent.
import * as assert from 'node:assert/strict';
import { grammarSchema, numberGrid } from '../../../src/core/llm/local/grammarSchema';

/** As the worker posts it to node-llama-cpp: plain JSON (grammarSchema's records have no prototype). */
const plain = (x: unknown): unknown => JSON.parse(JSON.stringify(x));

describe('local model grammars', () => {
  it('a union is oneOf, however deep; enum and const values are left as they are', () => {
    const schema = {
      type: 'object',
      properties: {
        choice: { anyOf: [{ type: 'object', properties: { anyOf: { enum: ['anyOf'] } } }, { const: { anyOf: 1 } }] },
      },
    };
    assert.deepEqual(plain(grammarSchema(schema)), {
      type: 'object',
      properties: {
        choice: { oneOf: [{ type: 'object', properties: { anyOf: { enum: ['anyOf'] } } }, { const: { anyOf: 1 } }] },
      },
    });
  });

  it('a nullable field is oneOf a branch a type, each holding its own bounds (issue 86)', () => {
    const schema = {
      type: 'object',
      properties: {
        topic: { type: ['string', 'null'], description: 'the topic', maxLength: 200 },
        tells: { type: ['array', 'null'], items: { type: 'string', enum: ['a'] }, maxItems: 1 },
        partner: { type: ['string', 'null'], enum: ['ali', null] },
      },
    };
    assert.deepEqual(plain(grammarSchema(schema)), {
      type: 'object',
      properties: {
        topic: { description: 'the topic', oneOf: [{ type: 'string', maxLength: 200 }, { type: 'null' }] },
        tells: {
          oneOf: [{ type: 'array', items: { type: 'string', enum: ['a'] }, maxItems: 1 }, { type: 'null' }],
        },
        partner: { type: ['string', 'null'], enum: ['ali', null] },
      },
    });
  });

  it('a long maxLength is left to the parse path, a short one kept', () => {
    const schema = {
      type: 'object',
      properties: { text: { type: 'string', maxLength: 4000 }, id: { type: 'string', maxLength: 40 } },
    };
    assert.deepEqual(plain(grammarSchema(schema)), {
      type: 'object',
      properties: { text: { type: 'string' }, id: { type: 'string', maxLength: 40 } },
    });
  });
});

describe('a bounded number in a local model grammar', () => {
  const sample = (s: Record<string, unknown>): number[] | undefined => numberGrid(s)?.enum;

  it('is held to a grid across its bounds, both bounds among the values, never outside them', () => {
    const tenths = sample({ type: 'number', minimum: 0, maximum: 10, description: 'coins' })!;
    assert.equal(tenths.length, 101);
    assert.deepEqual([tenths[0], tenths[1], tenths[55], tenths.at(-1)], [0, 0.1, 5.5, 10]);
    assert.deepEqual(sample({ type: 'integer', minimum: 1, maximum: 7 }), [1, 2, 3, 4, 5, 6, 7]);
    assert.deepEqual(sample({ type: 'number', minimum: 0, maximum: 1000 })!.slice(0, 3), [0, 10, 20]);
    const odd = sample({ type: 'number', minimum: 0.5, maximum: 3.25 })!;
    assert.deepEqual([odd[0], odd[1], odd.at(-2), odd.at(-1)], [0.5, 0.6, 3.2, 3.25]);
    for (const s of [
      { type: 'number', minimum: -5, maximum: 5 },
      { type: 'number', minimum: 0, maximum: 1 },
      { type: 'number', minimum: 0.001, maximum: 0.002 },
      { type: 'number', minimum: 3, maximum: 3 },
    ]) {
      const values = sample(s)!;
      assert.ok(values.length >= 1 && values.length <= 203, JSON.stringify(s));
      assert.ok(
        values.every((v) => v >= s.minimum && v <= s.maximum && Number.isFinite(v)),
        JSON.stringify(s),
      );
      assert.deepEqual([values[0], values.at(-1)], [s.minimum, s.maximum]);
      assert.equal(new Set(values).size, values.length);
    }
  });

  it('is left as it is when unbounded, too wide an integer range, or holding other keywords', () => {
    assert.equal(sample({ type: 'number', minimum: 0 }), undefined);
    assert.equal(sample({ type: 'integer', minimum: 0, maximum: 100000 }), undefined);
    assert.equal(sample({ type: 'number', minimum: 0, maximum: 1, multipleOf: 0.5 }), undefined);
    assert.equal(sample({ type: 'number', minimum: 2, maximum: 1 }), undefined);
    assert.equal(sample({ type: 'string', minimum: 0, maximum: 1 }), undefined);
  });

  it('reaches an amount inside a decision schema', () => {
    const schema = {
      type: 'object',
      properties: { amount: { type: 'number', minimum: 0, maximum: 2 }, reason: { type: 'string' } },
    };
    const g = plain(grammarSchema(schema)) as { properties: { amount: { enum: number[] } } };
    assert.equal(g.properties.amount.enum.length, 201); // hundredths
  });
});
