// The agents an agent may name in an agent argument: its strongest ties, then others at random,
// TARGETS_OFFERED in all. An argument with a `where` (candidates.ts) draws the same way from those
// who qualify, on a random stream of its own, so the unconditioned draw is what it always was.
import { stream } from '../../../random/rng';
import type { Agent } from '../../society/agent';
import type { PhaseContext } from '../context';

/** Agents an agent may name in an agent argument: its strongest ties, then others at random. */
export const TARGETS_OFFERED = 6;

/** Up to TARGETS_OFFERED others meeting `eligible`: strongest ties first, then at random. */
export function drawTargets(
  world: PhaseContext,
  agent: Agent,
  eligible: (id: string) => boolean = () => true,
  /** The conditioned argument (action, argument): its own random stream; none for the unconditioned draw. */
  key: readonly string[] = [],
): string[] {
  const tied = [...world.ties.outgoing(agent.id)]
    .filter(([id]) => world.agents.has(id) && (!key.length || (id !== agent.id && eligible(id))))
    .sort((x, y) => y[1].strength - x[1].strength || (x[0] < y[0] ? -1 : 1))
    .slice(0, TARGETS_OFFERED)
    .map(([id]) => id);
  const out = new Set(tied);
  const rest = [...world.agents.keys()].filter((id) => id !== agent.id && !out.has(id));
  const rng = stream(world.seed, 'agent', agent.id, 'targets', world.round, ...key);
  while (out.size < TARGETS_OFFERED && rest.length) {
    const id = rest.splice(rng.int(rest.length), 1)[0];
    if (!key.length || eligible(id)) out.add(id);
  }
  return [...out];
}
