// The schemas a `local` model's grammar is built from: node-llama-cpp's builder reads a union
// only as `oneOf` and made every `anyOf` (each act decision's choice) a bare `null`; and spells a
// long `maxLength` out rule by rule. grammarSchema gives it what it reads; the parse path still
// checks the answer against the schema as sent.
import * as assert from 'node:assert/strict';
import { grammarSchema } from '../../../src/core/llm/local/localWorker';

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
