// What a person playing an agent is asked: the same situation an LLM agent would be shown (the
// scenario's own prompt templates, rendered by the prompt layer, without the JSON instruction a
// model needs), the agent's retrieved memories and conversation, and what may be answered, in a
// shape a terminal, a script or a webview can show (plain JSON).
import type { PromptTemplates } from '../../format';
import { DIALOGUE_ACTS, type DialogueAct } from '../../trace/events';
import { DEFAULT_TEMPLATES } from '../prompts/defaults';
import { renderLines, systemTemplate } from '../prompts/render';
import { promptValues, type PromptContext } from '../prompts/values';
import { RESPONSE_FORMATS, type ActRequest, type DecisionKind, type DecisionRequest } from '../types';
import type { ActionArgOption, ActionOption, PlayOptions, PlayQuestion } from '../../protocol/playMessages';

export type {
  ActionArgOption,
  ActionOption,
  PartnerOption,
  PlayOptions,
  PlayQuestion,
} from '../../protocol/playMessages';

/** The rating scale a person answers on (a model answers 0..1: the rating is the answer ÷ 10). */
export const RATING_SCALE = { min: 0, max: 10, step: 1 } as const;

/** The human answer formats: a model's, with a person's conveniences (names or numbers, a 0–10 rating, optional reasons). */
export const ANSWER_FORMATS: Record<DecisionKind, string> = {
  choose_partner: '{"choice": "<id, name or number in the list>", "reason": "<optional>"}',
  speak: '{"text": "<your message>", "act": "<optional dialogue act>", "topic": "<optional>"}',
  evaluate:
    '{"rating": 0..10, "text": "<optional why>", "reasons": {"reciprocity": 0..10, "novelty": 0..10, "affect": 0..10} (optional)}',
  act: '{"action": "<name or number in the list>", "args": {"<argument>": <number, or an id>}, "text": "<the post, for an action that posts>", "reason": "<optional>"}',
  reflect: RESPONSE_FORMATS.reflect,
  interview: RESPONSE_FORMATS.interview,
  advise: RESPONSE_FORMATS.advise,
  judge: RESPONSE_FORMATS.judge,
  survey: RESPONSE_FORMATS.survey,
};

/** The act a message takes when the person names none: a greeting first, a farewell last, else sharing. */
export function defaultAct(turn: number, turns: number): DialogueAct {
  return turn === 0 ? 'greet' : turn >= turns - 1 ? 'farewell' : 'share';
}

export function questionOf(
  req: DecisionRequest,
  at: { id: number; seconds?: number; problem?: string },
  templates: PromptTemplates,
  ctx: PromptContext,
): PlayQuestion {
  // A rubric judge is a model of `models`, never the agent a person plays (humanModel.ts asks).
  if (req.kind === 'judge') throw new Error('a rubric judge is never asked of a person');
  const values = promptValues(req, ctx);
  const system = renderLines(systemTemplate(req.kind, templates), values);
  const template = templates[req.kind] ?? DEFAULT_TEMPLATES[req.kind];
  const situation = renderLines(template, values);
  return {
    type: 'question',
    id: at.id,
    kind: req.kind,
    key: req.key,
    agent: req.persona.id,
    name: req.persona.name,
    round: req.round,
    ...(at.seconds !== undefined ? { seconds: Math.max(0, Math.round(at.seconds * 10) / 10) } : {}),
    ...(at.problem ? { problem: at.problem } : {}),
    context: { system, situation, ...conversationIn(template, values, situation) },
    // Copies: the engine goes on appending to its lists after the question is asked.
    memories: req.memories.slice(),
    ...(req.kind === 'speak' || req.kind === 'evaluate' ? { transcript: req.transcript.slice() } : {}),
    options: optionsOf(req),
    format: ANSWER_FORMATS[req.kind],
  };
}

/**
 * Where the conversation is in the rendered situation: rendered again with a mark in its place
 * (the mark found once, and the text the same with the conversation put back), else nothing.
 */
function conversationIn(
  template: string,
  values: Record<string, string>,
  situation: string,
): { conversation: { start: number; end: number } } | undefined {
  const text = values.conversation;
  if (text === undefined) return undefined;
  const mark = '\u0000conversation\u0000';
  const marked = renderLines(template, { ...values, conversation: mark });
  const start = marked.indexOf(mark);
  if (start < 0 || marked.indexOf(mark, start + 1) >= 0) return undefined;
  if (marked.slice(0, start) + text + marked.slice(start + mark.length) !== situation) return undefined;
  return { conversation: { start, end: start + text.length } };
}

function optionsOf(req: DecisionRequest): PlayOptions {
  switch (req.kind) {
    case 'choose_partner':
      return {
        kind: 'choose_partner',
        partners: req.candidates.map((c) => ({
          id: c.id,
          name: c.name,
          about: [
            c.occupation,
            c.shared_interests.length ? `shared interests: ${c.shared_interests.join(', ')}` : '',
            c.met ? `talked ${c.met}×` : 'never talked',
            // No friendship words where there is no tie (a game without ties, issue 88).
            c.tie > 0 ? `your tie ${c.tie.toFixed(2)}` : '',
            c.rating_from !== undefined ? `they rated you ${c.rating_from.toFixed(2)}` : '',
          ]
            .filter(Boolean)
            .join('; '),
        })),
      };
    case 'speak':
      return {
        kind: 'speak',
        acts: DIALOGUE_ACTS,
        act: defaultAct(req.turn, req.turns),
        to: req.others.map((o) => o.name),
        turn: req.turn,
        turns: req.turns,
        ...(req.news?.length ? { news: req.news.map((n) => ({ id: n.id, text: n.text })) } : {}),
        ...(req.heard?.length ? { heard: req.heard.map((n) => ({ id: n.id, text: n.text })) } : {}),
      };
    case 'evaluate':
      return { kind: 'evaluate', partner: { id: req.partner.id, name: req.partner.name }, scale: RATING_SCALE };
    case 'act':
      return { kind: 'act', actions: actionOptions(req) };
    case 'judge':
      throw new Error('a rubric judge is never asked of a person');
    default:
      return { kind: req.kind };
  }
}

function actionOptions(req: ActRequest): ActionOption[] {
  const people = req.others.map((o) => ({ id: o.id, label: o.name }));
  const places = (req.places ?? []).map((p) => ({ id: p.id, label: p.label }));
  const posts = (req.posts ?? []).map((p) => ({ id: p.id, label: `${p.name}: ${p.text}`, feed: p.feed }));
  return req.actions.map((a) => ({
    name: a.name,
    description: a.description,
    posts: a.post !== undefined,
    args: a.args.map((g) => {
      const base: ActionArgOption = {
        name: g.name,
        type: g.type,
        ...(g.description ? { description: g.description } : {}),
        ...(g.min !== undefined ? { min: g.min } : {}),
        ...(g.max !== undefined ? { max: g.max } : {}),
        ...(g.integer ? { integer: true } : {}),
      };
      const among = (x: { id: string }): boolean => !g.among || g.among.includes(x.id);
      if (g.type === 'agent') base.choices = people.filter(among);
      if (g.type === 'place') base.choices = places.filter(among);
      if (g.type === 'post') {
        base.choices = posts
          .filter((p) => among(p) && (!g.feed || p.feed === g.feed))
          .map(({ id, label }) => ({ id, label }));
      }
      return base;
    }),
  }));
}
