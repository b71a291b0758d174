// How long a model's answer may be: one table read by the estimate (the typical length it costs
// a call at) and by every priced call (the `max_tokens` it is sent, ANSWER_HEADROOM times that),
// so the spend a run can reach is the estimate's assumption scaled by a known factor, never a
// model's whim. A model config's own `max_tokens` replaces the cap (and caps the estimate).
import type { DecisionKind, DecisionRequest } from './types';

/** Typical answer length per kind, in tokens (a survey's and a judge's grow with their items). */
export const TYPICAL_OUTPUT_TOKENS: Record<DecisionKind, number> = {
  choose_partner: 30,
  speak: 60,
  evaluate: 70,
  advise: 70,
  reflect: 150,
  interview: 100,
  act: 40,
  judge: 200,
  survey: 80,
};
export const SURVEY_TOKENS = { base: 10, item: 6 };
export const JUDGE_TOKENS = { base: 10, dimension: 40 };

/**
 * The cap sent is this many times the typical length: room for a long answer (and a JSON object
 * closed properly) while the spend stays within a known multiple of the estimate.
 */
export const ANSWER_HEADROOM = 4;
/** No cap below this: a short schema's answer still needs room for its braces and a sentence. */
export const MIN_ANSWER_CAP = 96;

/** The typical answer to this request, in tokens: what the estimate costs it at. */
export function typicalAnswerTokens(request: DecisionRequest): number {
  if (request.kind === 'survey') return SURVEY_TOKENS.base + SURVEY_TOKENS.item * request.items.length;
  if (request.kind === 'judge') return JUDGE_TOKENS.base + JUDGE_TOKENS.dimension * request.rubric.dimensions.length;
  return TYPICAL_OUTPUT_TOKENS[request.kind];
}

/** The `max_tokens` a call for this request is sent when its model sets none. */
export function answerCap(request: DecisionRequest): number {
  return Math.max(MIN_ANSWER_CAP, Math.ceil(typicalAnswerTokens(request) * ANSWER_HEADROOM));
}
