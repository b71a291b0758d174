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
const share = (xs: readonly { act: string }[], acts: ReadonlySet<string> | string): number =>
  xs.length ? xs.filter((m) => (typeof acts === 'string' ? m.act === acts : acts.has(m.act))).length / xs.length : 0;

/** What the signals read besides the record: the state, the ties and the round's valued changes. */
export interface SignalWorld {
  record: JudgeRecord;
  state?: WorldState;
  ties: TieTable;
  agents: readonly Agent[];
  /** Each agent's valued change this round (valuedChange), and the largest |change|. */
  change: ReadonlyMap<string, number>;
  maxChange: number;
}

/** The signals for agent `a`, in `talk` or (none) over its round. */
export function judgeSignals(s: SignalWorld, a: Agent, talk?: Talk): Record<string, number> {
  const lines = talk ? talk.lines : [...s.record.talks.values()].flatMap((t) => t.lines);
  const mine = lines.filter((m) => m.from === a.id);
  const heard = lines.filter((m) => m.from !== a.id && (m.to === undefined || m.to === a.id));
  const most = Math.max(0, maxOf(s.agents.map((x) => s.record.activity(x.id))));
  const activity = most ? s.record.activity(a.id) / most : 0;
  const extraversion = a.persona.traits.extraversion ?? 0.5;
  const delta = s.change.get(a.id) ?? 0;
  return {
    relationship: talk ? talkRelationship(s, a, talk) : meanTie(s.ties, a.id),
    knowledge: talk ? talkKnowledge(s, a, talk, heard) : roundKnowledge(s, a, heard),
    believability: clamp01(1 - Math.abs(extraversion - (mine.length ? share(mine, OUTGOING) : activity))),
    secret: 1 - share(mine, 'disclose'),
    social_rules: 1 - share(mine, 'decline'),
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

function talkKnowledge(s: SignalWorld, a: Agent, talk: Talk, heard: readonly { act: string }[]): number {
  if (s.state?.knowledge) return Math.min(1, (s.record.learned.get(`${talk.id}:${a.id}`) ?? 0) / 2);
  return share(heard, INFORMS);
}

function roundKnowledge(s: SignalWorld, a: Agent, heard: readonly { act: string }[]): number {
  const book = s.state?.knowledge;
  if (book?.items.size) return [...book.items.keys()].filter((k) => book.knows(a.id, k)).length / book.items.size;
  return share(heard, INFORMS);
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
      const top = Math.max(0, maxOf(s.agents.map((o) => state.of(o.id)[q] ?? 0)));
      return top > 0 ? x / top : 0.5;
    });
    if (places.length) return clamp01(places.reduce((sum, p) => sum + p, 0) / places.length);
  }
  const rated = [...s.record.talks.values()]
    .map((t) => s.record.ratings.get(`${t.id}:${a.id}`))
    .filter((x): x is number => x !== undefined);
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
