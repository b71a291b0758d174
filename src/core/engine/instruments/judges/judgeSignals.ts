// The offline rubric judge's signals (docs/judges.md): what the round's trace says about one
// agent, each 0..1, for the dimension of the same name (llm/offline/judge.ts places it on the
// dimension's range). In a conversation X has with Y (`talk`), else over X's round:
//   relationship  talk: 0.5 + 5·(X's tie change to Y from this round's evaluations), clamped
//                 (±0.1 spans the range); round: X's mean tie to those it has one with (0: none)
//   knowledge     items X learned in the talk / 2, capped at 1; without `knowledge:`, the share
//                 of Y's messages that inform (share, answer, disclose). Round: the share of the
//                 scenario's items X knows, else of the messages X heard that inform
//   believability 1 − |extraversion − outgoing|, outgoing = the share of X's messages that greet,
//                 share, ask, propose or disclose (round without messages: X's activity)
//   secret        1 − the share of X's messages that disclose (1 without messages)
//   social_rules  1 − the share of X's messages that decline (1 without messages)
//   goal          talk: X's own rating of it; round: the mean place of X's valued quantities in
//                 their min..max (unbounded: value / the largest among the agents), else X's
//                 mean rating of its talks, else 0.5
//   financial     0.5 + 0.5·Δ/|Δ|max, Δ = the round's change in X's valued quantities (summed,
//                 each over its range when bounded), |Δ|max the largest among the agents
//   activity      X's actions and messages this round over the most any agent had
import type { Agent } from '../../society/agent';
import type { JudgeRecord, Talk } from './judgeRecord';
import type { WorldState } from '../../society/worldState';
import type { TieTable } from '../../society/ties';
import { maxOf } from '../../../stats/extremes';

const OUTGOING = new Set(['greet', 'share', 'ask', 'propose', 'disclose']);
const INFORMS = new Set(['share', 'answer', 'disclose']);
const clamp01 = (x: number): number => Math.max(0, Math.min(1, Number.isFinite(x) ? x : 0.5));

/** What the signals read besides the record: the state, the ties and the round's valued changes. */
export interface SignalWorld {
  record: JudgeRecord;
  state?: WorldState;
  ties: TieTable;
  agents: readonly Agent[];
  /** Each agent's valued change this round (valuedChange), and the largest |change|. */
  change: ReadonlyMap<string, number>;
  maxChange: number;
  /** What every judged agent's round signals share, tallied once (roundTallies). */
  tallies: RoundTallies;
}

/** An agent's messages by kind, and those it heard (addressed to it, or said to a room). */
interface Said {
  n: number;
  outgoing: number;
  disclose: number;
  decline: number;
}
interface Heard {
  n: number;
  informs: number;
}

/**
 * The round's messages tallied per agent, the most activity, each unbounded quantity's largest
 * value and each agent's ratings: read once for every judged agent, where taking them per agent
 * made a round's judging of n agents n² work.
 */
export interface RoundTallies {
  said: Map<string, Said>;
  /** Messages to one agent (from another), by recipient; room messages, in all and by speaker. */
  heardTo: Map<string, Heard>;
  room: Heard;
  roomBy: Map<string, Heard>;
  most: number;
  tops: Map<string, number>;
  rated: Map<string, number[]>;
}

const said0 = (): Said => ({ n: 0, outgoing: 0, disclose: 0, decline: 0 });
const heard0 = (): Heard => ({ n: 0, informs: 0 });
const at = <V>(m: Map<string, V>, k: string, make: () => V): V => {
  let v = m.get(k);
  if (!v) m.set(k, (v = make()));
  return v;
};

function countSaid(t: Said, act: string): void {
  t.n++;
  if (OUTGOING.has(act)) t.outgoing++;
  if (act === 'disclose') t.disclose++;
  if (act === 'decline') t.decline++;
}

function countHeard(t: Heard, act: string): void {
  t.n++;
  if (INFORMS.has(act)) t.informs++;
}

export function roundTallies(record: JudgeRecord, agents: readonly Agent[]): RoundTallies {
  const t: RoundTallies = {
    said: new Map(),
    heardTo: new Map(),
    room: heard0(),
    roomBy: new Map(),
    most: Math.max(0, maxOf(agents.map((x) => record.activity(x.id)))),
    tops: new Map(),
    rated: new Map(),
  };
  for (const talk of record.talks.values()) {
    for (const m of talk.lines) {
      countSaid(at(t.said, m.from, said0), m.act);
      if (m.to === undefined) {
        countHeard(t.room, m.act);
        countHeard(at(t.roomBy, m.from, heard0), m.act);
      } else if (m.to !== m.from) countHeard(at(t.heardTo, m.to, heard0), m.act);
    }
    for (const id of new Set(talk.members)) {
      const r = record.ratings.get(`${talk.id}:${id}`);
      if (r !== undefined) at(t.rated, id, () => []).push(r);
    }
  }
  return t;
}

/** The same tallies of one conversation's lines, for agent `a`. */
function talkTallies(lines: readonly { from: string; to?: string; act: string }[], a: string): [Said, Heard] {
  const mine = said0(),
    heard = heard0();
  for (const m of lines) {
    if (m.from === a) countSaid(mine, m.act);
    else if (m.to === undefined || m.to === a) countHeard(heard, m.act);
  }
  return [mine, heard];
}

/** What `a` heard over the round: room messages not its own, and those addressed to it. */
function roundHeard(t: RoundTallies, a: string): Heard {
  const own = t.roomBy.get(a) ?? heard0(),
    to = t.heardTo.get(a) ?? heard0();
  return { n: t.room.n - own.n + to.n, informs: t.room.informs - own.informs + to.informs };
}

/** The signals for agent `a`, in `talk` or (none) over its round. */
export function judgeSignals(s: SignalWorld, a: Agent, talk?: Talk): Record<string, number> {
  const t = s.tallies;
  const [mine, heard] = talk ? talkTallies(talk.lines, a.id) : [t.said.get(a.id) ?? said0(), roundHeard(t, a.id)];
  const activity = t.most ? s.record.activity(a.id) / t.most : 0;
  const extraversion = a.persona.traits.extraversion ?? 0.5;
  const delta = s.change.get(a.id) ?? 0;
  return {
    relationship: talk ? talkRelationship(s, a, talk) : meanTie(s.ties, a.id),
    knowledge: talk ? talkKnowledge(s, a, talk, heard) : roundKnowledge(s, a, heard),
    believability: clamp01(1 - Math.abs(extraversion - (mine.n ? mine.outgoing / mine.n : activity))),
    secret: 1 - (mine.n ? mine.disclose / mine.n : 0),
    social_rules: 1 - (mine.n ? mine.decline / mine.n : 0),
    goal: talk ? (s.record.ratings.get(`${talk.id}:${a.id}`) ?? 0.5) : roundGoal(s, a),
    financial: clamp01(s.maxChange ? 0.5 + (0.5 * delta) / s.maxChange : 0.5),
    activity,
  };
}

function talkRelationship(s: SignalWorld, a: Agent, talk: Talk): number {
  const moved = talk.members
    .filter((m) => m !== a.id)
    .reduce((sum, m) => sum + (s.record.tieMoves.get(`${a.id}>${m}`) ?? 0), 0);
  return clamp01(0.5 + 5 * moved);
}

function meanTie(ties: TieTable, id: string): number {
  let sum = 0,
    n = 0;
  ties.forEachOut(id, (_to, strength) => {
    sum += strength;
    n++;
  });
  return n ? clamp01(sum / n) : 0;
}

/** The share of what was heard that informs (share, answer, disclose); 0 when nothing was. */
const informing = (heard: Heard): number => (heard.n ? heard.informs / heard.n : 0);

function talkKnowledge(s: SignalWorld, a: Agent, talk: Talk, heard: Heard): number {
  if (s.state?.knowledge) return Math.min(1, (s.record.learned.get(`${talk.id}:${a.id}`) ?? 0) / 2);
  return informing(heard);
}

function roundKnowledge(s: SignalWorld, a: Agent, heard: Heard): number {
  const book = s.state?.knowledge;
  if (book?.items.size) return [...book.items.keys()].filter((k) => book.knows(a.id, k)).length / book.items.size;
  return informing(heard);
}

function roundGoal(s: SignalWorld, a: Agent): number {
  const state = s.state;
  if (state) {
    const valued = Object.entries(state.valuedOf(a.id));
    const places = valued.map(([q, x]) => {
      const decl = state.agentQuantities.get(q);
      if (decl?.min !== undefined && decl.max !== undefined && decl.max > decl.min) {
        return (x - decl.min) / (decl.max - decl.min);
      }
      const tops = s.tallies.tops;
      let top = tops.get(q);
      if (top === undefined) tops.set(q, (top = Math.max(0, maxOf(s.agents.map((o) => state.of(o.id)[q] ?? 0)))));
      return top > 0 ? x / top : 0.5;
    });
    if (places.length) return clamp01(places.reduce((sum, p) => sum + p, 0) / places.length);
  }
  const rated = s.tallies.rated.get(a.id) ?? [];
  return rated.length ? clamp01(rated.reduce((sum, x) => sum + x, 0) / rated.length) : 0.5;
}

/** The change in an agent's valued quantities between two readings, each over its range when bounded. */
export function valuedChange(
  state: WorldState,
  before: Readonly<Record<string, number>>,
  after: Readonly<Record<string, number>>,
): number {
  let sum = 0;
  for (const [q, x] of Object.entries(after)) {
    const decl = state.agentQuantities.get(q);
    const range = decl?.min !== undefined && decl.max !== undefined && decl.max > decl.min ? decl.max - decl.min : 1;
    sum += (x - (before[q] ?? x)) / range;
  }
  return sum;
}
