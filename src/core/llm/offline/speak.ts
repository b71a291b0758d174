// Offline speaking: pick a dialogue act from obligations (answer a question, respond to a plan or a
// disclosure) or from trait- and advice-weighted propensities, pick a topic, then word it.
import type { DialogueAct } from '../../trace/events';
import type { Rng } from '../../random/rng';
import type { PersonaBrief, RetrievedMemory, SpeakRequest, SpeakResponse, TranscriptLine } from '../types';
import { clamp01, emphasis, type Emphasis } from './cues';
import { introduction, introductionText } from './introduce';
import { phrase, type Wording } from './phrasing';
import { aboutTheDecision } from './proposal';

// What one draw chooses from: the first `offered` acts or topics and their weights. Refilled for
// each draw rather than built per message (those small arrays were a measurable share of the
// model's garbage), and never shortened: truncating an array gives up its storage.
const ACTS: DialogueAct[] = [];
const TOPICS: string[] = [];
const WEIGHTS: number[] = [];
let offered = 0;
const weightAt = (i: number): number => WEIGHTS[i];

/** The index drawn among the offers (0 when every weight is 0), with `rng.weighted`'s draw. */
const drawOffer = (rng: Rng): number => Math.max(0, rng.weightedOf(offered, weightAt));

function offerAct(act: DialogueAct, weight: number): void {
  ACTS[offered] = act;
  WEIGHTS[offered++] = weight;
}
function offerTopic(topic: string, weight: number): void {
  TOPICS[offered] = topic;
  WEIGHTS[offered++] = weight;
}

/**
 * Free-choice act weights (no pending obligation), with traits O, C, X, A, N, motivations m and
 * advice emphasis E, offered in this order:
 *   share    0.3 + 0.5·X + 0.8·E.share
 *   ask      0.15 + 0.45·O + 1.2·E.ask
 *   disclose 0.35·N + 0.25·m.support                      (once per conversation)
 *   propose  0.05 + 0.25·C + 0.4·m.coordination + E.plan  (once, needs a shared interest)
 *   support  0.1 + 0.35·A + E.support                     (after the other shared or disclosed)
 *   farewell 0.15                                          (last turn only)
 */
function offerActs(req: SpeakRequest, e: Emphasis, haveShared: boolean): void {
  const t = req.persona.traits,
    m = req.persona.motivations,
    tr = req.transcript,
    self = req.persona.id;
  const last = tr[tr.length - 1];
  offered = 0;
  offerAct('share', 0.3 + 0.5 * t.extraversion + 0.8 * e.share);
  offerAct('ask', 0.15 + 0.45 * t.openness + 1.2 * e.ask);
  if (!said(tr, self, 'disclose')) offerAct('disclose', 0.35 * t.neuroticism + 0.25 * m.support);
  if (haveShared && !said(tr, undefined, 'propose')) {
    offerAct('propose', 0.05 + 0.25 * t.conscientiousness + 0.4 * m.coordination + e.plan);
  }
  if (last && last.from !== self && (last.act === 'share' || last.act === 'disclose' || last.act === 'answer')) {
    offerAct('support', 0.1 + 0.35 * t.agreeableness + e.support);
  }
  if (req.turn === req.turns - 1 && req.turn > 0) offerAct('farewell', 0.15);
}

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

const NONE: readonly string[] = [];

/** My interests that someone else in the conversation shares, in my order (an array only when there are some: mostly there are none). */
function sharedWith(self: PersonaBrief, others: readonly PersonaBrief[]): readonly string[] {
  let out: string[] | undefined;
  for (const i of self.interests) {
    for (const o of others) {
      if (o.interests.includes(i)) {
        (out ??= []).push(i);
        break;
      }
    }
  }
  return out ?? NONE;
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

/** Offers the topics of `pool`, weight 2 if shared, else 1. */
function offerPreferringShared(pool: readonly string[], shared: readonly string[]): void {
  offered = 0;
  for (const i of pool) offerTopic(i, shared.includes(i) ? 2 : 1);
}

export function speak(req: SpeakRequest, rng: Rng): SpeakResponse {
  const self = req.persona;
  const other = req.others[0];
  const e = emphasis(self, req.memories);
  const last = req.transcript[req.transcript.length - 1];
  const fromOther = last && last.from !== self.id ? last : undefined;
  const shared = sharedWith(self, req.others);
  const metBefore = metIn(req.memories, other?.id);
  const speaker = fromOther ? (byId(req.others, fromOther.from) ?? other) : other;

  // Before a declared decision: a proposal about it, or an answer to one (proposal.ts).
  const decision = aboutTheDecision(req, rng);
  if (decision) return decision;
  let act: DialogueAct | undefined;
  let topic: string | undefined;
  // Obligations towards the previous speaker. In a room a question is put to the next speaker
  // (see nextInRoom), so it is answered by whoever it was about.
  if (fromOther?.act === 'ask' && (!req.room || !fromOther.topic || self.interests.includes(fromOther.topic))) {
    act = 'answer';
    topic = fromOther.topic;
  } else if (fromOther?.act === 'propose' && !fromOther.terms) {
    const p = clamp01(
      0.25 +
        (fromOther.topic && self.interests.includes(fromOther.topic) ? 0.35 : 0) +
        0.2 * self.traits.conscientiousness +
        0.4 * e.plan +
        0.2 * req.tie,
    );
    act = rng.chance(p) ? 'accept' : 'decline';
    topic = fromOther.topic;
  } else if (
    fromOther?.act === 'disclose' &&
    rng.chance(clamp01(0.2 + 0.5 * self.traits.agreeableness + 0.5 * e.support))
  ) {
    act = 'support';
    topic = fromOther.topic;
  } else if (req.turn === 0 && !req.room) {
    // Opening line: introduce myself with an interest (first meeting) or pick up a shared one.
    act = 'greet';
    const pool = metBefore && shared.length ? shared : self.interests;
    if (pool.length) {
      offerPreferringShared(pool, shared);
      topic = TOPICS[drawOffer(rng)];
    }
  }
  if (!act) {
    // With nothing owed, a speaker may introduce a friend who shares the listener's interest.
    const intro = introduction(req, rng);
    if (intro) return { act: 'share', text: introductionText(intro, rng), topic: intro.topic };
    offerActs(req, e, shared.length > 0);
    act = ACTS[drawOffer(rng)];
    topic = chooseTopic(act, self, req, shared, fromOther?.topic, rng);
  }
  // A question in a room goes to the next speaker, by name.
  const addressee = act === 'ask' && req.room ? (nextInRoom(req) ?? speaker) : speaker;
  const wording: Wording = {
    self,
    other: addressee,
    topic,
    metBefore,
    room: req.room?.name,
    greetBack: req.turn === 1 && req.transcript[0]?.act === 'greet',
    after: last,
  };
  return { act, text: phrase(act, wording, rng), topic };
}

/**
 * Who speaks after me in a room. The engine gives the members the floor in turn, in their order
 * (engine/phases/meet/conversation.ts `talk`), and `others` is that order without me: with me at position
 * i = turn mod n, the next member is others[i mod (n − 1)].
 */
function nextInRoom(req: SpeakRequest): PersonaBrief | undefined {
  const n = req.others.length + 1;
  return n > 1 ? req.others[(req.turn % n) % (n - 1)] : undefined;
}

/** Offers another's interests that I have not named yet (all of them `again`): curiosity weighs those I do not share 1 + openness, mine 1. */
function offerToAsk(
  interests: readonly string[],
  self: PersonaBrief,
  tr: readonly TranscriptLine[],
  again: boolean,
): void {
  for (const i of interests) {
    if (again || !named(tr, self.id, i)) offerTopic(i, self.interests.includes(i) ? 1 : 1 + self.traits.openness);
  }
}

/** Shared interests are preferred when sharing or planning (common ground); curiosity picks the other's. */
function chooseTopic(
  act: DialogueAct,
  self: PersonaBrief,
  req: SpeakRequest,
  shared: readonly string[],
  lastTopic: string | undefined,
  rng: Rng,
): string | undefined {
  const tr = req.transcript;
  switch (act) {
    case 'share':
    case 'disclose': {
      offered = 0;
      for (const i of self.interests) if (!named(tr, self.id, i)) offerTopic(i, shared.includes(i) ? 2 : 1);
      if (!offered) return self.interests.length ? rng.pick(self.interests) : req.room?.topic;
      return TOPICS[drawOffer(rng)];
    }
    case 'ask': {
      // In a room, about an interest of the one who speaks next (who can then answer it).
      const next = req.room ? nextInRoom(req) : undefined;
      offered = 0;
      if (next) offerToAsk(next.interests, self, tr, false);
      else for (const o of req.others) offerToAsk(o.interests, self, tr, false);
      // Everything of theirs already asked: in a room ask again about one (what was said last may
      // be nobody's interest but its speaker's), in a pair follow up on what was just said.
      if (!offered && next) offerToAsk(next.interests, self, tr, true);
      if (!offered) return (next ? undefined : lastTopic) ?? req.room?.topic;
      return TOPICS[drawOffer(rng)];
    }
    case 'propose':
      return lastTopic && shared.includes(lastTopic) ? lastTopic : shared.length ? rng.pick(shared) : req.room?.topic;
    case 'support':
      return lastTopic;
    default:
      return undefined;
  }
}
