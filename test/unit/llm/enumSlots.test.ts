// Validators are compiled per schema shape, each request's enums read at validation time
// (enumSlots.ts): two requests that differ only in whom they offer share one compiled check, and
// neither ever accepts the other's ids.
import * as assert from 'node:assert/strict';
import { parseAnswer } from '../../../src/core/llm/parse';
import { responseSchema } from '../../../src/core/llm/parse/schemas';
import { inEnum, slotEnums } from '../../../src/core/llm/parse/enumSlots';
import { requests } from '../../support/llmFixtures';

const offering = (ids: string[]) => {
  const req = requests.choose();
  return { ...req, candidates: ids.map((id, i) => ({ ...req.candidates[i % req.candidates.length], id, name: id })) };
};

describe('llm parse: enums read per request from one compiled shape', () => {
  it('gives requests that differ only in their ids the same shape', () => {
    const a = slotEnums(responseSchema(offering(['ali', 'sam']), false));
    const b = slotEnums(responseSchema(offering(['bea', 'cy', 'dov']), false));
    assert.deepEqual(JSON.stringify(a.shape), JSON.stringify(b.shape));
    assert.ok(a.enums.some((e) => e.includes('ali')) && b.enums.some((e) => e.includes('dov')));
  });

  it('never lets one request’s ids pass for another’s', () => {
    for (let i = 0; i < 3; i++) {
      assert.ok(parseAnswer(offering(['ali', 'sam']), '{"choice": "ali", "reason": "x"}').ok);
      const other = parseAnswer(offering(['bea', 'cy']), '{"choice": "ali", "reason": "x"}');
      assert.deepEqual(other, { ok: false, error: '"choice" must be one of bea, cy, not "ali"' });
    }
  });

  it('treats a property named enum as a property, and data keywords as data', () => {
    const { shape, enums } = slotEnums({
      type: 'object',
      properties: { enum: { type: 'string', enum: ['x'] }, kind: { const: 'a', default: 'b' } },
      required: ['enum'],
      anyOf: [{ enum: [1, 2] }, { enum: [null, { a: 1 }] }],
    });
    assert.deepEqual(JSON.parse(JSON.stringify(shape)), {
      type: 'object',
      properties: { enum: { type: 'string', enumSlot: 0 }, kind: { const: 'a', default: 'b' } },
      required: ['enum'],
      anyOf: [{ enumSlot: 1 }, { enumSlot: 2 }],
    });
    assert.deepEqual(enums, [['x'], [1, 2], [null, { a: 1 }]]);
    assert.ok(
      inEnum(enums[2], { a: 1 }) && inEnum(enums[2], null) && !inEnum(enums[2], { a: 2 }) && !inEnum(enums[1], '1'),
    );
  });
});
