// The JSON schema of each decision's answer: one description, the strict schema a model is sent
// (every property required, optional ones nullable, no extra keys). Answers are validated against
// that very schema, loosened only in structure (relaxed.ts: a nullable property may be left out,
// extra keys are ignored), so the bounds — numeric ranges, enums, text lengths, list sizes, whole
// numbers — are the ones sent and an endpoint that follows its schema is never refused. (Two
// hand-kept strengths drifted twice: `importance` went as a bare number and came back 0, issue 33;
// a judge's `score` went as a number and every 9.107 was refused as not whole, issue 58. Tested
// with random instances of each kind's schema in test/unit/llm/schemaAnswers.test.ts.)
import { DRIVERS } from '../../format';
import { ADVICE_ACTIONS, DIALOGUE_ACTS } from '../../trace/events';
import type { AdviseRequest, DecisionRequest } from '../types';
import { actSchema } from './actAnswer';
import { judgeSchema } from './judgeAnswer';
import { surveySchema } from './surveyAnswer';
import { relaxed } from './relaxed';

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

/** Free text, length-capped: the endpoint is told the cap it is held to. */
const text = (description: string, max = MAX_TEXT): Schema => ({
  type: 'string',
  description,
  maxLength: max,
});
const unit = (description: string): Schema => ({
  type: 'number',
  description: `${description}, 0 to 1`,
  minimum: 0,
  maximum: 1,
});

/** Every property required and no extra keys (strict mode); an optional property is nullable. */
function object(properties: Record<string, Schema>): Schema {
  return { type: 'object', properties, required: Object.keys(properties), additionalProperties: false };
}

/**
 * The coach's optional partner. Strict mode has no optional keys, so it is nullable (like speak's
 * topic), and like choose_partner's choice it enumerates the ids offered (the warm contacts; null
 * alone when there are none). A name or a stranger is repaired or dropped before validation.
 */
function partnerSchema(req: AdviseRequest): Schema {
  const ids = (req.warm ?? []).map((c) => c.id);
  return ids.length
    ? { type: ['string', 'null'], enum: [...ids, null], description: 'the id of a warm contact to do it with, or null' }
    : { type: 'null', description: 'no warm contacts to suggest: null' };
}

/**
 * An optional list of offered ids (speak's `tells` / `doubts`), present only when something is
 * offered, so a scenario without knowledge sends the schema it always sent. Nullable, as optional.
 */
function idList(
  key: string,
  offered: readonly { id: string }[] | undefined,
  description: string,
): Record<string, Schema> {
  if (!offered?.length) return {};
  const items = { type: 'string', enum: offered.map((k) => k.id) };
  return { [key]: { type: ['array', 'null'], items, maxItems: offered.length, description } };
}

/**
 * The schema of `req`'s answer: `strict`, as sent to a model; else as answers are validated, the
 * same schema loosened in structure only (relaxed.ts).
 */
export function responseSchema(req: DecisionRequest, strict: boolean): Schema {
  return strict ? sentSchema(req) : relaxed(sentSchema(req));
}

function sentSchema(req: DecisionRequest): Schema {
  switch (req.kind) {
    case 'choose_partner':
      return object({
        choice: { type: 'string', enum: req.candidates.map((c) => c.id) },
        reason: text('one sentence'),
      });
    case 'speak':
      return object({
        act: { type: 'string', enum: [...DIALOGUE_ACTS] },
        text: text('your message'),
        topic: { type: ['string', 'null'], description: 'the topic, if any', maxLength: MAX_TOPIC },
        ...idList('tells', req.news, 'the ids of the things you know that this message passes on'),
        ...idList('doubts', req.heard, 'the ids of what you were just told that you do not believe'),
      });
    case 'evaluate':
      return object({
        rating: unit('overall rating'),
        reasons: object({ reciprocity: unit('reciprocity'), novelty: unit('novelty'), affect: unit('affect') }),
        text: text('why'),
      });
    case 'advise':
      return object({
        driver: { type: 'string', enum: [...DRIVERS] },
        action: { type: 'string', enum: [...ADVICE_ACTIONS] },
        text: text('advice to the agent'),
        partner: partnerSchema(req),
      });
    case 'reflect':
      return object({
        insights: {
          type: 'array',
          maxItems: MAX_INSIGHTS,
          items: object({
            text: text('the insight'),
            importance: { type: 'number', description: '1 to 10', minimum: 1, maximum: 10 },
            evidence: { type: 'array', items: { type: 'integer' } },
          }),
        },
      });
    case 'interview':
      return object({ answer: text('answer in character', MAX_ANSWER) });
    case 'survey':
      return surveySchema(req);
    case 'act':
      return actSchema(req, text);
    case 'judge':
      return judgeSchema(req, text('one sentence'));
  }
}
