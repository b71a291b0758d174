// A rubric judge's answer (types.ts JudgeRequest): one score and a short reason per dimension. The
// strict schema names every dimension with its range, so an endpoint that follows it always
// passes; the lenient one takes any scores and checkJudge holds them to the rubric (every
// dimension, a whole number in its range) so one compiled validator serves every rubric. A score
// outside is a problem for the re-ask, not something to clamp: the judge said something else.
import type { JudgeRequest, JudgeResponse } from '../types';
import { own } from '../../text/nameRecord';

type Schema = Record<string, unknown>;

/** `reason`: the schema of a reason (schemas.ts text, length-capped like every text we take). */
export function judgeSchema(req: JudgeRequest, strict: boolean, reason: Schema): Schema {
  const score = (min?: number, max?: number, description?: string): Schema => ({
    type: 'object',
    properties: {
      score: {
        type: 'number',
        ...(min !== undefined ? { minimum: min, maximum: max } : {}),
        ...(description ? { description } : {}),
      },
      reason,
    },
    required: ['score', 'reason'],
    ...(strict ? { additionalProperties: false } : {}),
  });
  if (!strict) {
    return {
      type: 'object',
      properties: { scores: { type: 'object', additionalProperties: score() } },
      required: ['scores'],
    };
  }
  const dims = req.rubric.dimensions;
  return {
    type: 'object',
    properties: {
      scores: {
        type: 'object',
        properties: Object.fromEntries(
          dims.map((d) => [d.name, score(d.min, d.max, `${d.min} to ${d.max}, a whole number`)]),
        ),
        required: dims.map((d) => d.name),
        additionalProperties: false,
      },
    },
    required: ['scores'],
    additionalProperties: false,
  };
}

/** The scores held to the rubric: every dimension, a whole number in its range; extra keys dropped. */
export function checkJudge(
  req: JudgeRequest,
  value: Record<string, unknown>,
): { ok: true; value: JudgeResponse } | { ok: false; error: string } {
  const given = value.scores as Record<string, { score: number; reason: string }>;
  const scores: [string, JudgeResponse['scores'][string]][] = [];
  for (const d of req.rubric.dimensions) {
    const s = own(given, d.name);
    if (!s) return { ok: false, error: `"scores" is missing "${d.name}"` };
    if (!Number.isInteger(s.score) || s.score < d.min || s.score > d.max) {
      return {
        ok: false,
        error: `"scores.${d.name}.score" must be a whole number from ${d.min} to ${d.max}, not ${s.score}`,
      };
    }
    scores.push([d.name, { score: s.score, reason: s.reason }]);
  }
  // fromEntries keeps `__proto__` as a key, as `{}[name] =` would not.
  return { ok: true, value: { scores: Object.fromEntries(scores) } };
}
