// A rubric judge's answer (types.ts JudgeRequest): one score and a short reason per dimension. The
// schema names every dimension with its range and says a score is a whole number (`integer`: it
// said `number` while the check wanted whole numbers, and every 9.107 was refused, issue 58); the
// answer is validated against that very schema (validate.ts), so checkJudge only shapes it.
import type { JudgeRequest, JudgeResponse } from '../types';
import { own } from '../../text/nameRecord';

type Schema = Record<string, unknown>;

/** `reason`: the schema of a reason (schemas.ts text, length-capped like every text we take). */
export function judgeSchema(req: JudgeRequest, reason: Schema): Schema {
  const score = (min: number, max: number): Schema => ({
    type: 'object',
    properties: {
      score: { type: 'integer', minimum: min, maximum: max, description: `${min} to ${max}, a whole number` },
      reason,
    },
    required: ['score', 'reason'],
    additionalProperties: false,
  });
  const dims = req.rubric.dimensions;
  return {
    type: 'object',
    properties: {
      scores: {
        type: 'object',
        properties: Object.fromEntries(dims.map((d) => [d.name, score(d.min, d.max)])),
        required: dims.map((d) => d.name),
        additionalProperties: false,
      },
    },
    required: ['scores'],
    additionalProperties: false,
  };
}

/** The scores by the rubric's dimensions (the schema held them to it); extra keys dropped. */
export function shapeJudge(req: JudgeRequest, value: Record<string, unknown>): JudgeResponse {
  const given = value.scores as Record<string, { score: number; reason: string }>;
  const scores: [string, JudgeResponse['scores'][string]][] = [];
  for (const d of req.rubric.dimensions) {
    const s = own(given, d.name)!;
    scores.push([d.name, { score: s.score, reason: s.reason }]);
  }
  // fromEntries keeps `__proto__` as a key, as `{}[name] =` would not.
  return { scores: Object.fromEntries(scores) };
}
