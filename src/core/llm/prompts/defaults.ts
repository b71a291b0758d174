// The built-in prompt templates. A scenario's `prompts:` replaces any of them; they use only the
// variables listed in PROMPT_VARIABLES, so a researcher can copy one as a starting point.
// A line whose variables all render empty (an unset persona field) is dropped.
import type { PromptKind } from '../../format/language/model';

/**
 * The coach's system message (`coach_system`, for `advise` in place of `system`): a coach who
 * knows the person and what they remember, not the person. `system` says "You are
 * {{persona.name}} … Stay in character", which told the coach it was the coachee. A scenario
 * overrides it with `prompts.coach_system`; its `prompts.system` never reaches the coach (see
 * `systemTemplate` in render.ts). It uses only the variables every prompt has, though
 * `coach_system` may also use advise's (PROMPT_VARIABLES.coach_system).
 */
export const DEFAULT_COACH_SYSTEM = [
  'You are a coach on a social platform, helping {{persona.name}} make friends. You are not {{persona.name}}: you advise them, you do not speak for them.',
  'Setting: {{world.setting}}',
  'What you know about {{persona.name}}:',
  'Age: {{persona.age}}',
  'Occupation: {{persona.occupation}}',
  'Lives in: {{persona.location}}',
  'About them: {{persona.bio}}',
  'How they talk: {{persona.style}}',
  'Interests: {{persona.interests}}',
  'Personality (Big Five, 0-1): {{persona.traits}}',
  'What they want from people here (0-1): {{persona.motivations}}',
  'It is round {{round}} of {{rounds}}.',
  'Things they remember, most relevant first:',
  '{{memories}}',
].join('\n');

export const DEFAULT_TEMPLATES: Record<PromptKind, string> = {
  system: [
    'You are {{persona.name}}, a person taking part in a social simulation. Stay in character.',
    'Setting: {{world.setting}}',
    'Age: {{persona.age}}',
    'Occupation: {{persona.occupation}}',
    'Lives in: {{persona.location}}',
    'About you: {{persona.bio}}',
    'How you talk: {{persona.style}}',
    'Interests: {{persona.interests}}',
    'Personality (Big Five, 0-1): {{persona.traits}}',
    'What you want from people here (0-1): {{persona.motivations}}',
    'It is round {{round}} of {{rounds}}.',
    'Things you remember, most relevant first:',
    '{{memories}}',
  ].join('\n'),

  coach_system: DEFAULT_COACH_SYSTEM,

  choose_partner: [
    'The platform suggests these people to talk to:',
    '{{candidates}}',
    'Your ties so far (0 = stranger, 1 = close friend): {{ties}}',
    'Whom do you start a conversation with now? Pick exactly one id from the list.',
  ].join('\n'),

  speak: [
    'You are in a conversation with {{partner.name}} ({{partner.occupation}}). {{room}}',
    'About them: {{partner.bio}}',
    'Their interests: {{partner.interests}}',
    'The conversation so far:',
    '{{conversation}}',
    '{{news}}',
    'Write your next message (message {{turn}} of {{turns}}): one or two sentences, in character.',
    'Tag it with the dialogue act that fits best.',
  ].join('\n'),

  evaluate: [
    'You just talked with {{partner.name}} ({{partner.occupation}}).',
    'Their interests: {{partner.interests}}',
    'The conversation:',
    '{{conversation}}',
    'Rate the conversation from your point of view, 0 (bad) to 1 (great), and rate separately:',
    'reciprocity (did they engage with you), novelty (did you learn something new), affect (how did it feel).',
  ].join('\n'),

  advise: [
    'You are a coach helping {{persona.name}} make friends on this platform.',
    'Their rewards this period, per driver (0-1), with how much each matters to them:',
    '{{rewards}}',
    'Change since the last period: {{reward_changes}}',
    'How others responded: {{ratings_received}}',
    'Give one short, concrete piece of advice for their next conversations, aimed at the driver that most needs it.',
  ].join('\n'),

  reflect: [
    'Your recent memories (id: text):',
    '{{recent_memories}}',
    'What are up to three high-level insights about yourself and the people here that these memories support?',
    'Cite the ids of the memories each insight rests on, and rate its importance from 1 to 10.',
  ].join('\n'),

  interview: ['An interviewer asks you: {{question}}', 'Answer in character, in a few sentences.'].join('\n'),

  survey: [
    'A researcher asks you to fill in a questionnaire: {{instrument}}.',
    '{{instructions}}',
    'Answer every item as yourself, as you are now, each on its own scale:',
    '{{items}}',
  ].join('\n'),

  act: [
    'The state of the world now:',
    '{{world_state}}',
    'Yours:',
    '{{own_state}}',
    'The others:',
    '{{others}}',
    'What you can do this round (each with what it changes):',
    '{{actions}}',
    'Choose one action and its arguments, in character, and say why in one sentence.',
  ].join('\n'),
};
