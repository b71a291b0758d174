// A survey's answers: the structured-output schema (one answer per item, each on its item's scale),
// which answers are validated against (validate.ts), and the re-ask's wording of what is wrong.
import type { ResponseScale } from '../../format';
import type { SurveyRequest } from '../types';
import { own } from '../../text/nameRecord';

type Schema = Record<string, unknown>;

/** The JSON Schema of one answer on `s`. */
export function answerSchema(s: ResponseScale): Schema {
  switch (s.type) {
    case 'likert':
      return { type: 'integer', minimum: 1, maximum: s.points, description: `1 to ${s.points}` };
    case 'numeric':
      return { type: 'number', minimum: s.min, maximum: s.max };
    case 'choice':
      return { type: 'string', enum: s.options };
    case 'text':
      return { type: 'string', maxLength: 2000 };
  }
}

export function surveySchema(req: SurveyRequest): Schema {
  const properties = Object.fromEntries(req.items.map((i) => [i.id, answerSchema(i.response)]));
  return {
    type: 'object',
    properties: {
      answers: { type: 'object', properties, required: Object.keys(properties), additionalProperties: false },
    },
    required: ['answers'],
    additionalProperties: false,
  };
}

/** Whether `x` is a valid answer on `s` (whole numbers in range for a Likert scale). */
export function validAnswer(s: ResponseScale, x: unknown): boolean {
  switch (s.type) {
    case 'likert':
      return typeof x === 'number' && Number.isInteger(x) && x >= 1 && x <= s.points;
    case 'numeric':
      return typeof x === 'number' && Number.isFinite(x) && x >= s.min && x <= s.max;
    case 'choice':
      return typeof x === 'string' && s.options.includes(x);
    case 'text':
      return typeof x === 'string' && x.length <= 2000;
  }
}

/** What is wrong with the answers, for the re-ask; undefined when every item has a valid answer. */
export function surveyProblem(req: SurveyRequest, answers: Record<string, unknown>): string | undefined {
  const wrong = req.items.filter((i) => !validAnswer(i.response, own(answers, i.id)));
  if (!wrong.length) return undefined;
  const first = wrong[0];
  return `"answers" needs a valid answer for ${wrong.map((i) => i.id).join(', ')} (e.g. ${first.id}: ${JSON.stringify(answerSchema(first.response))}, got ${JSON.stringify(own(answers, first.id) ?? null)})`;
}
