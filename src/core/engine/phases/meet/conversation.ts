// Conversations: a pair (initiator and partner alternate for `turns` messages) or a group room
// (members speak in rotation). Each message is one `speak` decision of the speaker's model.
// Afterwards both sides remember the conversation and it counts towards their rewards. A
// conversation runs inside one unit of work: its messages go to that unit's tape, and what the
// members remember is written when the stage commits (other conversations of the same stage
// must not see it).
import { placePrefix, settingAt } from './placeText';
import type { MemoryCues, MessageEvent } from '../../../trace/events';
import type { DecisionResponse, PersonaBrief, SpeakRequest, TranscriptLine } from '../../../llm/types';
import type { Agent } from '../../society/agent';
import { rememberIntroductions } from './introductions';
import type { Conversation, Talk } from './talk';
import { recordConversation } from '../../society/rewards';
import type { Step } from '../../flow/step';
import type { Tape } from '../../flow/tape';
import type { StateChange } from '../../flow/stateChange';
import { usageField } from '../../society/usageBook';
import type { PhaseContext } from '../context';
import { messageCount } from '../../../format';
import { heardBy, learnFromTalk, newsFor, offeredIds } from './hearsay';
import { afterConversation } from './conversationHook';
import { termsAhead } from '../act/termsAhead';
import { agreedIn, agreedText, sameTerms } from './agreedIn';

export function situationOf(other: Agent): string[] {
  return [other.persona.name, ...other.persona.interests];
}

/**
 * Run the messages of a conversation. Speakers rotate through `members` starting with the first;
 * a pair has `turns` messages, a room `turns` per two members (so each speaks about as often as in
 * a pair) and at least one each. A room is a room whatever its size: one of two members (a fixed
 * room that lost members, a drawn room of size 2) follows the room rule, and its messages have no
 * `to`. A failed message (model error, `on_error: skip`) is left out and the others go on.
 */
export function talk(world: PhaseContext, conv: Conversation, tape: Tape, signal?: AbortSignal): Step {
  const n = conv.members.length;
  const inRoom = !!conv.room;
  const total = messageCount(world.settings.world.conversation.turns, n, inRoom);
  // Each member's view of the others, and its tie to the first of them, built once per
  // conversation rather than per message (ties only change when the stage commits).
  const othersOf: Agent[][] = [],
    briefsOf: PersonaBrief[][] = [],
    tieOf: number[] = [];
  for (const self of conv.members) {
    const others = othersThan(conv.members, self);
    othersOf.push(others);
    briefsOf.push(others.map((o) => o.brief));
    tieOf.push(world.ties.get(self.id, others[0].id));
  }
  // What each could propose about the decision ahead (offline speakers only: termsAhead.ts).
  const termsOf = conv.members.map((m) => termsAhead(world, m));
  // Messages `from`, `from + 1`, …: at once while answers come at once, else after each wait.
  const speakFrom = (from: number): Step => {
    for (let turn = from; turn < total; turn++) {
      const decided = ask(turn);
      if (decided instanceof Promise) {
        return decided.then((res) => {
          said(turn, res);
          return speakFrom(turn + 1);
        });
      }
      said(turn, decided);
    }
    // Said and done: the transcript is kept in an exact-size array until the round ends.
    conv.transcript = conv.transcript.slice();
  };
  type Spoken = DecisionResponse<SpeakRequest> | undefined;
  // Each speaker's last request: what it was offered to tell and had heard (the answer may name only those).
  const offers: SpeakRequest[] = [];
  const ask = (turn: number): Spoken | Promise<Spoken> => {
    const speaker = conv.members[turn % n];
    const tie = tieOf[turn % n];
    const req: SpeakRequest = {
      kind: 'speak',
      key: `speak:${conv.id}:${turn}`,
      round: world.round,
      setting: settingAt(world, speaker.id),
      persona: speaker.brief,
      memories: conv.context.get(speaker.id) ?? [],
      others: briefsOf[turn % n],
      room: conv.room,
      transcript: conv.transcript,
      turn,
      turns: total,
      tie,
    };
    const news = newsFor(world, speaker, conv.transcript);
    if (news) req.news = news;
    const heard = heardBy(world, speaker, conv.transcript);
    if (heard) req.heard = heard;
    const terms = termsOf[turn % n];
    if (terms) req.terms = terms;
    offers[turn % n] = req;
    return world.decide(
      speaker.model,
      req,
      { phase: 'act', agent: speaker.id, tape, encounter: conv.id, rest: total - 1 - turn },
      signal,
    );
  };
  const said = (turn: number, res: Spoken): void => {
    if (!res) return;
    const speaker = conv.members[turn % n];
    const line: TranscriptLine = res.topic
      ? { from: speaker.id, name: speaker.persona.name, act: res.act, text: res.text, topic: res.topic }
      : { from: speaker.id, name: speaker.persona.name, act: res.act, text: res.text };
    const offer = offers[turn % n];
    const tells = offeredIds(res.tells, offer?.news),
      doubts = offeredIds(res.doubts, offer?.heard);
    if (tells) line.tells = tells;
    if (doubts) line.doubts = doubts;
    // Terms only as offered: a proposal of what the speaker could propose, an acceptance of a proposal made.
    const terms = res.terms;
    if (
      terms &&
      ((res.act === 'propose' && offer?.terms?.some((t) => sameTerms(t, terms))) ||
        (res.act === 'accept' &&
          conv.transcript.some((l) => l.act === 'propose' && l.terms && sameTerms(l.terms, terms))))
    ) {
      line.terms = terms;
    }
    conv.transcript.push(line);
    tape.say(
      messageEvent(world.round, conv.id, turn, speaker.id, inRoom ? undefined : othersOf[turn % n][0].id, line, res),
    );
  };
  return speakFrom(0);
}

/** The members other than `self`, in order. */
function othersThan(members: readonly Agent[], self: Agent): Agent[] {
  const out: Agent[] = [];
  for (const m of members) if (m !== self) out.push(m);
  return out;
}

/** A message event, its optional fields set in place (spreading them in cost three objects a message), usage last. */
function messageEvent(
  round: number,
  encounter: string,
  turn: number,
  from: string,
  to: string | undefined,
  line: TranscriptLine,
  res: DecisionResponse<SpeakRequest>,
): MessageEvent {
  const e: MessageEvent =
    to === undefined
      ? { type: 'message', round, encounter, turn, from, act: res.act, text: res.text }
      : { type: 'message', round, encounter, turn, from, to, act: res.act, text: res.text };
  if (res.topic) e.topic = res.topic;
  // What it carried (`knowledge:`), as taken into the transcript: only the ids on offer.
  if (line.tells) e.tells = line.tells;
  if (line.doubts) e.doubts = line.doubts;
  if (line.terms) e.terms = line.terms;
  const usage = usageField(res.usage).usage;
  if (usage) e.usage = usage;
  if (res.usage.by) e.by = res.usage.by;
  return e;
}

/**
 * When the stage commits, each member remembers the conversation and counts it towards its
 * rewards. A conversation in which nothing was said (every message failed) is not remembered.
 * Importance = 2 + 1·[first meeting] + 1·[someone disclosed] + 2·[support given or received] + 2·[a plan was agreed].
 */
export function rememberConversation(world: PhaseContext, conv: Conversation, tape: Tape): void {
  if (!conv.transcript.length) return;
  tape.later<ConversationChange>({
    kind: 'conversation',
    members: conv.members.map((m) => m.id),
    transcript: conv.transcript,
    ...(conv.room ? { room: conv.room } : {}),
    ...(world.state?.knowledge ? { encounter: conv.id } : {}),
  });
}

/** Each member remembers a conversation and counts it towards its rewards (at the stage's commit). */
export interface ConversationChange extends StateChange {
  kind: 'conversation';
  members: string[];
  transcript: TranscriptLine[];
  room?: { name: string; topic?: string };
  /** The conversation's id, kept where knowledge can pass (the `learned` events name it). */
  encounter?: string;
}

/** The members of a conversation, as the stage commits it (engine/flow/stateChange.ts). */
export function rememberTalk(world: PhaseContext, c: ConversationChange): void {
  const talk: Talk = { members: c.members.map((id) => agentNamed(world, id)), transcript: c.transcript, room: c.room };
  for (const self of talk.members) rememberAs(world, talk, self);
  const book = world.state?.knowledge;
  if (book) learnFromTalk(world, book, talk.members, c.transcript, c.encounter ?? '');
  afterConversation(world, c);
}

/** An agent a committed change names (agents leave only between rounds: it is there). */
export function agentNamed(world: PhaseContext, id: string): Agent {
  const a = world.agents.get(id);
  if (!a) throw new Error(`a change of round ${world.round} names '${id}', who is not in the society`);
  return a;
}

/** At most this many topics name a conversation in its memory. */
const TOPICS_NAMED = 3;

function rememberAs(world: PhaseContext, conv: Talk, self: Agent): void {
  const tr = conv.transcript;
  recordConversation(self.window, tr, self.id, self.interests);
  const others = othersThan(conv.members, self);
  // One pass over the transcript for everything the memory says.
  const topics: string[] = [];
  let askedMine = false,
    theySupported = false,
    iSupported = false,
    planned = false,
    disclosed = false;
  for (let i = 0; i < tr.length; i++) {
    const l = tr[i];
    if (l.topic && topics.length < TOPICS_NAMED && !topics.includes(l.topic)) topics.push(l.topic);
    if (l.from !== self.id) {
      if (l.act === 'ask' && l.topic && self.interests.includes(l.topic)) askedMine = true;
      if (l.act === 'support') theySupported = true;
    } else if (l.act === 'support') iSupported = true;
    if (l.act === 'accept' && !l.terms && i > 0 && tr[i - 1].act === 'propose') planned = true;
    if (l.act === 'disclose') disclosed = true;
  }
  const agreed = agreedIn(tr, self.id);
  let notes = '';
  if (askedMine) notes += ' They asked about my interests.';
  if (theySupported) notes += ' They were supportive.';
  if (iSupported) notes += ' I supported them.';
  if (planned) notes += ' We agreed on a plan.';
  if (agreed) notes += ` ${agreedText(agreed.terms)}`;
  const first = others.length === 1 && !world.meetings.has(self.id, others[0].id);
  const importance =
    2 + (first ? 1 : 0) + (disclosed ? 1 : 0) + (theySupported || iSupported ? 2 : 0) + (planned ? 2 : 0);
  const where = conv.room
    ? `In room ${conv.room.name}, talked with ${others.map((o) => o.persona.name).join(', ')}`
    : `Talked with ${others[0].persona.name}`;
  const text = `${placePrefix(world, self.id, where)}${topics.length ? ` about ${topics.join(', ')}` : ''}.${notes}`;
  const cues: MemoryCues = {};
  if (others.length === 1) cues.partner = others[0].id;
  if (topics.length) cues.topic = topics[0];
  if (agreed) cues.agreed = agreed;
  world.remember(self, 'conversation', text, importance, cues);
  rememberIntroductions(world, conv, self);
}
