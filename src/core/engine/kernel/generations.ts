// Generations (`generations:`): at the end of every `every` rounds the least fit share of the
// agents leaves and as many children of the fittest join. Fitness is a declared agent quantity;
// ties in it are broken by id, so the same seed replaces the same agents. A child is its parent's
// persona with each trait varied (normal, sd `mutation`, clamped to 0..1), a fresh id and name,
// and the parent's latest advice and reflections as memories it starts with — what one generation
// passes to the next. Children start with the declared initial values, and no ties.
import { type Persona, TRAIT_NAMES } from '../../format';
import { stream } from '../../random/rng';
import type { Agent } from '../society/agent';
import { addAgent, removeAgent } from './membership';
import type { World } from './world';

const INHERITED_IMPORTANCE = 6;

/** Normal(0, 1) from two uniforms (Box–Muller). */
function normal(next: () => number): number {
  const u = Math.max(next(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * next());
}

/** The generation that ends with `round` (1 for the first), or 0 when none does. */
export function generationEnding(world: World, round: number): number {
  const g = world.state?.compiled.mechanics.generations;
  return g && round > 0 && round % g.every === 0 ? round / g.every : 0;
}

function childOf(world: World, parent: Agent, generation: number, k: number): Persona {
  const g = world.state!.compiled.mechanics.generations!;
  const rng = stream(world.seed, 'generation', generation, k);
  const traits = { ...parent.persona.traits };
  for (const t of TRAIT_NAMES) {
    traits[t] = Math.min(1, Math.max(0, traits[t] + g.mutation * normal(() => rng.next())));
  }
  const lessons = parent.memories
    .records()
    .filter((m) => m.kind === 'advice' || m.kind === 'reflection')
    .slice(-g.inherit)
    .map((m) => ({ text: `What ${parent.persona.name} taught me: ${m.text}`, importance: INHERITED_IMPORTANCE }));
  const { source: _source, relationships: _relationships, memories: _memories, ...rest } = parent.persona;
  let id = `${parent.id}_g${generation}`;
  for (let n = 2; world.agents.has(id); n++) id = `${parent.id}_g${generation}_${n}`;
  return {
    ...rest,
    id,
    name: `${parent.persona.name.replace(/ \(generation \d+\)$/, '')} (generation ${generation + 1})`,
    traits,
    memories: lessons,
    relationships: [],
  };
}

/** At a generation's end: the least fit leave, the children of the fittest join. */
export function nextGeneration(world: World): void {
  const generation = generationEnding(world, world.round);
  const state = world.state;
  const g = state?.compiled.mechanics.generations;
  // After the last round there is no next generation to make room for.
  if (!generation || !state || !g || world.round >= world.settings.world.rounds) return;
  if (!state.agentQuantities.has(g.fitness)) return; // validation names the missing quantity
  const ranked = [...world.agents.values()].sort(
    (a, b) => state.of(a.id)[g.fitness] - state.of(b.id)[g.fitness] || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  const count = g.replace > 0 ? Math.min(ranked.length - 1, Math.max(1, Math.round(g.replace * ranked.length))) : 0;
  if (count <= 0) return;
  const leaving = ranked.slice(0, count);
  const parents = ranked.slice(-count).reverse();
  const children = parents.map((p, k) => ({ persona: childOf(world, p, generation, k), parent: p.id }));
  for (const a of leaving) removeAgent(world, a.id, 'generation');
  for (const c of children) addAgent(world, c.persona, 'generation', world.forcedModel, undefined, c.parent);
}
