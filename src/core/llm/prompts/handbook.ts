// The handbook: the first block of every prompt of a run, the same bytes for every agent and every
// decision kind (each kind's task and JSON shape). A provider's or server's prefix cache then
// holds it once for the whole run, and it lifts prompts towards OpenAI's 1,024-token caching
// minimum. Which task a call asks for is said at the end of the call's own part (render.ts).
import type { PromptTemplates } from '../../format';
import { RESPONSE_FORMATS, type DecisionKind } from '../types';
import { DEFAULT_RULES } from './defaults';

/** A decision an agent (or its coach) makes: a judge is not an agent and has its own prompt. */
export type AgentKind = Exclude<DecisionKind, 'judge'>;

/** Every decision kind, in the handbook's order (the order of an agent's round). */
export const HANDBOOK_KINDS: readonly AgentKind[] = [
  'choose_partner',
  'speak',
  'evaluate',
  'advise',
  'reflect',
  'interview',
  'act',
];

const INTRO = [
  "This is a social simulation. Each request below names one task of this handbook: answer it with only a JSON object of that task's shape, no other text.",
  'You play the person described after the handbook, except in "advise", where you are their coach.',
].join('\n');

/** What a shape alone does not say. */
const NOTES: Partial<Record<DecisionKind, string>> = {
  reflect: '"evidence" lists the ids of the memories given that support the insight.',
};

/** One task's entry: its built-in task text (unless the scenario overrides its template), its shape. */
export function taskEntry(kind: AgentKind, templates: PromptTemplates): string {
  return [
    `Task "${kind}":`,
    templates[kind] === undefined ? DEFAULT_RULES[kind] : '',
    `Answer shape: ${RESPONSE_FORMATS[kind]}`,
    NOTES[kind] ?? '',
  ]
    .filter(Boolean)
    .join('\n');
}

// A run renders thousands of prompts with one templates object: build its handbook once.
const built = new WeakMap<PromptTemplates, string>();

/** The handbook of a run with these templates: it depends on nothing else. */
export function handbook(templates: PromptTemplates): string {
  let text = built.get(templates);
  if (text === undefined) {
    text = [INTRO, ...HANDBOOK_KINDS.map((k) => taskEntry(k, templates))].join('\n\n');
    built.set(templates, text);
  }
  return text;
}

/** The call's own closing line: which task of the handbook to answer. */
export function taskLine(kind: DecisionKind): string {
  return `Your task now: "${kind}".`;
}
