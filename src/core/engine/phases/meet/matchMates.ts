// `encounters.among: match`: an agent meets only its own match group (`matching:`), its partner in
// a pair, as players of a laboratory game talk with those they play with (pre-play communication:
// Sally 1995). Drawn at random among those present; an agent outside every group meets nobody.
import type { Agent } from '../../society/agent';
import type { Seed } from '../../society/encounters';
import type { Rng } from '../../../random/rng';
import type { PhaseContext } from '../context';

/** Up to `count` of the agent's match group present now (at its place, with places), in a random order. */
export function matchMates(world: PhaseContext, agent: Agent, rng: Rng, count: number): Seed[] {
  const group = world.state?.matches?.groupOf(agent.id) ?? [];
  const present = group.filter((id) => id !== agent.id && world.agents.has(id) && samePlace(world, agent.id, id));
  // Fisher–Yates on the stream of this agent's encounters: the same draw on a resumed run.
  for (let i = present.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [present[i], present[j]] = [present[j], present[i]];
  }
  return present.slice(0, count).map((id) => ({ id, agent: world.agents.get(id)!, via: 'random' as const }));
}

/** With places, whether two agents are at the same one (away, at none, meets nobody); without, always. */
function samePlace(world: PhaseContext, a: string, b: string): boolean {
  if (!world.places) return true;
  const at = world.places.placeOf(a);
  return at !== undefined && at === world.places.placeOf(b);
}

/** Whether the encounter policy lets `agent` meet `other`: anyone, or only its match group. */
export function mayMeet(world: PhaseContext, agent: Agent, other: string): boolean {
  if (world.settings.world.encounters.among !== 'match') return true;
  return world.state?.matches?.groupOf(agent.id)?.includes(other) ?? false;
}
