// Prompt template variables. A scenario may override any prompt; `{{name}}` placeholders must be
// ones the renderer provides for that prompt, so a typo is caught while authoring, not mid-run.
import type { PromptKind } from './model';

/** Variables available in every prompt. */
const COMMON = [
  'persona.id',
  'persona.name',
  'persona.age',
  'persona.occupation',
  'persona.location',
  'persona.bio',
  'persona.style',
  'persona.interests',
  'persona.traits',
  'persona.motivations',
  'world.setting',
  'round',
  'rounds',
  'memories',
] as const;

/** What the coach sees: rendered only for `advise` requests, so `advise`'s variables. */
const COACH = [...COMMON, 'rewards', 'reward_changes', 'ratings_received'] as const;

/** What a conversation's prompts (speak, evaluate) know of it: the partner and the transcript. */
const TALK = [
  'partner.id',
  'partner.name',
  'partner.occupation',
  'partner.bio',
  'partner.interests',
  'conversation',
] as const;

/**
 * Extra variables per prompt kind. `system` is rendered for every agent decision, so it has only
 * the common ones; `coach_system` is rendered only for the coach's `advise`, so it has advise's.
 */
export const PROMPT_VARIABLES: Record<PromptKind, readonly string[]> = {
  system: COMMON,
  coach_system: COACH,
  choose_partner: [...COMMON, 'candidates', 'ties'],
  speak: [...COMMON, ...TALK, 'turn', 'turns', 'room', 'news'],
  evaluate: [...COMMON, ...TALK],
  advise: COACH,
  reflect: [...COMMON, 'recent_memories'],
  interview: [...COMMON, 'question'],
  act: [...COMMON, 'world_state', 'own_state', 'others', 'actions'],
  survey: [...COMMON, 'instrument', 'instructions', 'items'],
};

export interface TemplateVariable {
  name: string;
  start: number;
  end: number;
}

/**
 * `{{ name }}`: the name is what lies between the braces, trimmed. Trimming afterwards keeps the
 * match linear; `\{\{\s*(.*?)\s*\}\}` tried every split of a run of spaces (cubic: 8,000 spaces
 * after an unclosed `{{` took minutes).
 */
const PLACEHOLDER = /\{\{([^{}]*)\}\}/g;

/** Finds `{{ name }}` placeholders with their offsets inside the template string. */
export function templateVariables(template: string): TemplateVariable[] {
  const out: TemplateVariable[] = [];
  for (const m of template.matchAll(PLACEHOLDER)) {
    out.push({ name: m[1].trim(), start: m.index, end: m.index + m[0].length });
  }
  return out;
}

/** Replaces `{{name}}` with values; unknown names (inherited ones like `toString` included) are left as they are. */
export function renderTemplate(template: string, values: Record<string, string>): string {
  return template.replace(PLACEHOLDER, (whole, inner: string) => {
    const name = inner.trim();
    return Object.hasOwn(values, name) ? values[name] : whole;
  });
}
