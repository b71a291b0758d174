// What a group ends the round with if every member does the same thing: each member's moves
// worked out from the action's declared effects (its amount clamped to the member's own range),
// the round closed by the declared updates (foresight.ts), and the members' valued quantities
// summed. The question agreement.ts asks for each way every member could act alike.
import type { Agent } from '../../society/agent';
import type { CompiledAction } from '../../society/compiledMechanics';
import { valued, type WorldState } from '../../society/worldState';
import { boundedArgs, changesOf, contextOf, movesOf } from './actionOptions';
import { closedAgent, closedWorld } from './foresight';
import { nameRecord } from '../../../text/nameRecord';

/**
 * Members whose close is worked out one by one (every member's moves are, up to EXPECTED_PEERS,
 * and the world's beyond scaled up to the group's size): a group's best is a per-head question,
 * and the first few of a group answer it as the whole would, at a fraction of the cost in a large one.
 */
export const AGREEMENT_MEMBERS = 8;

type Values = Record<string, number>;

/** A group acting alike: its members (the decider first), how far the world's changes are scaled up, the round. */
export interface Alike {
  state: WorldState;
  /** The decider: whose view of the others' quantities the close is worked out with. */
  agent: Agent;
  members: readonly Agent[];
  scale: number;
  n: number;
  round: number;
}

/** The range a member may choose `action`'s one amount in now (bounds written as expressions evaluated for it). */
export function rangeOf(g: Alike, m: Agent, action: CompiledAction): [number, number] {
  const arg = action.spec.args[0];
  const bounded = action.bounds ? boundedArgs(action, contextOf(g.state, m, g.n, g.round))?.[0] : undefined;
  const spec = bounded ?? arg;
  const lo = spec.min ?? 0;
  return [lo, spec.max ?? lo + 1];
}

/**
 * The group's summed change in valued quantities by the close if every member took `action`
 * (with `x` in its one number argument, clamped to each member's `ranges`, when it has one).
 */
export function groupTotal(g: Alike, action: CompiledAction, x?: number, ranges?: readonly [number, number][]): number {
  const { state, n, round } = g;
  const arg = action.spec.args[0];
  const world: Values = { ...state.world };
  const moved = new Map<string, Values>();
  for (const [i, m] of g.members.entries()) {
    const args: Record<string, number> = nameRecord();
    if (arg && x !== undefined && ranges) args[arg.name] = Math.min(ranges[i][1], Math.max(ranges[i][0], x));
    const all: Values = nameRecord();
    changesOf(state, m, action, args, contextOf(state, m, n, round, args, action), false, all);
    const moves = movesOf(all, m.id);
    for (const [q, d] of Object.entries(moves.world)) world[q] += g.scale * d;
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
  const counted = g.members.slice(0, AGREEMENT_MEMBERS);
  for (const m of counted) {
    const now = state.of(m.id);
    const after = closedAgent(state, g.agent, m.id, closed, n, round, moved);
    for (const [q, v] of Object.entries(after)) total += v - now[q];
    // A valued quantity no update touches keeps what the action gave it.
    for (const [q, d] of Object.entries(moved.get(m.id) ?? {})) {
      const quantity = state.agentQuantities.get(q);
      if (!updated.has(q) && quantity && valued(quantity)) total += d;
    }
  }
  return (total * g.members.length) / counted.length;
}
