// What people who talk agree on: the amount that, if everyone in their group put it in, would
// leave the group best off. Discussion lets a group find and promise that amount (Ostrom, Walker
// & Gardner 1992: groups that talked named a per-person allocation near the optimum; Isaac &
// Walker 1988; Balliet 2010's meta-analysis: discussion raises cooperation, d ≈ 1). The offline
// rule holds an agent to it as far as it talked with its group, and lately (llm/offline/continuum.ts).
//
// Worked out from the declared rules alone, as foresight is (foresight.ts): for an action whose one
// argument is a number and that leaves the world's stocks alone, each amount on a grid is taken
// by every member of the agent's group (its match group, else everyone the phase lets act), the
// round is closed by the declared updates, and the members' valued quantities are summed. Nothing names a game: a pool shared by what each
// put in has its best below everyone's own best reply, a public good at everything, a transfer
// between members (a dictator's) no best at all (every amount leaves the group as well off).
import type { Agent } from '../../society/agent';
import type { CompiledAction } from '../../society/compiledMechanics';
import { valued, type WorldState } from '../../society/worldState';
import { boundedArgs, changesOf, contextOf, movesOf } from './actionOptions';
import { EXPECTED_PEERS, peersOf, type Peers } from './expectedMoves';
import type { PhaseContext } from '../context';
import { closedAgent, closedWorld, Foresight } from './foresight';
import { nameRecord } from '../../../text/nameRecord';
import { talkedWith } from './talkedWith';
import type { ActPhase } from '../../../format';

/** Amounts tried across an argument's range (its ends among them). */
export const AGREEMENT_GRID = 21;

/**
 * Members whose close is worked out one by one (every member's moves are, up to EXPECTED_PEERS,
 * and the world's beyond scaled up to the group's size): a group best is a per-head question, and
 * the first few of a group answer it as the whole would, at a fraction of the cost in a large one.
 */
export const AGREEMENT_MEMBERS = 8;

/** One amount the group does best with, as ActRequest.group_best carries it. */
export interface GroupBest {
  action: string;
  arg: string;
  amount: number;
}

type Values = Record<string, number>;

/** Worked out once per state, round, phase and group: every member of a group shares it. */
const cache = new WeakMap<WorldState, { revision: number; round: number; byKey: Map<string, GroupBest[]> }>();

/** The actions `group_best` is about: those offered whose one argument is a number. */
function amountActions(state: WorldState, offered: readonly string[] | undefined): CompiledAction[] {
  return state.compiled.actions.filter(
    (c) =>
      (!offered || offered.includes(c.spec.name)) &&
      c.spec.args.length === 1 &&
      c.spec.args[0].type === 'number' &&
      !changesStock(state, c),
  );
}

/**
 * Whether taking `action` changes a stock the world keeps (a valued world quantity whose update
 * reads itself, or that has none): what a stock left now brings in later rounds is beyond one
 * round's close, so the amount best for the group by that close would be read short-sightedly
 * (a lake's fish are worth more than the round's catch): no agreement is worked out for it.
 */
function changesStock(state: WorldState, action: CompiledAction): boolean {
  const flows = Foresight.flows(state);
  return action.effects.some((e) => {
    if (e.owner.kind !== 'world') return false;
    const q = state.worldQuantities.get(e.quantity);
    return q !== undefined && valued(q) && !flows.has(e.quantity);
  });
}

/** Whether the world has an action an agreement could be about (else no memory is read for one). */
export function agreementPossible(state: WorldState, offered: readonly string[] | undefined): boolean {
  return amountActions(state, offered).length > 0;
}

/** The range a member may choose `action`'s amount in now (bounds written as expressions evaluated for it). */
function rangeOf(state: WorldState, m: Agent, action: CompiledAction, n: number, round: number): [number, number] {
  const arg = action.spec.args[0];
  const spec = (action.bounds ? boundedArgs(action, contextOf(state, m, n, round))?.[0] : undefined) ?? arg;
  const lo = spec.min ?? 0;
  return [lo, spec.max ?? lo + 1];
}

/** The group's summed change in valued quantities by the close if every member took `action` with `x`. */
function groupTotal(
  state: WorldState,
  agent: Agent,
  members: readonly Agent[],
  ranges: readonly [number, number][],
  scale: number,
  action: CompiledAction,
  x: number,
  n: number,
  round: number,
): number {
  const arg = action.spec.args[0];
  const world: Values = { ...state.world };
  const moved = new Map<string, Values>();
  for (const [i, m] of members.entries()) {
    const [lo, hi] = ranges[i];
    const args = { [arg.name]: Math.min(hi, Math.max(lo, x)) };
    const all: Values = nameRecord();
    changesOf(state, m, action, args, contextOf(state, m, n, round, args, action), false, all);
    const moves = movesOf(all, m.id);
    for (const [q, d] of Object.entries(moves.world)) world[q] += scale * d;
    for (const [id, v] of moves.agents) {
      const sum = moved.get(id) ?? nameRecord();
      for (const [q, d] of Object.entries(v)) sum[q] = (sum[q] ?? 0) + d;
      moved.set(id, sum);
    }
  }
  const closed = closedWorld(state, world, n, round);
  const updated = new Set(state.compiled.agentUpdates.map((u) => u.quantity.name));
  let total = 0;
  // The close of the first few stands for the rest's (a per-head question).
  const counted = members.slice(0, AGREEMENT_MEMBERS);
  for (const m of counted) {
    const now = state.of(m.id);
    const after = closedAgent(state, agent, m.id, closed, n, round, moved);
    for (const [q, v] of Object.entries(after)) total += v - now[q];
    // A valued quantity no update touches keeps what the action gave it.
    for (const [q, d] of Object.entries(moved.get(m.id) ?? {})) {
      const quantity = state.agentQuantities.get(q);
      if (!updated.has(q) && quantity && valued(quantity)) total += d;
    }
  }
  return (total * members.length) / counted.length;
}

/** The amount of `action` the group does best with, or undefined when every amount does as well (or a rule fails). */
function bestAmount(
  state: WorldState,
  agent: Agent,
  members: readonly Agent[],
  scale: number,
  action: CompiledAction,
  n: number,
  round: number,
): number | undefined {
  const arg = action.spec.args[0];
  const ranges = members.map((m) => rangeOf(state, m, action, n, round));
  const [lo, hi] = ranges[0];
  if (!(hi > lo)) return undefined;
  let best: number | undefined,
    bestTotal = -Infinity,
    worst = Infinity;
  for (let k = 0; k < AGREEMENT_GRID; k++) {
    const raw = lo + ((hi - lo) * k) / (AGREEMENT_GRID - 1);
    const x = arg.integer ? Math.round(raw) : raw;
    const total = groupTotal(state, agent, members, ranges, scale, action, x, n, round);
    if (!Number.isFinite(total)) return undefined;
    worst = Math.min(worst, total);
    if (best === undefined || total > bestTotal + 1e-9 * Math.max(1, Math.abs(bestTotal))) {
      bestTotal = total;
      best = x;
    }
  }
  // A flat total (a transfer within the group) is no agreement about anything.
  return bestTotal - worst > 1e-9 * Math.max(1, Math.abs(bestTotal)) ? best : undefined;
}

/**
 * The amounts the agent's group does best with, per amount action offered (`offered`: the phase's
 * actions for the agent, all when undefined); empty when none has a best. The group is `peers`
 * and the agent; beyond EXPECTED_PEERS members a sample stands for the rest, as in expectedMoves.ts.
 */
export function groupBest(
  state: WorldState,
  agent: Agent,
  peers: Peers,
  phase: ActPhase | undefined,
  offered: readonly string[] | undefined,
  n: number,
  round: number,
): GroupBest[] {
  let c = cache.get(state);
  if (!c || c.revision !== state.revision || c.round !== round) {
    c = { revision: state.revision, round, byKey: new Map() };
    cache.set(state, c);
  }
  const group = state.matches?.groupOf(agent.id);
  const key = `${phase?.name ?? ''}\u0000${offered?.join('\u0001') ?? ''}\u0000${group ? group.join('\u0001') : ''}`;
  const hit = c.byKey.get(key);
  if (hit) return hit;
  const members = [agent, ...peers.agents.filter((p) => p.id !== agent.id).slice(0, EXPECTED_PEERS)];
  const scale = (peers.others + 1) / members.length;
  const out: GroupBest[] = [];
  try {
    for (const action of amountActions(state, offered)) {
      const amount = bestAmount(state, agent, members, scale, action, n, round);
      if (amount !== undefined) out.push({ action: action.spec.name, arg: action.spec.args[0].name, amount });
    }
  } catch {
    // A rule that fails for a member fails in its own turn, where it is reported: no agreement.
    out.length = 0;
  }
  c.byKey.set(key, out);
  return out;
}

/**
 * What an offline decider knows of its talks and their agreement: whom it talked with and how
 * long ago (talkedWith.ts), and, when it has talked with anyone lately, what its group does best
 * with. Nothing when the world has no amount to agree on.
 */
export function agreementFor(
  state: WorldState,
  agent: Agent,
  peers: Peers,
  phase: ActPhase | undefined,
  offered: readonly string[] | undefined,
  n: number,
  round: number,
): { talked: ReadonlyMap<string, number>; best: GroupBest[] } | undefined {
  if (!agreementPossible(state, offered)) return undefined;
  const talked = talkedWith(agent, round);
  if (!talked.size) return undefined;
  return { talked, best: groupBest(state, agent, peers, phase, offered, n, round) };
}

/** agreementFor in a phase of a run: the agent's peers are those it plays this phase with. */
export function agreementIn(
  world: PhaseContext,
  state: WorldState,
  agent: Agent,
  phase: ActPhase | undefined,
  offered: readonly string[] | undefined,
): ReturnType<typeof agreementFor> {
  const peers = peersOf(state, agent, world.agents, phase?.who, world.round);
  return agreementFor(state, agent, peers, phase, offered, world.agents.size, world.round);
}
