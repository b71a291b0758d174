// The acting agent as an expression's `me` reads it (effects, `when`s, updates, foresight).
import type { Agent } from '../../society/agent';
import type { WorldState } from '../../society/worldState';

/**
 * The acting agent as `me` reads it: its id and group (as a filter's `me` does, so a `when`, an
 * effect and an update read them too), then its values.
 */
export function actorView(state: WorldState, agent: Agent): Record<string, number> {
  return { id: agent.persona.id, group: agent.persona.group ?? '', ...state.view(agent.id) } as unknown as Record<
    string,
    number
  >;
}
