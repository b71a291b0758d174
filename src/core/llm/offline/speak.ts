// Offline speaking: pick a dialogue act from obligations (answer a question, respond to a plan or a
// disclosure) or from trait- and advice-weighted propensities, pick a topic, then word it.
import type { DialogueAct } from '../../trace/events';
import type { Rng } from '../../engine/rng';
import type { PersonaBrief, RetrievedMemory, SpeakRequest, SpeakResponse, TranscriptLine } from '../types';
import { clamp01, emphasis, type Emphasis } from './cues';
import { introduction, introductionText } from './introduce';
import { phrase, type Wording } from './phrasing';

// Scratch arrays for one draw: what is on offer (acts, topics) and its weights, plus the speaker's
// shared interests. A draw reads them at once and nothing keeps them, so they are refilled rather
// than built per message (those small arrays were a measurable share of the model's garbage).
const ACTS: DialogueAct[] = [];
const TOPICS: string[] = [];
const WEIGHTS: number[] = [];
const SHARED: string[] = [];

/**
 * Free-choice act weights (no pending obligation), with traits O, C, X, A, N, motivations m and
 * advice emphasis E, into ACTS and WEIGHTS in this order:
 *   share    0.3 + 0.5·X + 0.8·E.share
 *   ask      0.15 + 0.45·O + 1.2·E.ask
 *   disclose 0.35·N + 0.25·m.support                      (once per conversation)
 *   propose  0.05 + 0.25·C + 0.4·m.coordination + E.plan  (once, needs a shared interest)
 *   support  0.1 + 0.35·A + E.support                     (after the other shared or disclosed)
 *   farewell 0.15                                          (last turn only)
 */
function offerActs(req: SpeakRequest, e: Emphasis, haveShared: boolean): void {
  const t = req.persona.traits, m = req.persona.motivations, tr = req.transcript, self = req.persona.id;
  const last = tr[tr.length - 1];
  ACTS.length = 0; WEIGHTS.length = 0;
  offer('share', 0.3 + 0.5 * t.extraversion + 0.8 * e.share);
  offer('ask', 0.15 + 0.45 * t.openness + 1.2 * e.ask);
  if (!said(tr, self, 'disclose')) offer('disclose', 0.35 * t.neuroticism + 0.25 * m.support);
  if (haveShared && !said(tr, undefined, 'propose')) offer('propose', 0.05 + 0.25 * t.conscientiousness + 0.4 * m.coordination + e.plan);
  if (last && last.from !== self && (last.act === 'share' || last.act === 'disclose' || last.act === 'answer')) offer('support', 0.1 + 0.35 * t.agreeableness + e.support);
  if (req.turn === req.turns - 1 && req.turn > 0) offer('farewell', 0.15);
}

function offer(act: DialogueAct, weight: number): void { ACTS.push(act); WEIGHTS.push(weight); }

/** Whether `act` was said in the transcript (by `from`, or by anyone when it is undefined). */
function said(tr: readonly TranscriptLine[], from: string | undefined, act: DialogueAct): boolean {
  for (const l of tr) if (l.act === act && (from === undefined || l.from === from)) return true;
  return false;
}

/** Whether `from` already named `topic` in the transcript. */
function named(tr: readonly TranscriptLine[], from: string, topic: string): boolean {
  for (const l of tr) if (l.from === from && l.topic === topic) return true;
  return false;
}

/** My interests that someone else in the conversation shares, in my order, into SHARED (no set built: a handful of interests each). */
function sharedWith(self: PersonaBrief, others: readonly PersonaBrief[]): string[] {
  SHARED.length = 0;
  for (const i of self.interests) {
    for (const o of others) if (o.interests.includes(i)) { SHARED.push(i); break; }
  }
  return SHARED;
}

/** Whether a retrieved memory is of a conversation with `partner`. */
function metIn(memories: readonly RetrievedMemory[], partner: string | undefined): boolean {
  for (const m of memories) if (m.cues?.partner === partner && m.kind === 'conversation') return true;
  return false;
}

function byId(people: readonly PersonaBrief[], id: string): PersonaBrief | undefined {
  for (const p of people) if (p.id === id) return p;
  return undefined;
}

/** Weights 2 for shared interests, 1 for the others, of `pool` into WEIGHTS. */
function preferShared(pool: readonly string[], shared: readonly string[]): number[] {
  WEIGHTS.length = 0;
  for (const i of pool) WEIGHTS.push(shared.includes(i) ? 2 : 1);
  return WEIGHTS;
}

export function speak(req: SpeakRequest, rng: Rng): SpeakResponse {
  const self = req.persona;
  const other = req.others[0];
  const e = emphasis(self, req.memories);
  const last = req.transcript[req.transcript.length - 1];
  const fromOther = last && last.from !== self.id ? last : undefined;
  const shared = sharedWith(self, req.others);
  const metBefore = metIn(req.memories, other?.id);
  const speaker = fromOther ? byId(req.others, fromOther.from) ?? other : other;

  let act: DialogueAct | undefined;
  let topic: string | undefined;
  // Obligations towards the previous speaker. In a room a question is put to the next speaker
  // (see nextInRoom), so it is answered by whoever it was about.
  if (fromOther?.act === 'ask' && (!req.room || !fromOther.topic || self.interests.includes(fromOther.topic))) { act = 'answer'; topic = fromOther.topic; }
  else if (fromOther?.act === 'propose') {
    const p = clamp01(0.25 + (fromOther.topic && self.interests.includes(fromOther.topic) ? 0.35 : 0) + 0.2 * self.traits.conscientiousness + 0.4 * e.plan + 0.2 * req.tie);
    act = rng.chance(p) ? 'accept' : 'decline';
    topic = fromOther.topic;
  } else if (fromOther?.act === 'disclose' && rng.chance(clamp01(0.2 + 0.5 * self.traits.agreeableness + 0.5 * e.support))) {
    act = 'support'; topic = fromOther.topic;
  } else if (req.turn === 0 && !req.room) {
    // Opening line: introduce myself with an interest (first meeting) or pick up a shared one.
    act = 'greet';
    const pool = metBefore && shared.length ? shared : self.interests;
    topic = pool.length ? pool[Math.max(0, rng.weighted(preferShared(pool, shared)))] : undefined;
  }
  if (!act) {
    // With nothing owed, a speaker may introduce a friend who shares the listener's interest.
    const intro = introduction(req, rng);
    if (intro) return { act: 'share', text: introductionText(intro, rng), topic: intro.topic };
    offerActs(req, e, shared.length > 0);
    act = ACTS[Math.max(0, rng.weighted(WEIGHTS))];
    topic = chooseTopic(act, self, req, shared, fromOther?.topic, rng);
  }
  // A question in a room goes to the next speaker, by name.
  const addressee = act === 'ask' && req.room ? nextInRoom(req) ?? speaker : speaker;
  const wording: Wording = {
    self, other: addressee, topic, metBefore, room: req.room?.name, greetBack: req.turn === 1 && req.transcript[0]?.act === 'greet',
    after: last,
  };
  return { act, text: phrase(act, wording, rng), topic };
}

/**
 * Who speaks after me in a room. The engine gives the members the floor in turn, in their order
 * (engine/conversation.ts `talk`), and `others` is that order without me: with me at position
 * i = turn mod n, the next member is others[i mod (n − 1)].
 */
function nextInRoom(req: SpeakRequest): PersonaBrief | undefined {
  const n = req.others.length + 1;
  return n > 1 ? req.others[(req.turn % n) % (n - 1)] : undefined;
}

/** Interests of `of` that I have not named yet, appended to TOPICS. */
function fresh(of: readonly string[], tr: readonly TranscriptLine[], self: string): void {
  for (const i of of) if (!named(tr, self, i)) TOPICS.push(i);
}

/** Shared interests are preferred when sharing or planning (common ground); curiosity picks the other's. */
function chooseTopic(act: DialogueAct, self: PersonaBrief, req: SpeakRequest, shared: string[], lastTopic: string | undefined, rng: Rng): string | undefined {
  const tr = req.transcript;
  switch (act) {
    case 'share': case 'disclose': {
      TOPICS.length = 0;
      fresh(self.interests, tr, self.id);
      if (!TOPICS.length) return self.interests.length ? rng.pick(self.interests) : req.room?.topic;
      return TOPICS[Math.max(0, rng.weighted(preferShared(TOPICS, shared)))];
    }
    case 'ask': {
      // In a room, about an interest of the one who speaks next (who can then answer it).
      const next = req.room ? nextInRoom(req) : undefined;
      TOPICS.length = 0;
      if (next) fresh(next.interests, tr, self.id);
      else for (const o of req.others) fresh(o.interests, tr, self.id);
      // Everything of theirs already asked: in a room ask again about one (what was said last may
      // be nobody's interest but its speaker's), in a pair follow up on what was just said.
      const theirs = TOPICS.length || !next ? TOPICS : next.interests;
      if (!theirs.length) return (next ? undefined : lastTopic) ?? req.room?.topic;
      WEIGHTS.length = 0;
      for (const i of theirs) WEIGHTS.push(self.interests.includes(i) ? 1 : 1 + self.traits.openness);
      return theirs[Math.max(0, rng.weighted(WEIGHTS))];
    }
    case 'propose': return lastTopic && shared.includes(lastTopic) ? lastTopic : shared.length ? rng.pick(shared) : req.room?.topic;
    case 'support': return lastTopic;
    default: return undefined;
  }
}
