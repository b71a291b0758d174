// Message text for each dialogue act, composed from persona data so a trace reads sensibly.
// Purely presentational: decisions are made in speak.ts; this only words them.
import type { DialogueAct } from '../../trace/events';
import type { Rng } from '../../engine/rng';
import type { PersonaBrief } from '../types';

export interface Wording {
  self: PersonaBrief;
  other?: PersonaBrief;
  topic?: string;
  /** Greeting prefix when answering an opening line. */
  greetBack?: boolean;
  metBefore?: boolean;
  room?: string;
}

const first = (p?: PersonaBrief): string => (p ? p.name.split(' ')[0] : 'everyone');

const TEMPLATES: Record<DialogueAct, ((w: Wording) => string)[]> = {
  greet: [
    (w) => w.metBefore ? `Good to see you again, ${first(w.other)}!${w.topic ? ` Been doing any ${w.topic} lately?` : ''}` : `Hi ${first(w.other)}! I'm ${first(w.self)}${w.self.occupation ? `, ${article(w.self.occupation)} ${w.self.occupation}` : ''}${w.topic ? ` — big on ${w.topic}` : ''}.`,
    (w) => w.metBefore ? `Hey ${first(w.other)}, how have you been?${w.topic ? ` Still into ${w.topic}?` : ''}` : `Hello ${first(w.other)}, nice to meet you. ${first(w.self)} here${w.self.location ? `, from ${w.self.location}` : ''}${w.topic ? `; I spend my free time on ${w.topic}` : ''}.`,
  ],
  share: [
    (w) => `I've been really into ${w.topic} lately.`,
    (w) => `Something I care about is ${w.topic}${w.self.occupation ? ` — it comes up a lot in my work as ${article(w.self.occupation)} ${w.self.occupation}` : ''}.`,
    (w) => `Have you followed anything about ${w.topic}? It's been on my mind all week.`,
  ],
  ask: [
    (w) => `What got you into ${w.topic}, ${first(w.other)}?`,
    (w) => `How do you approach ${w.topic}? I'd love to hear more.`,
    (w) => `I don't know much about ${w.topic} — what should I know?`,
  ],
  answer: [
    (w) => `Good question! ${cap(w.topic)} is a big part of my life${w.self.bio ? `; ${lowerFirst(trimDot(w.self.bio))}` : ''}.`,
    (w) => `For me ${w.topic} started by accident, and now I can't stop.`,
    (w) => `Honestly, ${w.topic} is where I feel most myself.`,
  ],
  disclose: [
    (w) => `Can I be honest? I've been feeling a bit lost${w.topic ? ` even with ${w.topic}` : ''} lately.`,
    (w) => `It's been a hard week for me, to be honest.`,
  ],
  support: [
    (w) => `That sounds like a lot — I'm glad you told me, ${first(w.other)}.`,
    (w) => `I hear you. If it helps, I've been through something similar${w.topic ? ` with ${w.topic}` : ''}.`,
    (w) => `That's great to hear${w.topic ? ` — ${w.topic} sounds wonderful` : ''}.`,
  ],
  propose: [
    (w) => `We should do something about ${w.topic} together — maybe this weekend?`,
    (w) => `Want to team up on ${w.topic} sometime? I could set something up.`,
  ],
  accept: [
    (w) => `Yes, let's do it! Count me in.`,
    (w) => `I'd love that${w.topic ? ` — ${w.topic} it is` : ''}.`,
  ],
  decline: [
    (w) => `Maybe another time — I'm stretched thin right now.`,
    (w) => `Thanks, but I'll pass for now.`,
  ],
  farewell: [
    (w) => `Good talking to you, ${first(w.other)}. See you around!`,
    (w) => `I have to run — talk soon!`,
  ],
};

export function phrase(act: DialogueAct, w: Wording, rng: Rng): string {
  const text = rng.pick(TEMPLATES[act])(w);
  return w.greetBack && act !== 'greet' ? `Hi ${first(w.other)}! ${text}` : text;
}

function article(word: string): string { return /^[aeiou]/i.test(word) ? 'an' : 'a'; }
function cap(s = ''): string { return s.charAt(0).toUpperCase() + s.slice(1); }
function lowerFirst(s: string): string { return s.charAt(0).toLowerCase() + s.slice(1); }
function trimDot(s: string): string { return s.trim().replace(/[.!]+$/, ''); }
