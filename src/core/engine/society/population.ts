// Population sampling: scenario.population groups → personas, drawn from seeded streams keyed by
// the generated id and the field, so changing one group never changes another group's agents.
import { type Distribution, type Persona, type PopulationGroup, UNDECLARED_WEIGHT } from '../../format';
import { driverRecord, traitRecord } from './fixedRecords';
import { stream, type Rng } from '../../random/rng';
import { applyCensus, censusMembers } from './censusPersona';
import { nameRecord } from '../../text/nameRecord';

/**
 * A sampled member's seed memories and relationships: none, and one frozen empty list for all
 * (two empty arrays a member are ≈ 64 MB at a million); nothing adds to a persona's lists.
 */
const NONE = Object.freeze([]) as readonly never[] as never[];

const clamp01 = (x: number): number => (x < 0 ? 0 : x > 1 ? 1 : x);

/**
 * One draw from a distribution, clipped to its `min`/`max` (default 0..1) whatever the family:
 * docs/format.md "Distribution" — `normal`, `uniform` or `beta`, optionally clipped with `min`/`max`.
 */
export function sample(d: Distribution | undefined, rng: Rng): number {
  if (d === undefined) return UNDECLARED_WEIGHT;
  if (typeof d === 'number') return d;
  const x =
    'normal' in d
      ? d.normal.mean + d.normal.sd * rng.normal()
      : 'uniform' in d
        ? d.uniform.min + (d.uniform.max - d.uniform.min) * rng.next()
        : rng.beta(d.beta.alpha, d.beta.beta);
  return Math.min(d.max ?? 1, Math.max(d.min ?? 0, x));
}

/**
 * `count` distinct items of `pool` (all of them when it has fewer), drawn without replacement from
 * the agent's own stream. The first draws are those of a shorter list, so raising `per_agent`
 * only appends.
 */
export function drawDistinct<T>(pool: readonly T[], count: number, rng: Rng): T[] {
  const left = [...pool];
  const want = Math.max(0, Math.min(count, left.length));
  // Filled in place: an array grown by push keeps room for 16 more, and every persona keeps its draw.
  const out: T[] = new Array<T>(want);
  for (let i = 0; i < want; i++) out[i] = left.splice(rng.int(left.length), 1)[0];
  return out;
}

/**
 * The first names of a group's `count` members, in member order: drawn without replacement from
 * the distinct `names`, so every name is given once before any is given twice (24 names for 24
 * members name each once; 48 members, each twice). One stream per group: raising `count` only
 * appends names, and another group's names never change.
 */
export function drawFirstNames(names: readonly string[], count: number, rng: Rng): string[] {
  const pool = [...new Set(names)];
  const out: string[] = [];
  // A Fisher–Yates shuffle of the pool, one round of names after another (linear in `count`).
  while (pool.length && out.length < count) {
    for (let i = 0; i < pool.length && out.length < count; i++) {
      const j = i + rng.int(pool.length - i);
      [pool[i], pool[j]] = [pool[j], pool[i]];
      out.push(pool[i]);
    }
  }
  return out;
}

/**
 * The personas of one population group (ids `${id_prefix}${i}` for i = 1..count). Names: a first
 * name (drawFirstNames) and the member's number (`Ana 12`); with `surnames`, a first and a drawn
 * family name (`Ana Okafor`), another family name where the group already has that name, and a
 * number only when none is left; a bare number after a first name reads like a count. The family
 * name has its own stream: adding surnames changes no other draw.
 */
export function samplePopulation(group: PopulationGroup, seed: number): Persona[] {
  const out: Persona[] = [];
  const surnames = group.surnames ?? [];
  const named = new Set<string>();
  const firstNames = drawFirstNames(group.names, group.count, stream(seed, 'population', group.group, 'names'));
  // Census tables: each member's cell, drawn up front; other fields are drawn as for any group.
  const census = censusMembers(group, seed);
  for (let i = 1; i <= group.count; i++) {
    const id = `${group.id_prefix}${i}`;
    const r = (field: string): Rng => stream(seed, 'population', group.group, id, field);
    const baseName = firstNames[i - 1] ?? `${group.group} member`;
    let name = `${baseName} ${i}`;
    if (surnames.length) {
      // Another family name while the drawn one is taken (as many tries as there are names).
      const surnameRng = r('surname');
      let full = `${baseName} ${surnameRng.pick(surnames)}`;
      for (let tries = 1; named.has(full) && tries < surnames.length; tries++) {
        full = `${baseName} ${surnameRng.pick(surnames)}`;
      }
      // Random tries can miss a family name still free: every one is tried before a number is
      // (a number appeared while the lists had combinations left, issue 73).
      const free = named.has(full) ? surnames.find((s) => !named.has(`${baseName} ${s}`)) : undefined;
      if (free !== undefined) full = `${baseName} ${free}`;
      name = named.has(full) ? `${full} ${i}` : full;
      named.add(name);
    }
    const traits = traitRecord((t) => clamp01(sample(group.traits[t], r(`trait:${t}`))));
    const motivations = driverRecord((d) => clamp01(sample(group.motivations[d], r(`motivation:${d}`))));
    // min(per_agent, pool size) distinct interests. (The bound used to shrink with the pool as it
    // was drawn from, so a pool of 4 and per_agent 3 gave 2; draws that were complete are unchanged.)
    const interests = drawDistinct(group.interests.pool, group.interests.per_agent, r('interests'));
    const persona: Persona = {
      id,
      name,
      occupation: group.occupations.length ? r('occupation').pick(group.occupations) : undefined,
      group: group.group,
      traits,
      interests,
      motivations,
      memories: NONE,
      relationships: NONE,
      model: group.model,
      source: group.source,
      ...(group.state ? { state: sampleState(group.state, r) } : {}),
    };
    if (census && group.census?.data) applyCensus(persona, census[i - 1], group.census.data, r);
    out.push(persona);
  }
  return out;
}

/**
 * A member's starting quantity values: constants as written, distributions drawn from the member's
 * own stream per quantity (`state:<name>`), so adding one quantity changes no other draw. Clipped
 * only by the distribution's own `min`/`max`: the quantity's bounds apply when the agent joins.
 */
function sampleState(state: Record<string, Distribution>, r: (field: string) => Rng): Record<string, number> {
  const out: Record<string, number> = nameRecord();
  for (const [name, d] of Object.entries(state)) {
    out[name] = typeof d === 'number' ? d : sample({ min: -Infinity, max: Infinity, ...d }, r(`state:${name}`));
  }
  return out;
}

/** Every persona of a scenario: written personas first, then sampled groups in order. */
export function allPersonas(personas: readonly Persona[], groups: readonly PopulationGroup[], seed: number): Persona[] {
  return [...personas, ...groups.flatMap((g) => samplePopulation(g, seed))];
}
