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
import { DRIVERS } from '../../format';
import type { InterviewRequest, InterviewResponse, PersonaBrief, RetrievedMemory } from '../types';
import { plural } from './phrasing';
import { firstName } from './cues';
import { wordIn } from '../../text/wholeWord';
import { withArticle } from '../../text/article';
import { ASKS_ABOUT } from '../../text/questionIntents';
import {
  DO,
  LACK,
  MET,
  MET_FROM,
  NEED_WORDS,
  clean,
  clip,
  list,
  mood,
  namesOf,
  recollect,
  sentence,
  tone,
  feeling,
  type Recollection,
} from './recollection';
import { maxOf, minOf } from '../../stats/extremes';
import { pushAll } from '../../text/pushAll';

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
const mean = (xs: number[]): number => xs.reduce((s, x) => s + x, 0) / xs.length;
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

/** How each person felt to me: mean valence of my evaluations and reflections about them. */
function valences(recs: Recollection[]): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (const r of recs) {
    if (r.person && r.valence !== undefined && (r.kind === 'evaluation' || r.kind === 'reflection')) {
      out.set(r.person, [...(out.get(r.person) ?? []), r.valence]);
    }
  }
  return out;
}

/** How each person feels to me now: the mean valence of my latest round of memories about them (a reflection sums up the rounds before it). */
function lately(recs: Recollection[]): Map<string, number> {
  const last = new Map<string, Recollection[]>();
  for (const r of recs) {
    if (r.person && r.valence !== undefined && (r.kind === 'evaluation' || r.kind === 'reflection')) {
      const had = last.get(r.person);
      if (!had || r.round > had[0].round) last.set(r.person, [r]);
      else if (r.round === had[0].round) had.push(r);
    }
  }
  return new Map([...last].map(([who, rs]) => [who, mean(rs.map((r) => r.valence!))]));
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

/** The latest memory passing `test` (of one round, the best retrieved). */
function latest(recs: Recollection[], test: (r: Recollection) => boolean): Recollection | undefined {
  let out: Recollection | undefined;
  for (const r of recs) if (test(r) && (!out || r.round > out.round)) out = r;
  return out;
}

/**
 * The latest reward observation (or an observation naming a need), and what I was told or resolved
 * about the need it names: the latest advice on that need (else the latest advice), and a lesson
 * I drew about it.
 */
function state(recs: Recollection[]): { fared?: Recollection; advice?: Recollection; lesson?: Recollection } {
  const fared = latest(recs, (r) => r.overall !== undefined || (r.kind === 'observation' && !!r.need));
  const told = (r: Recollection): boolean => r.kind === 'advice' && (!!r.action || !!r.need);
  const advice = (fared?.need && latest(recs, (r) => told(r) && r.need === fared.need)) || latest(recs, told);
  const need = fared?.need ?? advice?.need;
  const lesson = recs.find((r) => r.kind === 'reflection' && r.need && (!need || r.need === need));
  return { fared, advice, lesson };
}

/** How the latest rewards felt: the mood, the needs that were met, the one I missed. */
function fared(r: Recollection): string {
  if (r.overall === undefined) return feeling(undefined, r.need);
  const raw = r.raw ?? {},
    d = r.need;
  const met = DRIVERS.filter((x) => x !== d && (raw[x] ?? 0) >= MET_FROM)
    .sort((a, b) => raw[b]! - raw[a]!)
    .slice(0, 2)
    .map((x) => MET[x]);
  const lack = !d
    ? ''
    : (raw[d] ?? 0) < MET_FROM
      ? `${LACK[d]}, and that's what I miss most`
      : `I could still do with more ${NEED_WORDS[d]}`;
  const body = met.length && lack ? `${list(met)}, but ${lack}` : met.length ? list(met) : lack;
  const frank = r.overall < 0.4 ? 'honestly, ' : r.overall < 0.6 ? 'on the whole, ' : '';
  return sentence(`${frank}things have been ${mood(r.overall)} lately${body ? `: ${body}` : ''}`);
}

/** Who I enjoy talking with and who, the coach says, enjoys talking with me. */
function company(recs: Recollection[], low: boolean): string | undefined {
  const best = [...lately(recs)].sort((a, b) => b[1] - a[1])[0];
  const warm = best && best[1] >= 0.15 ? best[0] : undefined;
  const fan = latest(recs, (r) => !!r.likedBy)?.likedBy;
  if (fan) {
    const again = `so I'll look ${fan.split(/\s+/)[0]} up again`;
    if (!warm) return `${fan} seems to enjoy talking with me, ${again}.`;
    if (warm === fan) return `${fan} and I enjoy talking with each other, ${again}.`;
    return `I especially enjoy talking with ${warm}, and ${fan} seems to enjoy talking with me, ${again}.`;
  }
  if (warm) return low ? `Talking with ${warm} helps, though.` : `I especially enjoy talking with ${warm}.`;
  return undefined;
}

function feelings(recs: Recollection[]): string[] {
  const out: string[] = [];
  const { fared: obs, advice, lesson } = state(recs);
  const vs = [...valences(recs)].map(([, v]) => mean(v));
  if (obs) out.push(fared(obs));
  else if (advice?.need) out.push(feeling(undefined, advice.need));
  else if (vs.length) {
    const m = mean(vs);
    out.push(
      `I'm doing ${m >= 0.15 ? 'well' : m >= -0.15 ? 'okay' : 'not so great'}; my conversations lately ${tone(m)[1]}.`,
    );
  } else out.push("I'm not sure yet; it's early days.");
  // The coach's advice on the need I miss; else a lesson I drew about it; else advice on another need.
  const onNeed = !obs?.need || !advice?.need || advice.need === obs.need;
  if (advice?.action && onNeed) out.push(`My coach told me to ${DO[advice.action]}, so that's what I'm working on.`);
  else if (lesson) out.push(lesson.clause);
  else if (advice?.action) out.push(`My coach has also told me to ${DO[advice.action]}.`);
  const people = company(recs, obs?.overall !== undefined && obs.overall < 0.4);
  if (people) out.push(people);
  return out;
}

/** What I need: the need I missed lately, what the coach told me to do about it, and who to turn to. */
function needs(recs: Recollection[]): string[] | undefined {
  const { fared: obs, advice, lesson } = state(recs);
  const d = obs?.need ?? advice?.need ?? lesson?.need;
  if (!d) return undefined;
  const missed = (obs?.raw?.[d] ?? 0) < MET_FROM && !LACK[d].includes(NEED_WORDS[d]);
  const out = [`What I need most is more ${NEED_WORDS[d]}${missed ? `: lately ${LACK[d]}` : ''}.`];
  if (advice?.action && (!advice.need || advice.need === d)) {
    out.push(`My coach told me to ${DO[advice.action]}, and I think that would help.`);
  } else if (lesson) out.push(lesson.clause);
  const people = company(recs, false);
  if (people) out.push(people);
  return out;
}

/** What I mean to do next: the latest advice, a habit I resolved on, and whom to see again. */
function plans(recs: Recollection[]): string[] {
  const advice = latest(recs, (r) => r.kind === 'advice' && !!r.action);
  const out: string[] = [];
  if (advice?.action) out.push(`Next, I'm going to ${DO[advice.action]}: that's what my coach told me.`);
  const habit = recs.find((r) => r.kind === 'reflection' && r.action && r.action !== advice?.action);
  if (habit) out.push(habit.clause);
  const people = company(recs, false);
  if (people) out.push(people);
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
