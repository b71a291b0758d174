// How the offline model recalls a retrieved memory when asked about it: the engine writes memories
// as terse records ("I rated my conversation with Ben 0.72: …", "How I fared lately: social 0.46,
// …"); an interview answer needs the same fact as a first-person clause, without the scores, plus
// what it is about (who, how it felt, which topics, which need went unmet). Memories written by an
// LLM, imported or hand-made may have any text: what is not recognised is kept, cleaned and clipped.
import { DRIVERS, type Driver } from '../../format';
import type { AdviceAction, MemoryCues } from '../../trace/events';
import type { RetrievedMemory } from '../types';
import { pushAll } from '../../text/pushAll';

/** "social 0.46" in a how-I-fared note: any driver of the table, then its figure. */
const DRIVER_FIGURE = new RegExp(`\\b(${DRIVERS.join('|')}) (-?\\d+(?:[.,]\\d+)?)`, 'g');

export interface Recollection {
  /** The memory as a first-person sentence without scores; '' when nothing usable is left. */
  clause: string;
  kind: RetrievedMemory['kind'];
  round: number;
  /** The person the memory is mainly about (display name), if any. */
  person?: string;
  /** Everyone the memory names (display names), the main person first. */
  people: string[];
  /** How it felt towards `person`, -1..1 (evaluations and reflections). */
  valence?: number;
  topics: string[];
  /** What happened in a conversation, first person ("they were supportive"). */
  notes: string[];
  /** A reward observation: the need that went unmet and the overall reward, 0..1. */
  need?: Driver;
  overall?: number;
  /** A reward observation: how well each need was met, 0..1 (the drivers it gives). */
  raw?: Partial<Record<Driver, number>>;
  /** Advice: what the coach said to do. */
  action?: AdviceAction;
  /** Advice: who, the coach said, enjoyed talking with me ("<name> enjoyed talking with you"). */
  likedBy?: string;
}

/** A need in words. */
export const NEED_WORDS: Record<Driver, string> = {
  social: 'time with other people',
  information: 'new things to learn',
  presentation: 'chances to show who I am',
  coordination: 'plans with other people',
  support: 'support from others',
};
/** A need counts as met lately from this raw reward on (0..1; e.g. one plan agreed gives 0.5, one support 0.4). */
export const MET_FROM = 0.4;
/** A need that was met lately, as I'd say it. */
export const MET: Record<Driver, string> = {
  social: "I've had good company",
  information: "I've learned a few things from people",
  presentation: 'people pick up on what I share',
  coordination: "we've made some plans together",
  support: 'people have been there for me',
};
/** A need that went unmet lately, as I'd say it. */
export const LACK: Record<Driver, string> = {
  social: "I haven't had enough time with other people",
  information: "I'm not learning much that's new",
  presentation: 'nobody picks up on what I share',
  coordination: 'nothing I suggest turns into actual plans',
  support: "I haven't had enough support from others",
};
export const DO: Record<AdviceAction, string> = {
  reciprocate: 'go back to the people who enjoyed talking with me',
  ask: 'ask people about their interests and really listen',
  share: 'share more of what I care about',
  plan: 'propose doing something concrete together',
  support: 'respond warmly when others open up',
  explore: 'reach out to someone new who shares my interests',
};

// ---- text helpers -------------------------------------------------------------------------------

/** Any value as one line of text: control characters and runs of whitespace become one space. */
export function clean(s: unknown): string {
  return typeof s === 'string' ? s.replace(/[\p{Cc}\p{Zl}\p{Zp}\s]+/gu, ' ').trim() : '';
}

/** The start of a memory's text, cleaned: enough to read it, bounded so no pattern scans a huge text. */
const opening = (s: unknown): string =>
  clean(typeof s === 'string' && s.length > 4000 ? s.slice(0, 4000).replace(/[\uD800-\uDBFF]$/, '') : s);

/** At most `max` characters (code points), cut at a word boundary where there is one, with an ellipsis. */
export function clip(s: string, max: number): string {
  const cps = Array.from(s);
  if (cps.length <= max) return s;
  const head = cps.slice(0, max - 1).join('');
  const space = head.lastIndexOf(' ');
  return `${(space > max * 0.6 ? head.slice(0, space) : head).replace(/[\s,;:.—-]+$/u, '')}…`;
}

/** Capitalised, ending in a full stop (unless it already ends a sentence). */
export function sentence(s: string): string {
  const t = s.trim();
  if (!t) return '';
  const c = t.charAt(0).toUpperCase() + t.slice(1);
  return /[.!?…。！？]["'”’)]?$/u.test(c) ? c : `${c.replace(/[,;:]+$/, '')}.`;
}

/** "a", "a and b", "a, b and c". */
export function list(xs: readonly string[]): string {
  return xs.length <= 1 ? (xs[0] ?? '') : `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1]}`;
}

const lowerFirst = (s: string): string =>
  /^\p{Lu}\p{Ll}/u.test(s) && !/^I\b/.test(s) ? s.charAt(0).toLowerCase() + s.slice(1) : s;
const SCORE = /(?<![\p{L}\p{N}])-?\d+[.,]\d+(?![\p{L}\p{N}])/u;

/** A value that leaked into a text unformatted. */
const LEAK = /\b(NaN|undefined)\b/;

/** Free text without scores: parenthesised numbers go, and so do sentences still quoting one (or a leaked value). */
function scrub(text: string, max = 170): string {
  const t = clean(text).replace(/\s*\([^()]*\d[.,]\d[^()]*\)/g, '');
  const kept = t
    .split(/(?<=[.!?;])\s+/)
    .filter((s) => !SCORE.test(s) && !LEAK.test(s))
    .join(' ');
  return clip(kept, max);
}

const topicsIn = (s?: string): string[] =>
  clean(s)
    .split(/\s*,\s*|\s+and\s+/)
    .map((x) => clip(x, 40))
    .filter((x) => x);
const valenceOf = (m: RetrievedMemory): number | undefined => {
  const v = m.cues?.valence;
  return typeof v === 'number' && Number.isFinite(v) ? Math.max(-1, Math.min(1, v)) : undefined;
};
const driverOf = (d: unknown): Driver | undefined =>
  (DRIVERS as readonly unknown[]).includes(d) ? (d as Driver) : undefined;
const name = (s: string): string => (LEAK.test(s) ? '' : clip(clean(s), 60));
/** The coach's "<name> enjoyed talking with you (0.67)" (advise.ts). */
const BUDDY = /(?:^|[.;!?]\s+)([^.;!?()]{1,80}?) enjoyed talking with you \(\d/;

/** How a conversation went, in words: [one conversation, several]. */
export function tone(v: number): [string, string] {
  if (v >= 0.45) return ['went really well', 'have gone really well'];
  if (v >= 0.15) return ['went well', 'have gone well'];
  if (v >= -0.15) return ['was fine', 'have been fine'];
  if (v >= -0.45) return ["didn't really click", "haven't really clicked"];
  return ['went badly', 'have gone badly'];
}

// ---- reading one memory -------------------------------------------------------------------------

/** One memory being read: its opening text, its cues, its partner, and the recollection filled in. */
interface Reading {
  m: RetrievedMemory;
  text: string;
  cues: MemoryCues;
  /** The cue's partner id, cleaned ('' when none). */
  id: string;
  /** The partner's display name where a memory gave it. */
  partnerName?: string;
  r: Recollection;
}

/** Makes `who` the person the memory is mainly about (first among its people). */
function about(r: Recollection, who: string | undefined): void {
  if (!who) return;
  r.person = who;
  if (!r.people.includes(who)) r.people.unshift(who);
}

function addTopics(r: Recollection, ts: string[]): void {
  for (const t of ts) if (!r.topics.includes(t)) r.topics.push(t);
}

const isAdviceAction = (a: unknown): a is AdviceAction =>
  (Object.keys(DO) as AdviceAction[]).includes(a as AdviceAction);

/** "In room R, talked with A, B about x. They were supportive." */
function recallConversation({ r, partnerName }: Reading, x: RegExpExecArray): void {
  const who = x[2]
    .split(/\s*,\s*/)
    .map(name)
    .filter((n) => n);
  pushAll(r.people, who);
  if (who.length === 1) about(r, partnerName ?? who[0]);
  addTopics(r, topicsIn(x[3]));
  r.notes = (x[4] ?? '')
    .split(/(?<=\.)\s+/)
    .map((n) => lowerFirst(scrub(n, 80)).replace(/\.$/, ''))
    .filter((n) => n);
  const withWhom = who.length ? list(who.slice(0, 4)) + (who.length > 4 ? ' and others' : '') : 'people';
  const topics = r.topics.length ? ` about ${list(r.topics.slice(0, 3))}` : '';
  const room = x[1] ? `in room ${name(x[1])}, ` : '';
  r.clause = sentence(
    `${room}I talked with ${withWhom}${topics}${r.notes.length ? `, and ${list(r.notes.slice(0, 2))}` : ''}`,
  );
}

/** "I rated my conversation with Ben 0.72: reasons; I learned about x". */
function recallEvaluation({ m, r, partnerName }: Reading, x: RegExpExecArray): void {
  const who = partnerName ?? name(x[1]);
  about(r, who);
  const rating = Number(x[2].replace(',', '.'));
  r.valence = valenceOf(m) ?? (Number.isFinite(rating) ? Math.max(-1, Math.min(1, 2 * rating - 1)) : undefined);
  const reasons = scrub(x[3] ?? '', 120)
    .replace(/\.$/, '')
    .split(/\s*;\s*/)
    .filter((s) => s);
  for (const s of reasons) {
    const l = /I learned about (.+)/.exec(s);
    if (l) addTopics(r, topicsIn(l[1]));
  }
  const how = r.valence === undefined ? 'is one I still think about' : tone(r.valence)[0];
  r.clause = sentence(
    `my conversation with ${who || 'them'} ${how}${reasons.length ? `: ${list(reasons.slice(0, 2))}` : ''}`,
  );
}

/** The coach's advice: the action in words when the cues give one, else what it said. */
function recallAdvice({ text, cues, id, partnerName, r }: Reading): void {
  r.action = isAdviceAction(cues.action) ? cues.action : undefined;
  const need = driverOf(cues.driver);
  const buddy = BUDDY.exec(text)?.[1];
  about(r, partnerName ?? (buddy ? name(buddy) : undefined));
  if (buddy && r.person) r.likedBy = r.person;
  if (!r.person && id) r.people.push(id);
  if (need) r.need = need;
  if (r.action) {
    const why = need ? `I'm short on ${NEED_WORDS[need]}, so I should` : 'I should';
    r.clause = sentence(
      `my coach told me ${why} ${DO[r.action]}${r.person ? `, and talk with ${r.person} again` : ''}`,
    );
  } else {
    const said = scrub(text.replace(/^Coach:\s*/i, ''));
    r.clause = said ? `My coach told me: “${sentence(said.replace(/^["“]|["”]$/g, ''))}”` : '';
  }
}

/** "How I fared lately: social 0.46, …, overall 0.5; too little socializing". */
function recallFared({ text, cues, r }: Reading, x: RegExpExecArray): void {
  const overall = Number(x[1].replace(',', '.'));
  if (Number.isFinite(overall)) r.overall = Math.max(0, Math.min(1, overall));
  const said = /too little (\w+)/.exec(text)?.[1];
  const need = driverOf(cues.driver) ?? (said === 'socializing' ? 'social' : driverOf(said));
  if (need) r.need = need;
  const raw: Partial<Record<Driver, number>> = {};
  for (const [, d, v] of text.slice(0, x.index + x[0].length).matchAll(DRIVER_FIGURE)) {
    const n = Number(v.replace(',', '.'));
    if (Number.isFinite(n)) raw[d as Driver] ??= Math.max(0, Math.min(1, n));
  }
  if (Object.keys(raw).length) r.raw = raw;
  r.clause = feeling(r.overall, r.need);
}

/** "A introduced me to B, who is into x." */
function recallIntroduction({ text, partnerName, r }: Reading, x: RegExpExecArray): void {
  about(r, partnerName ?? name(x[2]));
  r.people.push(name(x[1]));
  addTopics(r, topicsIn(x[3]));
  r.clause = sentence(scrub(text));
}

/** Reflections and seed memories are first person already; "Name: note" is a relationship note. */
function recallOwnWords({ m, text, cues, id, partnerName, r }: Reading): void {
  const kind = r.kind;
  const need = driverOf(cues.driver);
  const rel = kind === 'seed' ? /^([^:]{1,60}):\s+(.+)$/s.exec(text) : null;
  // A note about someone only when a name is left of what precedes the colon ("I rated … NaN: !" is not one).
  const who = rel && /^\p{Lu}/u.test(rel[1]) ? name(rel[1]) : '';
  if (rel && who) {
    about(r, who);
    const note = scrub(rel[2], 140);
    r.clause = note ? sentence(`as for ${r.person}: ${note}`) : '';
  } else {
    const enjoy = /I enjoy talking with (.+?)(?: about ([^;.]+))?[;.]/.exec(text);
    if (enjoy) {
      about(r, partnerName ?? name(enjoy[1]));
      addTopics(r, topicsIn(enjoy[2]));
    } else about(r, partnerName ?? (id || undefined));
    const missing = need
      ? text.replace(new RegExp(`missing out on ${need}\\b`), `missing out on ${NEED_WORDS[need]}`)
      : text;
    r.clause = sentence(scrub(missing));
  }
  const v = valenceOf(m);
  if (v !== undefined && r.person && kind === 'reflection') r.valence = v;
  if (need && kind === 'reflection') r.need = need;
  if (kind === 'reflection' && isAdviceAction(cues.action)) {
    r.action = cues.action;
  }
}

/** What one retrieved memory says, as the agent would put it. `names` maps partner ids to names. */
export function recollect(m: RetrievedMemory, names: ReadonlyMap<string, string>): Recollection {
  const text = opening(m?.text);
  const kind = m?.kind;
  const cues = m?.cues ?? {};
  // The partner's name where a memory gave it; the bare id only where this memory names no one else.
  const id = typeof cues.partner === 'string' ? name(cues.partner) : '';
  const partnerName = id ? names.get(cues.partner as string) : undefined;
  const cueTopic = clean(cues.topic);
  const r: Recollection = {
    clause: '',
    kind,
    round: Number.isFinite(m?.round) ? m.round : 0,
    people: [],
    topics: cueTopic ? [clip(cueTopic, 40)] : [],
    notes: [],
  };
  const reading: Reading = { m, text, cues, id, partnerName, r };
  let x: RegExpExecArray | null;
  // The first pattern that fits the kind decides, in this order.
  if (
    kind === 'conversation' &&
    (x = /^(?:In room (.+?), t|T)alked with (.+?)(?: about (.+?))?\.(?:\s+(.*))?$/s.exec(text))
  ) {
    recallConversation(reading, x);
  } else if (
    kind === 'evaluation' &&
    (x = /^I rated my conversation with (.+?) (-?\d+(?:[.,]\d+)?)(?::\s*(.*))?$/s.exec(text))
  ) {
    recallEvaluation(reading, x);
  } else if (kind === 'advice') {
    recallAdvice(reading);
  } else if (kind === 'observation' && (x = /^How I fared lately:.*?overall (-?\d+(?:[.,]\d+)?)/s.exec(text))) {
    recallFared(reading, x);
  } else if (kind === 'observation' && (x = /^News for everyone:\s*(.*)$/s.exec(text))) {
    const news = scrub(x[1], 140);
    r.clause = news ? `I heard the news: ${sentence(news)}` : '';
  } else if (kind === 'observation' && (x = /^(.+?) introduced me to (.+?)(?:, who is into (.+?))?\.?$/s.exec(text))) {
    recallIntroduction(reading, x);
  } else {
    recallOwnWords(reading);
  }
  return r;
}

/** How things have been, from the overall reward, 0..1. */
export function mood(overall: number): string {
  return overall >= 0.6
    ? 'going really well'
    : overall >= 0.4
      ? 'going fine'
      : overall >= 0.2
        ? 'a bit flat'
        : 'pretty rough';
}

/** How I have been, from the latest reward observation. */
export function feeling(overall: number | undefined, need: Driver | undefined): string {
  const how = overall === undefined ? undefined : mood(overall);
  const lack = need ? `I haven't had enough ${NEED_WORDS[need]}` : '';
  if (how && lack) return sentence(`things have been ${how} lately, ${overall! >= 0.4 ? 'but' : 'and'} ${lack}`);
  return sentence(how ? `things have been ${how} lately` : lack ? `${lack} lately` : '');
}

/**
 * Partner ids to display names, from memories that carry both: the fullest name they give ("Diego
 * Álvarez" over the "Diego" a reflection wrote, which read only the unaccented capitals).
 */
export function namesOf(memories: readonly RetrievedMemory[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of memories) {
    const id = m?.cues?.partner,
      text = opening(m?.text);
    if (typeof id !== 'string' || !id) continue;
    const known = out.get(id);
    if (known && known.includes(' ')) continue;
    const x =
      /^(?:Talked with (.+?)(?: about .+?)?\.(?:\s|$)|I rated my conversation with (.+?) -?\d|I enjoy talking with (.+?)(?: about |[;.]))/s.exec(
        text,
      ) ??
      (m.kind === 'observation' ? /introduced me to (.+?)(?:, who is into |\.?$)/s.exec(text) : null) ??
      (m.kind === 'advice' ? BUDDY.exec(text) : null);
    const n = x ? name(x[1] ?? x[2] ?? x[3] ?? '') : '';
    if (n && !n.includes(',') && (!known || (n.length > known.length && n.startsWith(`${known} `)))) out.set(id, n);
  }
  return out;
}
