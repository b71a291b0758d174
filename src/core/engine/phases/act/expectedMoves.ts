// What an agent expects the others it plays with to do in this phase, before they do it: in a
// simultaneous phase their choices are not in the state yet, and an agent that foresaw its
// return as if nobody else put anything in a shared pool would overrun it (a common pool's
// payout falls with what everyone invests). Beliefs are adaptive: what each did the last time it
// took the action, drawn toward a prior (the middle of each amount's range: the equal split
// people expect) by BELIEF_DAMPING — people's beliefs about others' contributions move toward
// what they saw, not all the way (Fischbacher & Gächter 2010; Cheung & Friedman 1997). Before
// anyone has acted the prior alone. Between actions likewise: the one each took last time is the
// likelier, drawn toward even odds; before any history, even odds (a partner in a dilemma is as
// likely to cooperate as not). Only actions whose arguments are all numbers (or none) are
// foreseen: whom another will name is not guessed. The others are the agent's match group, else
// everyone the phase lets act; those who have already acted in this phase are in the state.
// A belief is a distribution, not a point (issue 85): expectedMoves at `z` gives the peers' moves
// that many SDs of their total from its mean (beliefSpread.ts weighs the close over them).
import type { Agent } from '../../society/agent';
import type { CompiledAction } from '../../society/compiledMechanics';
import { valued, type WorldState } from '../../society/worldState';
import { boundedArgs, changesOf, contextOf, movesOf } from './actionOptions';
import type { Moves } from './foresight';
import { nameRecord } from '../../../text/nameRecord';
import { phaseActionsFor, type ActPhase } from '../../../format';

/** The weight of the prior (the middle of the range) in a belief about another's amount. */
export const BELIEF_DAMPING = 0.3;

/** Others whose moves are worked out one by one; beyond, a sample's world changes stand for the rest. */
export const EXPECTED_PEERS = 32;

/**
 * The amounts a peer is expected to put in `action`'s number arguments: its last, damped toward the
 * middle; `z` standard deviations of the belief away from that (0: the mean). The belief's spread
 * follows from how it is made: the prior is the whole range (uniform: SD range/√12), and a belief
 * after a move seen keeps BELIEF_DAMPING of the prior's uncertainty.
 */
function expectedArgs(
  state: WorldState,
  peer: Agent,
  action: CompiledAction,
  context: ReturnType<typeof contextOf>,
  z: number,
): Record<string, number> {
  const specs = (action.bounds ? boundedArgs(action, context) : undefined) ?? action.spec.args;
  const seen = state.conduct.lastArgsOf(peer.id)?.[action.spec.name];
  const args: Record<string, number> = nameRecord();
  for (const arg of specs) {
    const lo = arg.min ?? 0,
      hi = arg.max ?? lo + 1;
    const prior = (lo + hi) / 2;
    const did = seen?.[arg.name];
    const mean = did === undefined ? prior : BELIEF_DAMPING * prior + (1 - BELIEF_DAMPING) * did;
    const sd = ((hi - lo) / Math.sqrt(12)) * (did === undefined ? 1 : BELIEF_DAMPING);
    const x = mean + z * sd;
    const clamped = Math.min(hi, Math.max(lo, x));
    args[arg.name] = arg.integer ? Math.round(clamped) : clamped;
  }
  return args;
}

/**
 * What a peer is expected to do among `actions` (those on offer to it now): each action with the
 * probability the agent gives it — the one it last took among them (1 − BELIEF_DAMPING), the rest
 * spread evenly over all; with no history, even odds — and its expected amounts.
 */
function expectedChoices(
  state: WorldState,
  peer: Agent,
  actions: readonly CompiledAction[],
  n: number,
  round: number,
  z: number,
): { action: CompiledAction; args: Record<string, number>; p: number }[] {
  const context = contextOf(state, peer, n, round);
  const open = actions.filter((a) => !a.when || a.when(context) === true);
  if (!open.length) return [];
  const last = state.conduct.lastActionOf(peer.id);
  const lastArgs = state.conduct.lastArgsOf(peer.id);
  // The one it last took among these: its last action, else the last amount action it took.
  const took =
    open.find((a) => a.spec.name === last) ?? [...open].reverse().find((a) => lastArgs?.[a.spec.name] !== undefined);
  return open.map((action) => ({
    action,
    args: expectedArgs(state, peer, action, context, z),
    p: took ? (action === took ? 1 - BELIEF_DAMPING : 0) + BELIEF_DAMPING / open.length : 1 / open.length,
  }));
}

/** A peer's expected changes (`me.q` for its own, as changesOf keys them), or null when none or failing. */
function peerChanges(
  state: WorldState,
  peer: Agent,
  actions: readonly CompiledAction[],
  n: number,
  round: number,
  z: number,
): Record<string, number> | null {
  const all: Record<string, number> = nameRecord();
  try {
    for (const { action, args, p } of expectedChoices(state, peer, actions, n, round, z)) {
      const changes: Record<string, number> = nameRecord();
      changesOf(state, peer, action, args, contextOf(state, peer, n, round, args, action), false, changes);
      for (const [key, x] of Object.entries(changes)) all[key] = (all[key] ?? 0) + p * x;
    }
  } catch {
    // An expression that fails for a peer fails in its own turn, where it is reported.
    return null;
  }
  return Object.keys(all).length ? all : null;
}

/**
 * Each peer's expected changes, shared by every decider of the phase while the state stands still
 * (a simultaneous phase: everyone chooses against the same state), so each is worked out once.
 * A peer's actions follow from the phase and its own group, so the phase keys the cache.
 */
const peerCaches = new WeakMap<
  WorldState,
  { revision: number; round: number; phase: ActPhase | undefined; byPeer: Map<string, Moves | null> }
>();

function peerCache(state: WorldState, round: number, phase: ActPhase | undefined): Map<string, Moves | null> {
  let c = peerCaches.get(state);
  if (!c || c.revision !== state.revision || c.round !== round || c.phase !== phase) {
    c = { revision: state.revision, round, phase, byPeer: new Map() };
    peerCaches.set(state, c);
  }
  return c.byPeer;
}

/** The amount actions (every argument a number, or none) the phase offers an agent: by its group where the phase says so. */
function amountActions(state: WorldState, phase: ActPhase | undefined, who: Agent): CompiledAction[] {
  const offered = phase ? phaseActionsFor(phase, who.persona.group) : undefined;
  return state.compiled.actions.filter(
    (c) => (!offered || offered.includes(c.spec.name)) && c.spec.args.every((a) => a.type === 'number'),
  );
}

/** A peer's expected moves this phase (at `z`), worked out once per state and phase; null when it is expected to make none. */
function movesOfPeer(
  state: WorldState,
  phase: ActPhase | undefined,
  peer: Agent,
  n: number,
  round: number,
  z: number,
): Moves | null {
  const cache = peerCache(state, round, phase);
  const key = z ? `${peer.id}\u0000${z}` : peer.id;
  let moves = cache.get(key);
  if (moves === undefined) {
    const actions = amountActions(state, phase, peer);
    const all = actions.length ? peerChanges(state, peer, actions, n, round, z) : null;
    moves = all ? movesOf(all, peer.id) : null;
    cache.set(key, moves);
  }
  return moves;
}

/**
 * The changes the agent expects its peers to make in this phase (by owner), or undefined when it
 * expects none: no amount action on offer to them, or every peer has acted. Each peer is foreseen
 * with the actions the phase offers it (a responder does not propose in the proposers' phase).
 * `z`: the peers' total that many SDs of the belief from its mean. Each peer is believed to
 * choose independently of the others, so the total's SD is √m times a peer's (m peers yet to act),
 * and the total is put there by moving each of them z/√m of its own SD (beliefSpread.ts).
 */
export function expectedMoves(
  state: WorldState,
  agent: Agent,
  peers: Peers,
  phase: ActPhase | undefined,
  n: number,
  round: number,
  z = 0,
): Moves | undefined {
  if (!state.compiled.actions.some((c) => c.spec.args.every((a) => a.type === 'number'))) return undefined;
  // The first EXPECTED_PEERS who have not acted. How many have not is counted, not listed: every
  // agent acting in this phase is a peer unless the agent has a match group (small: filtered).
  const sample: Agent[] = [];
  for (const p of peers.agents) {
    if (p.id === agent.id || state.conduct.actedThisPhase(p.id)) continue;
    sample.push(p);
    if (sample.length === EXPECTED_PEERS) break;
  }
  if (!sample.length) return undefined;
  const others = peers.others;
  const acted = state.matches?.groupOf(agent.id)
    ? peers.agents.filter((p) => state.conduct.actedThisPhase(p.id)).length
    : state.conduct.actedCount();
  // The rest are taken to do, to the world, what the sample does on average.
  const yet = Math.max(sample.length, others - acted);
  const scale = yet / sample.length;
  const each = z / Math.sqrt(yet);
  const out: Moves = { world: nameRecord(), agents: new Map() };
  let any = false;
  for (const peer of sample) {
    const moves = movesOfPeer(state, phase, peer, n, round, each);
    if (!moves) continue;
    for (const [q, x] of Object.entries(moves.world)) out.world[q] = (out.world[q] ?? 0) + scale * x;
    for (const [id, values] of moves.agents) {
      const v = out.agents.get(id) ?? nameRecord();
      for (const [q, x] of Object.entries(values)) v[q] = (v[q] ?? 0) + x;
      out.agents.set(id, v);
    }
    any = true;
  }
  return any ? out : undefined;
}

/** The agents an agent plays this phase with (itself among them where the phase lets it act), and how many others. */
export interface Peers {
  agents: readonly Agent[];
  others: number;
}

/** The agents `agent` plays this phase with: its match group, else every agent the phase lets act. */
export function peersOf(
  state: WorldState,
  agent: Agent,
  agents: ReadonlyMap<string, Agent>,
  who: readonly string[] | undefined,
  round: number,
): Peers {
  const group = state.matches?.groupOf(agent.id);
  if (group) {
    const mates = group.filter((id) => id !== agent.id && agents.has(id)).map((id) => agents.get(id)!);
    return { agents: mates, others: mates.length };
  }
  // Everyone the phase lets act, listed once per round and phase (the deciders share it).
  const key = who?.join('\u0000') ?? '';
  let byWho = eligible.get(agents);
  if (!byWho || byWho.size !== agents.size || byWho.round !== round) {
    byWho = { size: agents.size, round, lists: new Map() };
    eligible.set(agents, byWho);
  }
  let list = byWho.lists.get(key);
  if (!list) {
    list = [...agents.values()].filter((a) => !who || who.includes(a.persona.group ?? ''));
    byWho.lists.set(key, list);
  }
  // Whether the agent is in the list follows from its group, without a walk along it.
  const self = !who || who.includes(agent.persona.group ?? '') ? 1 : 0;
  return { agents: list, others: list.length - self };
}

/** The agents each phase's `who` lets act (the agent itself among them), per agents map and round. */
const eligible = new WeakMap<
  ReadonlyMap<string, Agent>,
  { size: number; round: number; lists: Map<string, Agent[]> }
>();

/** The expected moves' changes to valued agent quantities, keyed `me.q` / `<id>.q` (for worlds without updates). */
export function expectedChanges(state: WorldState, agent: Agent, moves: Moves | undefined): Record<string, number> {
  const out: Record<string, number> = nameRecord();
  for (const [id, values] of moves?.agents ?? []) {
    for (const [q, x] of Object.entries(values)) {
      const quantity = state.agentQuantities.get(q);
      if (quantity && valued(quantity) && x) out[`${id === agent.id ? 'me' : id}.${q}`] = x;
    }
  }
  return out;
}
