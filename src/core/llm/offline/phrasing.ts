// Message text for each dialogue act, composed from persona data so a trace reads sensibly.
// Purely presentational: decisions are made in speak.ts; this only words them.
import type { DialogueAct } from '../../trace/events';
import type { Rng } from '../../random/rng';
import type { PersonaBrief } from '../types';
import { firstName } from './cues';
import { withArticle } from '../../text/article';

export interface Wording {
  self: PersonaBrief;
  other?: PersonaBrief;
  topic?: string;
  /** Greeting prefix when answering an opening line. */
  greetBack?: boolean;
  metBefore?: boolean;
  room?: string;
  /** The line just said, by anyone: support answers it in kind, and no line repeats it word for word. */
  after?: { act: DialogueAct; text: string };
}

const first = (p?: PersonaBrief): string => (p ? firstName(p.name) : 'everyone');

const TEMPLATES: Record<DialogueAct, ((w: Wording) => string)[]> = {
  greet: [
    (w) =>
      w.metBefore
        ? `Good to see you again, ${first(w.other)}!${w.topic ? ` Been up to anything with ${w.topic} lately?` : ''}`
        : `Hi ${first(w.other)}! I'm ${first(w.self)}${w.self.occupation ? `, ${withArticle(w.self.occupation)}` : ''}${w.topic ? ` — big on ${w.topic}` : ''}.`,
    (w) =>
      w.metBefore
        ? `Hey ${first(w.other)}, how have you been?${w.topic ? ` Still into ${w.topic}?` : ''}`
        : `Hello ${first(w.other)}, nice to meet you. ${first(w.self)} here${w.self.location ? `, from ${w.self.location}` : ''}${w.topic ? `; I spend my free time on ${w.topic}` : ''}.`,
  ],
  share: [
    (w) => `I've been really into ${w.topic} lately.`,
    (w) =>
      `Something I care about is ${w.topic}${w.self.occupation ? ` — it comes up a lot in my work as ${withArticle(w.self.occupation)}` : ''}.`,
    (w) => `Have you followed anything about ${w.topic}? It's been on my mind all week.`,
  ],
  ask: [
    (w) => `What got you into ${w.topic}, ${first(w.other)}?`,
    (w) => `How do you approach ${w.topic}? I'd love to hear more.`,
    (w) => `I don't know much about ${w.topic} — what should I know?`,
  ],
  answer: [
    // Persona data in the speaker's own voice. (The bio is not quoted: bios are written about a
    // persona, "makes her own kefir", and read wrong in the first person.)
    (w) => {
      const also = alongside(w.self, w.topic);
      return `Good question! ${cap(w.topic)} ${is(w.topic)} a big part of my life${also ? `, along with ${also}` : ''}${w.self.occupation ? ` — a nice change from being ${withArticle(w.self.occupation)} all day` : ''}.`;
    },
    (w) => `For me ${w.topic} started by accident, and now I can't stop.`,
    (w) => `Honestly, ${w.topic} ${is(w.topic)} where I feel most myself.`,
  ],
  disclose: [
    (w) => `Can I be honest? I've been feeling a bit lost${w.topic ? ` even with ${w.topic}` : ''} lately.`,
    (_w) => `It's been a hard week for me, to be honest.`,
  ],
  // Support for a worry (after a disclosure); see SUPPORT_GLAD for support of good news.
  support: [
    (w) => `That sounds like a lot — I'm glad you told me, ${first(w.other)}.`,
    (w) => `I hear you. If it helps, I've been through something similar${w.topic ? ` with ${w.topic}` : ''}.`,
    (w) => `That's a lot to carry. I'm here if you want to talk about it, ${first(w.other)}.`,
  ],
  propose: [
    (w) => `We should do something about ${w.topic} together — maybe this weekend?`,
    (w) => `Want to team up on ${w.topic} sometime? I could set something up.`,
  ],
  accept: [(_w) => `Yes, let's do it! Count me in.`, (w) => `I'd love that${w.topic ? ` — ${w.topic} it is` : ''}.`],
  decline: [(_w) => `Maybe another time — I'm stretched thin right now.`, (_w) => `Thanks, but I'll pass for now.`],
  farewell: [(w) => `Good talking to you, ${first(w.other)}. See you around!`, (_w) => `I have to run — talk soon!`],
};

/**
 * Acts whose words name a topic, for when there is none: a persona without interests (imported
 * profiles often have none), a question about an answer that named nothing, a plan with nothing
 * shared. (The topic templates said "Something I care about is undefined.")
 */
const TOPICLESS: Partial<Record<DialogueAct, ((w: Wording) => string)[]>> = {
  share: [
    (w) =>
      w.self.occupation
        ? `Work as ${withArticle(w.self.occupation)} keeps me busy these days.`
        : `Things have been busy on my side lately.`,
    () => `I've been meaning to find something new to get into.`,
    () => `It's been a good week, all things considered.`,
  ],
  ask: [
    (w) => `What do you like to do in your free time, ${first(w.other)}?`,
    () => `What's been keeping you busy lately?`,
    () => `Tell me about yourself — what are you into?`,
  ],
  answer: [
    () => `Good question! I'm still figuring that out, to be honest.`,
    () => `Hard to say — a bit of everything, I suppose.`,
    (w) =>
      w.self.occupation
        ? `Mostly my work as ${withArticle(w.self.occupation)}, these days.`
        : `Honestly, I've never thought about it much.`,
  ],
  propose: [
    () => `We should get together sometime — maybe this weekend?`,
    () => `Want to meet up sometime? I could set something up.`,
  ],
};

/** Support after someone shared or answered: warmth about what they said, not sympathy. */
const SUPPORT_GLAD: ((w: Wording) => string)[] = [
  (w) => `That's great to hear${w.topic ? ` — ${w.topic} ${plural(w.topic) ? 'sound' : 'sounds'} wonderful` : ''}.`,
  (w) => `I love that${w.topic ? ` — tell me more about ${w.topic} sometime` : ''}, ${first(w.other)}.`,
  (w) => `That's so good, ${first(w.other)}. It shows how much you care about it.`,
];

/**
 * The words for an act. One draw picks the template whatever the context (wording never shifts a
 * run's random streams); a text that would repeat the line just said takes the next template.
 */
export function phrase(act: DialogueAct, w: Wording, rng: Rng): string {
  const templates =
    act === 'support' && w.after && w.after.act !== 'disclose'
      ? SUPPORT_GLAD
      : (!w.topic && TOPICLESS[act]) || TEMPLATES[act];
  const i = rng.int(templates.length);
  let text = templates[i](w);
  // endsWith: the line may carry a greeting before the same words ("Hi Aroha! I've been…").
  if (w.after?.text.endsWith(text) && templates.length > 1) text = templates[(i + 1) % templates.length](w);
  return w.greetBack && act !== 'greet' ? `Hi ${first(w.other)}! ${text}` : text;
}

/**
 * Whether an interest reads as plural ("board games", "clubs and societies", "tabletop RPGs"):
 * its last word ends in s, but not as in chess, tennis, cactus, politics or news.
 */
export function plural(topic = ''): boolean {
  const last = topic.trim().split(/\s+/).pop()!.toLowerCase();
  return /[^su]s$/.test(last) && !/(ss|is|us|ics)$/.test(last) && last !== 'news';
}
const is = (topic?: string): string => (plural(topic) ? 'are' : 'is');

function cap(s = ''): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
/** Another of the speaker's interests: the one listed after `topic` (no random draw, so wording never shifts a run). */
function alongside(p: PersonaBrief, topic?: string): string | undefined {
  const i = topic === undefined ? -1 : p.interests.indexOf(topic);
  const next = p.interests.length > 1 ? p.interests[(i + 1) % p.interests.length] : undefined;
  return next === topic ? undefined : next;
}
