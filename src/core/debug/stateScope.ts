// What conditions, logpoints and the Debug Console can read: the step point (round, phase,
// agent, turn) and functions over the world (tie, reward, memories, …). Agents can be named by
// id, by id prefix ("maya" for maya_chen) or by first name, as people type them in a console.
import type { Simulation, StepPoint } from '../engine';
import type { Agent } from '../engine';
import type { ExpressionScope, Value } from './expression';
import { ExpressionError } from './expression';

export function resolveAgent(sim: Simulation, name: unknown): Agent {
  const key = String(name);
  const exact = sim.agent(key);
  if (exact) return exact;
  const found = namesOf(sim).get(key.toLowerCase()) ?? [];
  if (found.length === 1) return found[0];
  throw new ExpressionError(
    found.length ? `'${key}' is ambiguous: ${found.map((a) => a.id).join(', ')}` : `no agent '${key}'`,
  );
}

/**
 * The ways to name each agent, lower-cased: an id prefix ending at an underscore ("maya" and
 * "maya_chen" for maya_chen_2), the full name and the first name; agents in the world's order.
 * Built once per set of agents: a condition is evaluated at every step, and scanning 10,000
 * agents twice per `tie("maya", "diego")` made a conditional breakpoint stall a large run.
 */
function namesOf(sim: Simulation): Map<string, Agent[]> {
  const agents = sim.world.agents;
  const cached = nameIndexes.get(sim);
  if (cached && cached.membership === sim.world.membership) return cached.names;
  const names = new Map<string, Agent[]>();
  for (const a of agents.values()) {
    const keys = new Set<string>();
    const id = a.id.toLowerCase();
    for (let i = id.indexOf('_'); i > 0; i = id.indexOf('_', i + 1)) keys.add(id.slice(0, i));
    const full = a.persona.name.toLowerCase();
    keys.add(full);
    keys.add(full.split(/\s+/)[0]);
    for (const k of keys) {
      const list = names.get(k);
      if (list) list.push(a);
      else names.set(k, [a]);
    }
  }
  nameIndexes.set(sim, { membership: sim.world.membership, names });
  return names;
}
const nameIndexes = new WeakMap<Simulation, { membership: number; names: Map<string, Agent[]> }>();

export function stateScope(sim: Simulation, p: StepPoint | undefined): ExpressionScope {
  const w = sim.world;
  const agent = (x: Value): Agent => resolveAgent(sim, x);
  return {
    vars: {
      round: p?.round ?? w.round,
      phase: p?.kind === 'phase' ? (p.step ?? p.phase) : p?.kind === 'action' ? (p.step ?? 'world') : null,
      agent: p?.kind === 'phase' || p?.kind === 'action' ? p.agent : null,
      turn: p?.kind === 'phase' || p?.kind === 'action' ? p.turn : null,
      /** At the step point right after an action: its name. */
      action: p?.kind === 'action' ? p.action : null,
      step: p?.kind ?? null,
      rounds: sim.rounds,
      agents: w.agents.size,
      threshold: w.settings.ties.threshold,
    },
    fns: {
      /** Directed tie strength a → b, 0..1. */
      tie: (a, b) => w.ties.get(agent(a).id, agent(b).id),
      /** The agent's last total reward (0 before its first reward phase). */
      reward: (a) => agent(a).lastRewards?.total ?? 0,
      /** How many memories the agent holds. */
      memories: (a) => agent(a).memories.length,
      /** Conversations a has had with b. */
      met: (a, b) => w.meetings.get(agent(a).id, agent(b).id) ?? 0,
      /** b's last rating of a. */
      rating: (a, b) => w.ratings.get(agent(a).id, agent(b).id) ?? null,
      /** Ties from the agent at or above the threshold. */
      ties: (a) =>
        [...w.ties.outgoing(agent(a).id).values()].filter((t) => t.strength >= w.settings.ties.threshold).length,
      /** A declared world quantity (`state.world`), or an agent's (`state.agents`) when an agent is named: `quantity("fish")`, `quantity("catch", "ana")`. */
      quantity: (name, a) => {
        if (!w.state) throw new ExpressionError('this scenario declares no state');
        const key = String(name);
        const values = a === undefined ? w.state.world : w.state.of(agent(a).id);
        if (!(key in values)) {
          throw new ExpressionError(
            `no ${a === undefined ? 'world' : 'agent'} quantity '${key}' (${Object.keys(values).join(', ') || 'none declared'})`,
          );
        }
        return values[key];
      },
      /** With `matching:`, the id of the agent's partner this round (null when it has none): `partner("ana") == "bo"`. */
      partner: (a) => {
        if (!w.state?.matches) throw new ExpressionError('this scenario declares no matching');
        return w.state.matches.partnerOf(agent(a).id) ?? null;
      },
      /** Case-insensitive substring test, for logpoints over text. */
      contains: (s, part) => String(s).toLowerCase().includes(String(part).toLowerCase()),
    },
  };
}
