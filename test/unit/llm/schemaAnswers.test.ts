// Issue 58, kind 3: the schema a model is sent and the validator its answer meets are one
// description (src/core/llm/parse/schemas.ts, relaxed.ts). Every decision kind, judges and surveys
// included, is answered with random instances of its own sent schema (test/support/schemaInstance.ts)
// through the response parser, and none may be refused: a judge's `score` went as `number` and
// every 9.107 was refused as "must be a whole number" (16 of 16 judgements lost).
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseAnswer } from '../../../src/core/llm/parse';
import { responseSchema } from '../../../src/core/llm/parse/schemas';
import type { DecisionRequest } from '../../../src/core/llm/types';
import { stream } from '../../../src/core/random/rng';
import { DECISION_REQUESTS as KINDS, judge } from '../../support/decisionRequests';
import { randomInstance } from '../../support/schemaInstance';

describe('every answer within the schema sent is taken (issue 58: 3)', () => {
  it('covers every decision kind', () => {
    const kinds = new Set(KINDS.map((r) => r.kind));
    const all: Record<DecisionRequest['kind'], true> = {
      choose_partner: true,
      speak: true,
      evaluate: true,
      advise: true,
      reflect: true,
      interview: true,
      act: true,
      judge: true,
      survey: true,
    };
    assert.deepEqual([...kinds].sort(), Object.keys(all).sort());
  });

  for (const req of KINDS) {
    it(`${req.kind}${req.kind === 'speak' && 'news' in req ? ' (with news)' : ''}: random instances of its schema`, () => {
      const schema = responseSchema(req, true);
      fc.assert(
        fc.property(fc.integer({ min: 0, max: 2 ** 31 }), (seed) => {
          const answer = randomInstance(schema, stream(seed, 'schema answer'));
          const parsed = parseAnswer(req, JSON.stringify(answer));
          assert.ok(parsed.ok, `${JSON.stringify(answer)}: ${parsed.ok ? '' : parsed.error}`);
        }),
        { seed: 58, numRuns: 300 },
      );
    });
  }

  it('a judge is told a score is a whole number, and a fractional one is re-asked', () => {
    const schema = responseSchema(judge(), true) as any;
    assert.equal(schema.properties.scores.properties.warmth.properties.score.type, 'integer');
    const parsed = parseAnswer(
      judge(),
      JSON.stringify({ scores: { warmth: { score: 9.107, reason: 'x' }, relationship: { score: 1, reason: 'y' } } }),
    );
    assert.ok(!parsed.ok);
    assert.match(parsed.error, /"scores\.warmth\.score" must be a whole number from 1 to 10, not 9\.107/);
  });
});
