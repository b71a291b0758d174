// Offline interview answers. The offline model is not an LLM and invents nothing: it answers from
// what the agent remembers (the memories retrieved for the question, best first) and its persona,
// phrased as the agent would say it — "I'm Maya, a designer." and up to three short first-person
// sentences, no scores. Where the question plainly asks about a person the memories name, the
// coach, what the agent needs, how it feels, its friends, its interests or its plans, the memories
// that answer that come first; otherwise the top memories are told in order. How it feels and
// what it needs are told from its latest reward observation (which needs were met, which one it
// missed, how it went overall), the coach's advice on that need and the people it enjoys talking
// with or who enjoy talking with it (the engine retrieves those memories for such questions:
// engine/memory/interviewQuery.ts). Deterministic: no random draw.
import type { InterviewRequest, InterviewResponse, PersonaBrief, RetrievedMemory } from '../types';
import { plural } from './phrasing';
import { firstName } from './cues';
import { wordIn } from '../../text/wholeWord';
import { withArticle } from '../../text/article';
import { ASKS_ABOUT } from '../../text/questionIntents';
import { DO, clean, clip, list, namesOf, recollect, sentence, tone, type Recollection } from './recollection';
import { maxOf, minOf } from '../../stats/extremes';
import { pushAll } from '../../text/pushAll';
import { feelings, lately, latest, mean, needs, plans, valences } from './interviewMood';

const {
  coach: COACH,
  needs: NEED,
  feelings: FEEL,
  relationships: FRIENDS,
  interests: INTERESTS,
  plans: PLANS,
} = ASKS_ABOUT;
/** First names that are also common words: these name someone only when capitalised in the question. */
const WORDY = new Set([
  'may',
  'will',
  'rose',
  'june',
  'april',
  'grace',
  'hope',
  'joy',
  'faith',
  'mark',
  'bill',
  'ray',
  'dawn',
  'sky',
  'art',
  'summer',
  'jack',
  'pat',
  'sunny',
  'max',
  'long',
  'young',
  'king',
  'white',
  'black',
  'brown',
  'green',
  'park',
  'little',
]);

export function interview(req: InterviewRequest): InterviewResponse {
  const p: Partial<PersonaBrief> = req?.persona ?? {};
  const memories = (Array.isArray(req?.memories) ? req.memories : []).filter(
    (m): m is RetrievedMemory => !!m && typeof m === 'object',
  );
  const names = namesOf(memories);
  const recs = memories.map((m) => recollect(m, names)).filter((r) => r.clause);
  const interests = (Array.isArray(p.interests) ? p.interests : []).map((i) => clip(clean(i), 40)).filter((i) => i);
  const people = (Array.isArray(req?.people) ? req.people : []).map((n) => clip(clean(n), 60)).filter((n) => n);
  const body = recs.length
    ? answer(clean(req?.question), recs, names, interests, clean(p.name), people)
    : people.length
      ? [stranger(people[0])]
      : [nothingYet(interests)];
  return { answer: clip([intro(p), ...body.slice(0, 3)].join(' '), 800) };
}

function intro(p: Partial<PersonaBrief>): string {
  const name = clip(clean(p.name), 60),
    job = clip(clean(p.occupation), 60);
  const role = job && withArticle(job);
  if (name) return sentence(`I'm ${name}${role ? `, ${role}` : ''}`);
  return role ? sentence(`I'm ${role}`) : 'Hi there.';
}

function stranger(name: string): string {
  return `I don't really know ${name} yet; I can't remember us talking.`;
}

function nothingYet(interests: string[]): string {
  return interests.length
    ? `I'm into ${list(interests.slice(0, 2))}, but not much has happened yet, so there isn't much to tell.`
    : "Not much has happened yet, so there isn't much to tell.";
}

/** The body of the answer: up to three sentences, the kind the question asks for first. */
function answer(
  q: string,
  recs: Recollection[],
  names: ReadonlyMap<string, string>,
  interests: string[],
  self: string,
  people: string[],
): string[] {
  const person = personAsked(q, recs, names, self);
  if (person) return aboutPerson(person, recs);
  // Someone here the question names, of whom nothing came to mind.
  if (people.length) return [stranger(people[0])];
  const topic = topicAsked(q, [...interests, ...recs.flatMap((r) => r.topics)]);
  const aboutCoach = COACH.test(q);
  let out: string[];
  if (aboutCoach) out = coach(recs);
  else if (NEED.test(q)) out = needs(recs) ?? feelings(recs);
  else if (FEEL.test(q)) out = feelings(recs);
  else if (FRIENDS.test(q)) out = friends(recs, topic);
  else if (topic || INTERESTS.test(q)) out = hobbies(recs, interests, topic);
  else if (PLANS.test(q)) out = plans(recs);
  else return general(recs);
  out = unique(out);
  // Top up a thin answer with what else comes to mind first (not the coach's advice again, nor the need it names).
  const more = aboutCoach ? recs : recs.filter((r) => r.kind !== 'advice' && r.overall === undefined);
  for (const s of general(more)) if (out.length < 2 && !out.includes(s)) out.push(s);
  return out;
}

// ---- what the question asks about ---------------------------------------------------------------

/** The person the question names (full name, first or last name, or agent id), among those the memories name. */
function personAsked(
  q: string,
  recs: Recollection[],
  names: ReadonlyMap<string, string>,
  self: string,
): string | undefined {
  if (!q) return undefined;
  const mine = new Set(self.toLowerCase().split(/\s+/));
  let best: string | undefined,
    len = 0;
  const consider = (person: string, by: string, caseSensitive = false): void => {
    if (by.length > len && wordIn(q, by, caseSensitive)) {
      best = person;
      len = by.length;
    }
  };
  for (const [id, n] of names) if (id.length > 1) consider(n, id);
  for (const n of new Set(recs.flatMap((r) => r.people))) {
    if (!n || n.toLowerCase() === self.toLowerCase()) continue;
    consider(n, n);
    for (const t of n.split(/\s+/)) {
      if (t.length < 2 || !/\p{L}/u.test(t) || mine.has(t.toLowerCase())) continue;
      consider(n, t, WORDY.has(t.toLowerCase()));
    }
  }
  return best;
}

/** A topic (interest or something talked about) the question mentions: whole, or its last word by stem. */
function topicAsked(q: string, topics: string[]): string | undefined {
  const words = q
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length >= 4);
  return topics.find((t) => {
    if (wordIn(q, t)) return true;
    const head = t.toLowerCase().split(/\s+/).pop() ?? '';
    if (head.length < 4) return false;
    const stem = head.slice(0, 5);
    return words.some((w) => w.startsWith(stem) || (head.startsWith(w) && w.length >= 5));
  });
}

// ---- answers ------------------------------------------------------------------------------------

const unique = (xs: string[]): string[] => [...new Set(xs.filter((x) => x))];
const cap = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/** The top memories in order, one per person and kind, the reward observation and advice once each. */
function general(recs: Recollection[]): string[] {
  const seen = new Set<string>(),
    out: string[] = [];
  for (const r of recs) {
    const key =
      r.overall !== undefined
        ? 'reward'
        : r.kind === 'advice'
          ? 'advice'
          : r.person
            ? `${r.kind}:${r.person}`
            : r.kind === 'reflection' && r.action
              ? 'habit'
              : r.clause;
    if (seen.has(key) || out.includes(r.clause)) continue;
    seen.add(key);
    out.push(r.clause);
    if (out.length === 3) break;
  }
  return out;
}

function topicsWith(person: string, recs: Recollection[]): string[] {
  return [...new Set(recs.filter((r) => r.person === person).flatMap((r) => r.topics))].slice(0, 3);
}

function aboutPerson(person: string, recs: Recollection[]): string[] {
  // Memories about them, or naming them by first name ("Kwame looked exhausted…").
  const first = firstName(person);
  const mine = recs.filter(
    (r) => r.person === person || r.people.includes(person) || (first.length > 1 && wordIn(r.clause, first, true)),
  );
  const vs = valences(mine).get(person) ?? [];
  const evaluations = mine.filter((r) => r.kind === 'evaluation' && r.person === person);
  const out: string[] = [];
  if (vs.length) {
    // One conversation is told with its reasons; several are summed up.
    const ups = vs.length > 1 && maxOf(vs) - minOf(vs) > 0.6;
    out.push(
      ups
        ? `Things with ${person} have had their ups and downs.`
        : evaluations.length === 1
          ? evaluations[0].clause
          : `My conversations with ${person} ${tone(mean(vs))[1]}.`,
    );
    const topics = topicsWith(person, mine);
    if (topics.some((t) => !out[0].toLowerCase().includes(t.toLowerCase()))) {
      out.push(`We talked about ${list(topics)}.`);
    }
  }
  // Then what else I remember about them, best first: what happened and what I resolved before what I was told.
  for (const r of [...mine.filter((r) => r.kind !== 'advice'), ...mine.filter((r) => r.kind === 'advice')]) {
    if (out.length >= 3) break;
    if (vs.length && r.kind === 'evaluation') continue;
    if (vs.length && r.kind === 'conversation' && r.person === person) {
      if (r.notes.length) out.push(sentence(list(r.notes.slice(0, 2))));
    } else if (r.kind === 'advice' && r.person === person) out.push(`My coach suggested I talk with ${person} again.`);
    else out.push(r.clause);
    const kept = unique(out);
    out.length = 0;
    pushAll(out, kept);
  }
  return out.length ? out : [`I remember ${person}, but not much more than the name.`];
}

function coach(recs: Recollection[]): string[] {
  const advice = recs.filter((r) => r.kind === 'advice');
  const habits = recs.filter((r) => r.kind === 'reflection' && /\bcoach\b/i.test(r.clause));
  if (!advice.length && !habits.length) return ["I can't remember any advice from a coach."];
  const out = advice.slice(0, 1).map((r) => r.clause);
  const other = advice.find((r) => r.action && r.action !== advice[0]?.action);
  if (other?.action) out.push(`Before that, it was to ${DO[other.action]}.`);
  if (habits[0]) out.push(habits[0].clause);
  return out;
}

function friends(recs: Recollection[], topic?: string): string[] {
  const vs = [...lately(recs)].map(([who, v]) => ({ who, v, on: !!topic && topicsWith(who, recs).includes(topic) }));
  const liked = vs
    .filter((x) => x.v >= 0.15)
    .sort((a, b) => Number(b.on) - Number(a.on) || b.v - a.v || (a.who < b.who ? -1 : 1));
  const talked = [...new Set(recs.flatMap((r) => (r.kind === 'conversation' ? r.people : [])))];
  // Who, the coach says, enjoys talking with me.
  const fan = latest(recs, (r) => !!r.likedBy)?.likedBy;
  if (!liked.length) {
    if (fan) {
      return [
        `I haven't really clicked with anyone yet, though ${fan} seems to enjoy talking with me, so I'll look ${fan.split(/\s+/)[0]} up again.`,
      ];
    }
    return [
      talked.length
        ? `I haven't really clicked with anyone yet, though I've talked with ${list(talked.slice(0, 3))}.`
        : "I haven't really got to know anyone here yet.",
    ];
  }
  const out = [`I get on best with ${list(liked.slice(0, 3).map((x) => x.who))}.`];
  if (fan && !liked.slice(0, 3).some((x) => x.who === fan)) out.push(`${fan} seems to enjoy talking with me too.`);
  const top = liked[0],
    topics = topicsWith(top.who, recs);
  if (top.on) out.push(`For ${topic}, I'd ask ${top.who}; we've talked about it before.`);
  else if (topics.length) out.push(`With ${top.who} I mostly talk about ${list(topics)}.`);
  const cold = vs.filter((x) => x.v < -0.15).sort((a, b) => a.v - b.v)[0];
  if (cold) out.push(`My conversations with ${cold.who} ${tone(cold.v)[1]}, though.`);
  return out;
}

function hobbies(recs: Recollection[], interests: string[], topic?: string): string[] {
  const out: string[] = [];
  if (topic) {
    const mentions = recs.filter(
      (r) => r.topics.includes(topic) || r.clause.toLowerCase().includes(topic.toLowerCase()),
    );
    const mine = interests.some((i) => i.toLowerCase() === topic.toLowerCase());
    out.push(
      mine
        ? `${cap(topic)} ${plural(topic) ? 'are' : 'is'} one of my big interests.`
        : mentions.length
          ? `I've picked up a bit about ${topic} from others.`
          : `I don't know much about ${topic} myself.`,
    );
    return out.concat(general(mentions).slice(0, 2));
  }
  if (interests.length) out.push(`I'm really into ${list(interests.slice(0, 3))}.`);
  const learned = [...new Set(recs.flatMap((r) => r.topics))].filter(
    (t) => !interests.some((i) => i.toLowerCase() === t.toLowerCase()),
  );
  if (learned.length) out.push(`Lately I've also been learning about ${list(learned.slice(0, 2))} from people here.`);
  const wish = recs.find((r) => r.kind === 'seed' || r.kind === 'reflection');
  if (wish) out.push(wish.clause);
  return out;
}
