// Offline speaking: pick a dialogue act from obligations (answer a question, respond to a plan or a
// disclosure) or from trait- and advice-weighted propensities, pick a topic, then word it.
import type { DialogueAct } from '../../trace/events';
import type { Rng } from '../../engine/rng';
import type { PersonaBrief, SpeakRequest, SpeakResponse } from '../types';
import { clamp01, emphasis, type Emphasis } from './cues';
import { introduction, introductionText } from './introduce';
import { phrase, type Wording } from './phrasing';

/**
 * Free-choice act weights (no pending obligation), with traits O, C, X, A, N, motivations m and
 * advice emphasis E:
 *   share    0.3 + 0.5·X + 0.8·E.share
 *   ask      0.15 + 0.45·O + 1.2·E.ask
 *   disclose 0.35·N + 0.25·m.support                      (once per conversation)
 *   propose  0.05 + 0.25·C + 0.4·m.coordination + E.plan  (once, needs a shared interest)
 *   support  0.1 + 0.35·A + E.support                     (after the other shared or disclosed)
 *   farewell 0.15                                          (last turn only)
 */
export function actWeights(req: SpeakRequest, e: Emphasis, sharedTopics: string[]): Partial<Record<DialogueAct, number>> {
  const t = req.persona.traits, m = req.persona.motivations;
  const mine = req.transcript.filter((l) => l.from === req.persona.id);
  const last = req.transcript[req.transcript.length - 1];
  const w: Partial<Record<DialogueAct, number>> = {
    share: 0.3 + 0.5 * t.extraversion + 0.8 * e.share,
    ask: 0.15 + 0.45 * t.openness + 1.2 * e.ask,
  };
  if (!mine.some((l) => l.act === 'disclose')) w.disclose = 0.35 * t.neuroticism + 0.25 * m.support;
  if (sharedTopics.length && !req.transcript.some((l) => l.act === 'propose')) w.propose = 0.05 + 0.25 * t.conscientiousness + 0.4 * m.coordination + e.plan;
  if (last && last.from !== req.persona.id && (last.act === 'share' || last.act === 'disclose' || last.act === 'answer')) w.support = 0.1 + 0.35 * t.agreeableness + e.support;
  if (req.turn === req.turns - 1 && req.turn > 0) w.farewell = 0.15;
  return w;
}

/** My interests that someone else in the conversation shares, in my order (no set built: a handful of interests each). */
function sharedWith(self: PersonaBrief, others: readonly PersonaBrief[]): string[] {
  const out: string[] = [];
  for (const i of self.interests) {
    for (const o of others) if (o.interests.includes(i)) { out.push(i); break; }
  }
  return out;
}

export function speak(req: SpeakRequest, rng: Rng): SpeakResponse {
  const self = req.persona;
  const other = req.others[0];
  const e = emphasis(self, req.memories);
  const last = req.transcript[req.transcript.length - 1];
  const fromOther = last && last.from !== self.id ? last : undefined;
  const shared = sharedWith(self, req.others);
  const metBefore = req.memories.some((m) => m.cues?.partner === other?.id && m.kind === 'conversation');
  const speaker = fromOther ? req.others.find((o) => o.id === fromOther.from) ?? other : other;

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
    topic = pool.length ? pool[Math.max(0, rng.weighted(pool.map((i) => (shared.includes(i) ? 2 : 1))))] : undefined;
  }
  if (!act) {
    // With nothing owed, a speaker may introduce a friend who shares the listener's interest.
    const intro = introduction(req, rng);
    if (intro) return { act: 'share', text: introductionText(intro, rng), topic: intro.topic };
    const weights = actWeights(req, e, shared);
    const acts = Object.keys(weights) as DialogueAct[];
    act = acts[Math.max(0, rng.weighted(acts.map((a) => weights[a]!)))];
    topic = chooseTopic(act, self, req, shared, fromOther?.topic, rng);
  }
  // A question in a room goes to the next speaker, by name.
  const addressee = act === 'ask' && req.room ? nextInRoom(req) ?? speaker : speaker;
  const wording: Wording = {
    self, other: addressee, topic, metBefore, room: req.room?.name, greetBack: req.turn === 1 && req.transcript[0]?.act === 'greet',
    after: last ? { act: last.act, text: last.text } : undefined,
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

/** Shared interests are preferred when sharing or planning (common ground); curiosity picks the other's. */
function chooseTopic(act: DialogueAct, self: PersonaBrief, req: SpeakRequest, shared: string[], lastTopic: string | undefined, rng: Rng): string | undefined {
  const said = new Set(req.transcript.filter((l) => l.from === self.id).map((l) => l.topic));
  switch (act) {
    case 'share': case 'disclose': {
      const pool = self.interests.filter((i) => !said.has(i));
      if (!pool.length) return self.interests.length ? rng.pick(self.interests) : req.room?.topic;
      return pool[Math.max(0, rng.weighted(pool.map((i) => (shared.includes(i) ? 2 : 1))))];
    }
    case 'ask': {
      // In a room, about an interest of the one who speaks next (who can then answer it).
      const next = req.room ? nextInRoom(req) : undefined;
      const fresh = (next ? next.interests : req.others.flatMap((o) => o.interests)).filter((i) => !said.has(i));
      // Everything of theirs already asked: in a room ask again about one (what was said last may
      // be nobody's interest but its speaker's), in a pair follow up on what was just said.
      const theirs = fresh.length || !next ? fresh : next.interests;
      if (!theirs.length) return (next ? undefined : lastTopic) ?? req.room?.topic;
      return theirs[Math.max(0, rng.weighted(theirs.map((i) => (self.interests.includes(i) ? 1 : 1 + self.traits.openness))))];
    }
    case 'propose': return lastTopic && shared.includes(lastTopic) ? lastTopic : shared.length ? rng.pick(shared) : req.room?.topic;
    case 'support': return lastTopic;
    default: return undefined;
  }
}
