// Population sampling: scenario.population groups → personas, drawn from seeded streams keyed by
// the generated id and the field, so changing one group never changes another group's agents.
import { DRIVERS, TRAIT_NAMES, type Distribution, type Persona, type PopulationGroup } from '../format/model';
import { stream, type Rng } from './rng';

const clamp01 = (x: number): number => (x < 0 ? 0 : x > 1 ? 1 : x);

/** One draw from a distribution, clamped to [min, max] (default 0..1). */
export function sample(d: Distribution | undefined, rng: Rng): number {
  if (d === undefined) return 0.5;
  if (typeof d === 'number') return d;
  if ('normal' in d) {
    const x = d.normal.mean + d.normal.sd * rng.normal();
    return Math.min(d.max ?? 1, Math.max(d.min ?? 0, x));
  }
  if ('uniform' in d) return d.uniform.min + (d.uniform.max - d.uniform.min) * rng.next();
  return rng.beta(d.beta.alpha, d.beta.beta);
}

/** The personas of one population group (ids `${id_prefix}${i}` for i = 1..count). */
export function samplePopulation(group: PopulationGroup, seed: number): Persona[] {
  const out: Persona[] = [];
  for (let i = 1; i <= group.count; i++) {
    const id = `${group.id_prefix}${i}`;
    const r = (field: string): Rng => stream(seed, 'population', group.group, id, field);
    const nameRng = r('name');
    const baseName = group.names.length ? nameRng.pick(group.names) : `${group.group} member`;
    const traits = {} as Persona['traits'];
    for (const t of TRAIT_NAMES) traits[t] = clamp01(sample(group.traits[t], r(`trait:${t}`)));
    const motivations = {} as Persona['motivations'];
    for (const d of DRIVERS) motivations[d] = clamp01(sample(group.motivations[d], r(`motivation:${d}`)));
    const pool = [...group.interests.pool];
    const interests: string[] = [];
    const ir = r('interests');
    while (interests.length < Math.min(group.interests.per_agent, pool.length)) interests.push(pool.splice(ir.int(pool.length), 1)[0]);
    out.push({
      id, name: `${baseName} ${i}`, occupation: group.occupations.length ? r('occupation').pick(group.occupations) : undefined,
      group: group.group, traits, interests, motivations, memories: [], relationships: [], model: group.model,
      source: group.source,
    });
  }
  return out;
}

/** Every persona of a scenario: written personas first, then sampled groups in order. */
export function allPersonas(personas: readonly Persona[], groups: readonly PopulationGroup[], seed: number): Persona[] {
  return [...personas, ...groups.flatMap((g) => samplePopulation(g, seed))];
}
