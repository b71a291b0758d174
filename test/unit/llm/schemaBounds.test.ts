// Issue 33, defect 4: the schema sent to an endpoint and the one its answer is validated with are
// one definition. Every bound the validator holds an answer to (numeric ranges, enums, text lengths,
// list sizes) is in the schema sent, so an endpoint that follows that schema exactly — at its
// extremes too — always passes. Before, `importance` went as a bare number ("1 to 10" only in its
// description): an endpoint answered 0, and every reflection of a 100-agent run was skipped.
import * as assert from 'node:assert/strict';
import { responseSchema } from '../../../src/core/llm/parse/schemas';
import { validateResponse } from '../../../src/core/llm/parse/validate';
import type { DecisionRequest } from '../../../src/core/llm/types';
import { requests } from '../../support/llmFixtures';

const BOUNDS = [
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'maxLength',
  'minLength',
  'maxItems',
  'minItems',
  'enum',
  'const',
  'pattern',
];

/** Every bound in a schema, by the path of properties and items it sits at. */
function bounds(schema: unknown, at = '', out = new Map<string, unknown>()): Map<string, unknown> {
  if (!schema || typeof schema !== 'object') return out;
  const s = schema as Record<string, unknown>;
  for (const k of BOUNDS) if (k in s) out.set(`${at}#${k}`, s[k]);
  for (const [name, sub] of Object.entries((s.properties as Record<string, unknown>) ?? {})) {
    bounds(sub, `${at}/${name}`, out);
  }
  if (s.items) bounds(s.items, `${at}[]`, out);
  return out;
}

const ALL: DecisionRequest[] = [
  requests.choose(),
  requests.speak(),
  requests.evaluate(),
  requests.advise(),
  requests.reflect(),
  requests.interview(),
];

describe('decision schemas: what is sent is what is validated (issue 33: 4)', () => {
  for (const req of ALL) {
    it(`${req.kind}: every bound the validator holds is in the schema sent`, () => {
      const sent = bounds(responseSchema(req, true)),
        validated = bounds(responseSchema(req, false));
      for (const [where, value] of validated) assert.deepEqual(sent.get(where), value, `${req.kind} ${where}`);
      // The sent schema may only be stricter where the request names its own choices (candidate ids).
      for (const where of sent.keys()) {
        if (!validated.has(where)) assert.match(where, /#enum$/, `${req.kind} ${where} sent but not validated`);
      }
    });
  }

  it('reflect and evaluate send their ranges: 1..10 and 0..1', () => {
    const reflect = bounds(responseSchema(requests.reflect(), true));
    assert.equal(reflect.get('/insights[]/importance#minimum'), 1);
    assert.equal(reflect.get('/insights[]/importance#maximum'), 10);
    const evaluate = bounds(responseSchema(requests.evaluate(), true));
    for (const f of ['/rating', '/reasons/reciprocity', '/reasons/novelty', '/reasons/affect']) {
      assert.equal(evaluate.get(`${f}#minimum`), 0, f);
      assert.equal(evaluate.get(`${f}#maximum`), 1, f);
    }
  });

  it('accepts answers at the extremes of the schema sent', () => {
    const req = requests.reflect();
    const evidence = [req.recent[0].id];
    for (const importance of [1, 10]) {
      const v = validateResponse(req, { insights: [{ text: 'I like climbing with Ali.', importance, evidence }] });
      assert.ok(v.ok, `importance ${importance}: ${!v.ok ? v.error : ''}`);
    }
    for (const x of [0, 1]) {
      const v = validateResponse(requests.evaluate(), {
        rating: x,
        reasons: { reciprocity: x, novelty: x, affect: x },
        text: 'fine',
      });
      assert.ok(v.ok, `evaluate at ${x}: ${!v.ok ? v.error : ''}`);
    }
    assert.ok(
      !validateResponse(req, { insights: [{ text: 't', importance: 0, evidence }] }).ok,
      'outside the sent range is refused',
    );
  });
});
