// Round 0's world: every persona (declared and sampled) joins, relationships become ties, and a
// world with declared state shows where it starts.
import { allPersonas } from '../society/population';
import { addAgent, linkRelationships } from './membership';
import type { World } from './world';

/** Round 0's `round_start`, then the run's first agents join, with their relationships and starting state. */
export function populate(w: World, model: string | undefined): void {
  const personas = allPersonas(w.scenario.personas, w.scenario.population, w.seed);
  w.emit({ type: 'round_start', round: 0, agents: personas.length });
  const names = new Map(personas.map((p) => [p.id, p.name]));
  for (const p of personas) addAgent(w, p, 'initial', model, names);
  linkRelationships(w, personas);
  if (w.state) {
    for (const p of personas) w.state.of(p.id);
    // As every round's end: a scenario with actions or feeds but no quantity has no state to show.
    if (w.state.hasQuantities) w.emit(w.state.stateEvent(0));
  }
}
