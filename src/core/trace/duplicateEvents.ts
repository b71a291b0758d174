// Lines the engine writes once. A line repeated within its round (copied by hand, or written twice
// by a broken writer) is valid on its own, and replay would count it twice: two messages, one
// memory twice in an agent's stream, two rewards for one agent and round. A copy that lands in
// another round is an order problem already (roundSequence.ts), so what is kept is one round's,
// plus a record of a few numbers per agent (whether it is present, its newest memory id).
//
// Only what the engine guarantees is checked (a false alarm on a valid trace is worse than a
// missed copy); where each guarantee is made:
// - round_start, tie_decay: once per round (engine/kernel/simulation.ts setup, round);
// - event_fired by index: each scenario event fires once, in its round (engine/kernel/timed-events.ts);
// - agent_added never of an agent present, agent_removed never of one absent (engine/kernel/membership.ts
//   addAgent throws and removeAgent returns false instead); one removed may come back;
// - encounter by id (`round:agent:k`: one turn per agent and round, k its partner, engine/phases/meet/talks.ts
//   act), room by id (`round:room:name`: a run refuses a scenario naming two rooms alike,
//   format/checks/rooms.ts SOC056);
// - message by (encounter, turn): each turn of a conversation is said once (engine/phases/meet/conversation.ts talk);
// - evaluation by (encounter, from, to): each member rates each other member who spoke once
//   (engine/phases/evaluate/evaluation.ts evaluateConversation); in a room one member rates several;
// - reward, advice by agent: one turn per agent and round (engine/phases/learn/reward.ts, coaching.ts advised);
// - memory ids rise in each agent's stream (engine/kernel/world.ts remember: nextMemoryId++), in trace
//   order too: memories written at a stage's commit go out as written, those on a tape are the
//   unit's own agent's, in order (engine/flow/stage.ts, tape.ts); from 0 again for an agent added
//   again (engine/society/agent.ts createAgent);
// - reflection by (agent, memory): one per reflection memory (engine/phases/learn/reflection.ts reflected).
// Not keyed: tie (several evaluations may move one tie in a round), error, intervention, round_end
// and run_end (roundSequence.ts checks those two).
//
// Most lines are keyed (at 10,000 agents, ~180,000 a round), so a line costs one or two map
// lookups by the ids it carries and allocates nothing: keys are never joined into strings, and
// the round's lines are kept in arrays reused every round (see RoundLog). Joined keys in one map,
// or an array per agent and round, made reading a 136 MB trace 15–35% slower; this costs 5–8%.
import type {
  AdviceEvent,
  AgentAddedEvent,
  AgentRemovedEvent,
  EncounterEvent,
  EvaluationEvent,
  EventFiredEvent,
  MemoryEvent,
  MessageEvent,
  ReflectionEvent,
  RewardEvent,
  RoomEvent,
  TraceEvent,
  TraceEventType,
} from './events';
import { printable } from '../text/printable';

/** One agent's lines: kept over the run; the fields from `round` on are that round's. */
interface AgentLines {
  /** Line of its agent_added while it is present; −(line of its agent_removed) after. */
  member: number;
  /** Its newest memory id since it was added (−1: none). */
  newest: number;
  round: number;
  /** Lines of its reward and advice (0: none yet). */
  reward: number;
  advice: number;
  /** Its newest memory, reflection and rating in the round's log (−1: none). */
  memories: number;
  reflections: number;
  ratings: number;
}

/** One conversation of the round (a pair's encounter or a room). */
interface ConversationLines {
  /** Its place in the round's conversations (what a rating is keyed by). */
  serial: number;
  /** Lines of its encounter and room events (0: none). Both: a pair and a room share the id, see `shared`. */
  encounter: number;
  room: number;
  /** Its newest message in the round's log (−1: none). */
  messages: number;
}

export class DuplicateEvents {
  /** The round the per-round state is of. */
  private round = -1;
  private roundStart = 0;
  private tieDecay = 0;
  /** Lines of the round's event_fired, by scenario event index. */
  private readonly fired = new Map<number, number>();
  private readonly conversations = new Map<string, ConversationLines>();
  private readonly agents = new Map<string, AgentLines>();
  /** The round's memories, reflections, messages and ratings. */
  private readonly log = new RoundLog();

  /** Why `e` (of `type` and `round`, read once by the caller) repeats a line of its round, or undefined. */
  check(e: TraceEvent, type: TraceEventType, round: number, line: number): string | undefined {
    if (round !== this.round) {
      this.round = round;
      this.roundStart = this.tieDecay = 0;
      this.fired.clear();
      this.conversations.clear();
      this.log.clear();
    }
    // The commonest first (a 10,000-agent round: ~65,000 memory lines, ~40,000 messages).
    switch (type) {
      case 'memory':
        return this.memory(e as MemoryEvent, round, line);
      case 'message':
        return this.message(e as MessageEvent, line);
      case 'evaluation':
        return this.evaluation(e as EvaluationEvent, round, line);
      case 'reward':
      case 'advice':
        return this.once(e as RewardEvent | AdviceEvent, type, round, line);
      case 'encounter':
      case 'room':
        return this.conversationStart((e as EncounterEvent | RoomEvent).id, type, line);
      case 'reflection':
        return this.reflection(e as ReflectionEvent, round, line);
      case 'agent_added':
      case 'agent_removed':
        return this.membership(e as AgentAddedEvent | AgentRemovedEvent, type, round, line);
      case 'round_start':
      case 'tie_decay':
      case 'event_fired':
        return this.ofRound(e as EventFiredEvent, type, round, line);
      default:
        return undefined;
    }
  }

  /** A memory whose id does not rise: a copy (naming its first line) or one out of order. */
  private memory(e: MemoryEvent, round: number, line: number): string | undefined {
    const id = e.memory.id,
      a = this.agent(e.agent, round);
    if (id > a.newest) {
      a.newest = id;
      a.memories = this.log.add(a.memories, id, '', line);
      return undefined;
    }
    const what = `memory ${id} of agent '${printable(e.agent)}'`,
      at = this.log.lineOf(a.memories, id, '');
    return at ? again(what, at) : `${what} after its memory ${a.newest}: an agent's memory ids only rise`;
  }

  private message(m: MessageEvent, line: number): string | undefined {
    const c = this.conversation(m.encounter),
      at = this.log.lineOf(c.messages, m.turn, '');
    if (!at) {
      c.messages = this.log.add(c.messages, m.turn, '', line);
      return undefined;
    }
    return shared(c) ? undefined : again(`message ${m.turn} of encounter '${printable(m.encounter)}'`, at);
  }

  /** Listed with the rater (a pair's rater rates one, a room's each other member), by conversation and ratee. */
  private evaluation(v: EvaluationEvent, round: number, line: number): string | undefined {
    const a = this.agent(v.from, round),
      c = this.conversation(v.encounter),
      at = this.log.lineOf(a.ratings, c.serial, v.to);
    if (!at) {
      a.ratings = this.log.add(a.ratings, c.serial, v.to, line);
      return undefined;
    }
    return shared(c)
      ? undefined
      : again(
          `evaluation of '${printable(v.to)}' by '${printable(v.from)}' in encounter '${printable(v.encounter)}'`,
          at,
        );
  }

  private once(
    e: RewardEvent | AdviceEvent,
    type: 'reward' | 'advice',
    round: number,
    line: number,
  ): string | undefined {
    const a = this.agent(e.agent, round),
      at = type === 'reward' ? a.reward : a.advice;
    if (!at) {
      if (type === 'reward') a.reward = line;
      else a.advice = line;
      return undefined;
    }
    return again(`${type} of agent '${printable(e.agent)}' in round ${round}`, at);
  }

  private conversationStart(id: string, type: 'encounter' | 'room', line: number): string | undefined {
    const c = this.conversation(id),
      at = type === 'encounter' ? c.encounter : c.room;
    if (!at) {
      if (type === 'encounter') c.encounter = line;
      else c.room = line;
      return undefined;
    }
    return again(`${type} '${printable(id)}'`, at);
  }

  private reflection(r: ReflectionEvent, round: number, line: number): string | undefined {
    const a = this.agent(r.agent, round),
      at = this.log.lineOf(a.reflections, r.memory, '');
    if (!at) {
      a.reflections = this.log.add(a.reflections, r.memory, '', line);
      return undefined;
    }
    return again(`reflection on memory ${r.memory} of agent '${printable(r.agent)}'`, at);
  }

  private membership(
    e: AgentAddedEvent | AgentRemovedEvent,
    type: 'agent_added' | 'agent_removed',
    round: number,
    line: number,
  ): string | undefined {
    if (type === 'agent_added') {
      const id = (e as AgentAddedEvent).agent.id,
        a = this.agents.get(id);
      if (a && a.member > 0) return `${again(`agent_added of '${printable(id)}'`, a.member)} without an agent_removed`;
      // Added (again): a fresh stream, whose memory ids start over.
      this.agents.set(id, newAgent(line, round));
      return undefined;
    }
    const id = (e as AgentRemovedEvent).agent,
      a = this.agent(id, round);
    if (a.member < 0) return again(`agent_removed of '${printable(id)}'`, -a.member);
    a.member = -line;
    return undefined;
  }

  private ofRound(
    e: EventFiredEvent,
    type: 'round_start' | 'tie_decay' | 'event_fired',
    round: number,
    line: number,
  ): string | undefined {
    let at: number;
    if (type === 'round_start') {
      if (!(at = this.roundStart)) this.roundStart = line;
    } else if (type === 'tie_decay') {
      if (!(at = this.tieDecay)) this.tieDecay = line;
    } else if (!(at = this.fired.get(e.index) ?? 0)) this.fired.set(e.index, line);
    return at
      ? again(type === 'event_fired' ? `event_fired of scenario event ${e.index}` : `${type} of round ${round}`, at)
      : undefined;
  }

  /** The agent's record, its round's part emptied when `round` is a new one for it. */
  private agent(id: string, round: number): AgentLines {
    let a = this.agents.get(id);
    // An agent whose agent_added line was broken (reported by the reader) gets a record too.
    if (!a) this.agents.set(id, (a = newAgent(0, round)));
    else if (a.round !== round) {
      a.round = round;
      a.reward = a.advice = 0;
      a.memories = a.reflections = a.ratings = -1;
    }
    return a;
  }

  private conversation(id: string): ConversationLines {
    let c = this.conversations.get(id);
    if (!c) this.conversations.set(id, (c = { serial: this.conversations.size, encounter: 0, room: 0, messages: -1 }));
    return c;
  }
}

function newAgent(member: number, round: number): AgentLines {
  return { member, newest: -1, round, reward: 0, advice: 0, memories: -1, reflections: -1, ratings: -1 };
}

/**
 * A pair's id (`round:agent:k`) and a room's (`round:room:name`) are the same only for an agent
 * named "room" and a room named like a number: their messages and evaluations share keys then,
 * so they are not checked.
 */
function shared(c: ConversationLines): boolean {
  return c.encounter > 0 && c.room > 0;
}

/**
 * The round's keyed lines as lists (an agent's memories, a conversation's messages…), each
 * chained back from its newest entry through parallel arrays that are reused every round: no
 * object or array per agent, conversation or line. A key is a number, with a string where one
 * number is not enough (a rating: the conversation's serial and the ratee).
 */
class RoundLog {
  private readonly keys: number[] = [];
  private readonly tags: string[] = [];
  private readonly lines: number[] = [];
  private readonly before: number[] = [];
  private n = 0;

  clear(): void {
    this.n = 0;
  }

  /** Add (key, tag) at `line` to the list whose newest entry is `head` (−1: empty); returns the new head. */
  add(head: number, key: number, tag: string, line: number): number {
    const i = this.n++;
    if (i < this.keys.length) {
      this.keys[i] = key;
      this.tags[i] = tag;
      this.lines[i] = line;
      this.before[i] = head;
    } else {
      this.keys.push(key);
      this.tags.push(tag);
      this.lines.push(line);
      this.before.push(head);
    }
    return i;
  }

  /** The line of (key, tag) in the list from `head`, or 0. */
  lineOf(head: number, key: number, tag: string): number {
    for (let i = head; i >= 0; i = this.before[i]) {
      if (this.keys[i] === key && this.tags[i] === tag) return this.lines[i];
    }
    return 0;
  }
}

function again(what: string, first: number): string {
  return `${what} again (first at line ${first})`;
}
