// The JSON schema of each decision's answer, one definition in two strengths that differ only in
// structure: `strict` for the endpoint's structured-output mode (every property required, optional
// ones nullable, no extra keys) and the lenient form answers are validated with (optional fields
// optional, extra keys ignored). The bounds — numeric ranges, enums, text lengths, list sizes — are
// the same in both, so an endpoint that follows the schema it is sent exactly always passes
// validation (it did not: `importance` went as a bare number and came back 0, and every reflection
// of a 100-agent run was skipped; tested in test/unit/llm/schemaBounds.test.ts).
import { DRIVERS } from '../../format/language/model';
import { ADVICE_ACTIONS, DIALOGUE_ACTS } from '../../trace/events';
import type { AdviseRequest, DecisionRequest } from '../types';
import { actSchema } from './actAnswer';
import { judgeSchema } from './judgeAnswer';
import { surveySchema } from './surveyAnswer';

type Schema = Record<string, unknown>;

/**
 * Longest text we take from a model, in characters: a message, reason, advice or insight (about
 * 1,000 tokens; a runaway answer otherwise went into the trace, the memory stream, every later
 * prompt and the checkpoint whole), and an interview answer. Longer is a problem the re-ask names.
 */
export const MAX_TEXT = 4000,
  MAX_ANSWER = 16000,
  MAX_TOPIC = 200,
  MAX_INSIGHTS = 20;

const str = (description?: string): Schema => ({ type: 'string', ...(description ? { description } : {}) });
/** Free text, length-capped: the endpoint is told the cap it is held to. */
const text = (_strict: boolean, description: string, max = MAX_TEXT): Schema => ({
  type: 'string',
  description,
  maxLength: max,
});
const unit = (_strict: boolean, description: string): Schema => ({
  type: 'number',
  description: `${description}, 0 to 1`,
  minimum: 0,
  maximum: 1,
});

function object(properties: Record<string, Schema>, strict: boolean, optional: string[] = []): Schema {
  return {
    type: 'object',
    properties,
    required: strict ? Object.keys(properties) : Object.keys(properties).filter((k) => !optional.includes(k)),
    ...(strict ? { additionalProperties: false } : {}),
  };
}

/**
 * The coach's optional partner. Strict mode has no optional keys, so it is nullable (like speak's
 * topic), and like choose_partner's choice it enumerates the ids offered (the warm contacts; null
 * alone when there are none). Lenient: any string or null; whether it names a warm contact is
 * checked in code (validate.ts), so one compiled validator serves every request.
 */
function partnerSchema(req: AdviseRequest, strict: boolean): Schema {
  if (!strict) return { type: ['string', 'null'] };
  const ids = (req.warm ?? []).map((c) => c.id);
  return ids.length
    ? { type: ['string', 'null'], enum: [...ids, null], description: 'the id of a warm contact to do it with, or null' }
    : { type: 'null', description: 'no warm contacts to suggest: null' };
}

/**
 * An optional list of offered ids (speak's `tells` / `doubts`), present only when something is
 * offered, so a scenario without knowledge sends the schema it always sent. Lenient: any strings
 * (which are offered is checked in code, engine/phases/meet/hearsay.ts offeredIds).
 */
function idList(
  key: string,
  offered: readonly { id: string }[] | undefined,
  strict: boolean,
  description: string,
): Record<string, Schema> {
  if (!offered?.length) return {};
  const items = strict ? { type: 'string', enum: offered.map((k) => k.id) } : { type: 'string' };
  return { [key]: { type: 'array', items, maxItems: offered.length, description } };
}

export function responseSchema(req: DecisionRequest, strict: boolean): Schema {
  switch (req.kind) {
    case 'choose_partner': // lenient: membership is checked in code, so one compiled validator serves every request
      return object(
        {
          choice: strict ? { type: 'string', enum: req.candidates.map((c) => c.id) } : str(),
          reason: text(strict, 'one sentence'),
        },
        strict,
      );
    case 'speak':
      return object(
        {
          act: { type: 'string', enum: [...DIALOGUE_ACTS] },
          text: text(strict, 'your message'),
          topic: { type: ['string', 'null'], description: 'the topic, if any', maxLength: MAX_TOPIC },
          ...idList('tells', req.news, strict, 'the ids of the things you know that this message passes on'),
          ...idList('doubts', req.heard, strict, 'the ids of what you were just told that you do not believe'),
        },
        strict,
        ['topic', 'tells', 'doubts'],
      );
    case 'evaluate':
      return object(
        {
          rating: unit(strict, 'overall rating'),
          reasons: object(
            {
              reciprocity: unit(strict, 'reciprocity'),
              novelty: unit(strict, 'novelty'),
              affect: unit(strict, 'affect'),
            },
            strict,
          ),
          text: text(strict, 'why'),
        },
        strict,
      );
    case 'advise':
      return object(
        {
          driver: { type: 'string', enum: [...DRIVERS] },
          action: { type: 'string', enum: [...ADVICE_ACTIONS] },
          text: text(strict, 'advice to the agent'),
          partner: partnerSchema(req, strict),
        },
        strict,
        ['partner'],
      );
    case 'reflect':
      return object(
        {
          insights: {
            type: 'array',
            maxItems: MAX_INSIGHTS,
            items: object(
              {
                text: text(strict, 'the insight'),
                importance: { type: 'number', description: '1 to 10', minimum: 1, maximum: 10 },
                evidence: { type: 'array', items: { type: 'integer' } },
              },
              strict,
            ),
          },
        },
        strict,
      );
    case 'interview':
      return object({ answer: text(strict, 'answer in character', MAX_ANSWER) }, strict);
    case 'survey':
      return surveySchema(req, strict);
    case 'act':
      return actSchema(req, strict, (description) => text(strict, description));
    case 'judge':
      return judgeSchema(req, strict, text(strict, 'one sentence'));
  }
}
