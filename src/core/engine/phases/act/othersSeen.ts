// The others as an acting agent sees them (ActRequest.others): their visible state, tie,
// conduct, the sanctions they took, their last action and amounts, how far ahead they are, and
// for offline deciders how long ago it talked with them (agreement.ts).
import type { ActRequest } from '../../../llm/types';

type ActDivision = NonNullable<ActRequest['others'][number]['division']>;
import { valued, type WorldState } from '../../society/worldState';
import type { PhaseContext } from '../context';
import { nameRecord } from '../../../text/nameRecord';
import { decisionWork } from './decisionWork';

/** How much was taken from another agent last round, when anything was. */
function pressureOn(state: WorldState, id: string): { pressure?: number } {
  const p = state.conduct.pressureOn(id);
  return p > 0 ? { pressure: p } : {};
}

function visible(state: WorldState, id: string): Record<string, number> {
  const values = state.of(id);
  const out: Record<string, number> = nameRecord();
  for (const [name, q] of state.agentQuantities) if (!q.hidden) out[name] = values[name];
  return out;
}

/** What agents want more of, summed: the valued agent quantities (tallies and categories left out). */
function holdings(state: WorldState, id: string): number {
  decisionWork.holdings++;
  const values = state.of(id);
  let sum = 0;
  for (const [name, q] of state.agentQuantities) if (valued(q)) sum += values[name];
  return sum;
}

/**
 * How far ahead of `me` the others are measured against: its holdings and the widest gap to any of
 * `others`. Worked out once per decider, not once per other seen — per other it made a decision
 * cost grow with the square of its group (issue 87).
 */
interface Yardstick {
  mine: number;
  widest: number;
}

function yardstickOf(state: WorldState, me: string, others: readonly string[]): Yardstick {
  const mine = holdings(state, me);
  let widest = 0;
  for (const o of others) widest = Math.max(widest, Math.abs(holdings(state, o) - mine));
  return { mine, widest };
}

/** Another agent's last action and how far ahead of `me` it is, relative to the widest gap among the others (−1..1). */
function lastAndAhead(
  state: WorldState,
  id: string,
  yardstick: Yardstick,
): { last?: string; last_args?: Record<string, Record<string, number>>; ahead?: number } {
  const last = state.conduct.lastActionOf(id);
  if (!last) return {};
  const numbers = state.conduct.lastArgsOf(id);
  const { mine, widest } = yardstick;
  return {
    last,
    ...(numbers ? { last_args: numbers } : {}),
    // −1..1: one outside the yardstick's range (an agent playing elsewhere) is at its end.
    ahead: widest > 0 ? Math.max(-1, Math.min(1, (holdings(state, id) - mine) / widest)) : 0,
  };
}

/** Another agent as `me` sees it when choosing: its visible state, tie, conduct, sanctions and last action. */
function otherSeen(
  world: PhaseContext,
  state: WorldState,
  me: string,
  id: string,
  yardstick: Yardstick,
  talked: ReadonlyMap<string, number> | undefined,
): ActRequest['others'][number] {
  return {
    id,
    name: world.agents.get(id)!.persona.name,
    ...(state.matches?.groupOf(me)?.includes(id) ? { matched: true as const } : {}),
    tie: world.ties.get(me, id),
    state: visible(state, id),
    ...state.conduct.seenIn(id, world.round),
    ...pressureOn(state, id),
    ...lastAndAhead(state, id, yardstick),
    ...(talked?.has(id) ? { talked: talked.get(id)! } : {}),
    ...divisionSeen(state, me, id),
  };
}

/** Another's latest division, or contribution to a common effort, as a third party sees it. */
export function divisionSeen(state: WorldState, me: string, id: string): { division?: ActDivision } {
  const d = state.conduct.divisionOf(id);
  if (d) return d.parties.includes(me) ? {} : { division: { amount: d.amount, fair: d.fair, breach: d.breach } };
  const e = state.conduct.effortOf(id);
  if (!e) return {};
  // Who took the same action in that round took part in the effort: no third party to it.
  const mine = state.conduct.effortOf(me);
  if (mine && mine.action === e.action && mine.round === e.round) return {};
  const group = state.matches?.groupOf(id);
  let sum = 0,
    n = 0;
  for (const [other, f] of state.conduct.allEfforts()) {
    if (other === id || f.action !== e.action || f.round !== e.round || (group && !group.includes(other))) continue;
    sum += f.amount;
    n++;
  }
  if (!n) return {};
  const fair = sum / n;
  const breach = fair > e.min ? Math.min(1, Math.max(0, (fair - e.amount) / (fair - e.min))) : 0;
  return { division: { amount: e.amount, fair, breach, effort: true } };
}

/**
 * The others as `me` sees them, its match group first; who is ahead is measured against its group
 * where it has one (agents playing elsewhere are no yardstick), else against those it may act on.
 */
export function seenOthers(
  world: PhaseContext,
  state: WorldState,
  me: string,
  shown: readonly string[],
  others: readonly string[],
  talked?: ReadonlyMap<string, number>,
): ActRequest['others'] {
  const group = state.matches?.groupOf(me)?.filter((id) => id !== me);
  const yardstick = yardstickOf(state, me, group?.length ? group : others);
  return matchedFirst(state, me, shown).map((id) => otherSeen(world, state, me, id, yardstick, talked));
}

/** With `matching:`, the agent's group (its partner) shown first: whom its `partner.` effects and reads are about. */
export function matchedFirst(state: WorldState, me: string, shown: readonly string[]): string[] {
  const group = state.matches?.groupOf(me)?.filter((id) => id !== me);
  return group?.length ? [...new Set([...group, ...shown])] : [...shown];
}
