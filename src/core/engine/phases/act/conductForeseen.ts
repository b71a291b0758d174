// Conduct through the world's mechanics: an action's footprint on the others (conduct.ts) counts
// what it changes in them at once, and — worked out here at the phase's end, once everyone's
// choices are in — what it brings or costs them at the round's close through the declared
// updates (a contribution paid out by an `update`, an appropriation that crowds a shared pool).
// Worked out leave-one-out: the close with everything applied against the close without this
// agent's changes, so it weighs each action against what the others actually did. Without it a
// contribution written the natural way is no conduct, and sanctions fall on the low contributors
// only by chance.
import type { Agent } from '../../society/agent';
import { valued, type WorldState } from '../../society/worldState';
import { FORESEEN_AGENTS, Foresight } from './foresight';
import { movesOf } from './actionOptions';
import { nameRecord } from '../../../text/nameRecord';

export function addForeseenConduct(
  state: WorldState,
  agents: ReadonlyMap<string, Agent>,
  n: number,
  round: number,
): void {
  if (!Foresight.possible(state)) return;
  // Foresight reads the first FORESEEN_AGENTS others: listed once, not every agent per actor.
  const firstAgents = [...agents.keys()].slice(0, FORESEEN_AGENTS + 1);
  for (const [id, applied] of state.conduct.phaseChanges()) {
    const agent = agents.get(id);
    if (!agent) continue;
    const undo: Record<string, number> = nameRecord();
    for (const [key, [before, after]] of Object.entries(applied)) {
      const owner = key.slice(0, key.indexOf('.'));
      if (owner !== 'world' && !agents.has(owner)) continue;
      if (after !== before) undo[key.startsWith(`${id}.`) ? `me${key.slice(id.length)}` : key] = before - after;
    }
    if (!Object.keys(undo).length) continue;
    const peers = state.matches?.groupOf(id) ?? firstAgents;
    const without = new Foresight(state, agent, peers, n, round).of(movesOf(undo, id));
    if (!without) continue;
    let footprint = 0;
    for (const [key, x] of Object.entries(without)) {
      if (key.startsWith('me.')) continue;
      const q = key.slice(key.indexOf('.') + 1);
      const quantity = state.agentQuantities.get(q);
      // What the others would lose (or gain) without the action is what it brings (costs) them.
      if (quantity && valued(quantity)) footprint -= x;
    }
    state.conduct.addForeseen(id, footprint);
  }
}
