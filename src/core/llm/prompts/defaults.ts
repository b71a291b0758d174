// The built-in prompt templates. A scenario's `prompts:` replaces any of them; they use only the
// variables listed in PROMPT_VARIABLES, so a researcher can copy one as a starting point.
// A line whose variables all render empty (an unset persona field) is dropped.
import type { PromptKind } from '../../format';

/**
 * The person, in the third person: the first lines of both built-in system templates, so an
 * agent's own calls and its coach's `advise` share this prefix (a prefix cache hits it); who the
 * model is comes after it, in the template's last line.
 */
const PROFILE = [
  'The person: {{persona.name}}',
  'Age: {{persona.age}}',
  'Occupation: {{persona.occupation}}',
  'Lives in: {{persona.location}}',
  'About them: {{persona.bio}}',
  'How they talk: {{persona.style}}',
  'Interests: {{persona.interests}}',
  'Personality (Big Five, 0-1): {{persona.traits}}',
  'What they want from people here (0-1): {{persona.motivations}}',
];

/**
 * The coach's system message (`coach_system`, for `advise` in place of `system`): a coach who
 * knows the person, not the person. `system` says "You are {{persona.name}} … Stay in
 * character", which told the coach it was the coachee. A scenario overrides it with
 * `prompts.coach_system`; its `prompts.system` never reaches the coach (see `systemTemplate` in
 * render.ts). It uses only the variables every prompt has, though `coach_system` may also use
 * advise's (PROMPT_VARIABLES.coach_system). What changes per call (the round, the memories) is
 * in DEFAULT_CONTEXT, after the situation, so the persona part stays a cacheable prefix.
 */
export const DEFAULT_COACH_SYSTEM = [
  ...PROFILE,
  'You are a coach on a social platform, helping {{persona.name}} make friends. You are not {{persona.name}}: you advise them, you do not speak for them.',
].join('\n');

/**
 * The setting, after the handbook (handbook.ts) and before the persona: the same for every agent
 * of most runs (with the built-in `system` or `coach_system`; a scenario's own system template
 * says the setting where it wants).
 */
export const DEFAULT_SHARED = 'Setting: {{world.setting}}';

/**
 * The per-call context of the built-in system templates, before the kind's situation: the round
 * and the memories change once a round for most calls (retrieval mostly returns the same ones
 * within a round), the situation with every call.
 */
export const DEFAULT_CONTEXT = {
  agent: 'Things you remember, oldest first:\n{{memories}}\nIt is round {{round}} of {{rounds}}.',
  coach: 'Things they remember, oldest first:\n{{memories}}\nIt is round {{round}} of {{rounds}}.',
};

/**
 * The fixed task of each built-in kind template (no variables): in the handbook every prompt of
 * a run starts with (handbook.ts). A scenario that overrides a kind's template gets none of it.
 */
export const DEFAULT_RULES: Record<PromptKind, string> = {
  system: '',
  coach_system: '',
  choose_partner: 'Whom do you start a conversation with now? Pick exactly one id from the list the platform suggests.',
  speak: [
    'Write your next message in the conversation: one or two sentences, in character.',
    'Tag it with the dialogue act that fits best.',
  ].join('\n'),
  evaluate: [
    'Rate the conversation you just had from your point of view, 0 (bad) to 1 (great), and rate separately:',
    'reciprocity (did they engage with you), novelty (did you learn something new), affect (how did it feel).',
  ].join('\n'),
  advise:
    'Give one short, concrete piece of advice for their next conversations, aimed at the driver that most needs it.',
  reflect: [
    'What are up to three high-level insights about yourself and the people here that your recent memories support?',
    'Cite the ids of the memories each insight rests on, and rate its importance from 1 to 10.',
  ].join('\n'),
  interview: "Answer the interviewer's question in character, in a few sentences.",
  act: 'Choose one action and its arguments, in character, and say why in one sentence.',
  survey: 'Fill in the questionnaire: one answer per item, on its own scale.',
};

/**
 * The built-in templates: `system` (the persona, stable per agent) and each kind's situation
 * (what changes per call). Longest-lived first within a situation, so a call that continues an
 * earlier one (the next turn of a conversation) repeats its prefix.
 */
export const DEFAULT_TEMPLATES: Record<PromptKind, string> = {
  system: [
    ...PROFILE,
    'You are {{persona.name}}, a person taking part in a social simulation. Stay in character.',
  ].join('\n'),

  coach_system: DEFAULT_COACH_SYSTEM,

  choose_partner: [
    'Your ties so far (0 = stranger, 1 = close friend): {{ties}}',
    'The platform suggests these people to talk to:',
    '{{candidates}}',
  ].join('\n'),

  // speak and evaluate open with the same lines (the partner, then the conversation, which only
  // grows), so the rating after a conversation repeats the prefix of the speaker's last turn.
  speak: [
    'Your conversation partner: {{partner.name}} ({{partner.occupation}}).',
    '{{room}}',
    'About them: {{partner.bio}}',
    'Their interests: {{partner.interests}}',
    'The conversation so far:',
    '{{conversation}}',
    '{{news}}',
    'Your next message is message {{turn}} of {{turns}}.',
  ].join('\n'),

  evaluate: [
    'Your conversation partner: {{partner.name}} ({{partner.occupation}}).',
    'About them: {{partner.bio}}',
    'Their interests: {{partner.interests}}',
    'The conversation so far:',
    '{{conversation}}',
    'The conversation is over.',
  ].join('\n'),

  advise: [
    'You are a coach helping {{persona.name}} make friends on this platform.',
    'Their rewards this period, per driver (0-1), with how much each matters to them:',
    '{{rewards}}',
    'Change since the last period: {{reward_changes}}',
    'How others responded: {{ratings_received}}',
  ].join('\n'),

  reflect: ['Your recent memories (id: text):', '{{recent_memories}}'].join('\n'),

  interview: 'An interviewer asks you: {{question}}',

  survey: [
    'A researcher asks you to fill in a questionnaire: {{instrument}}.',
    '{{instructions}}',
    'Answer every item as yourself, as you are now, each on its own scale:',
    '{{items}}',
  ].join('\n'),

  act: [
    'What you can do this round (each with what it changes):',
    '{{actions}}',
    'The state of the world now:',
    '{{world_state}}',
    'Yours:',
    '{{own_state}}',
    'The others:',
    '{{others}}',
  ].join('\n'),
};
