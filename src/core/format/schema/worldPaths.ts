// Parameter paths that change what a society is made of rather than how it runs: a declared
// quantity (`state.world.fish.initial`, `state.agents.<q>.min|max|update`) or a field of a
// population group (`population.fishers.traits.agreeableness`). Which names such a path may use,
// and what is said when it uses another, live here so that the editor (checks/parameterPaths.ts, SOC054) and
// the experiment that applies them (experiment/worldOverrides.ts) say the same thing.
import { didYouMean } from '../model/suggest';

/** The fields of a declared quantity a condition may set: the one list the path, its checks and completion read. */
export const QUANTITY_FIELDS = ['initial', 'min', 'max', 'update', 'worth_usd'] as const;
export type QuantityField = (typeof QUANTITY_FIELDS)[number];

export const STATE_PATH = new RegExp(
  `^state\\.(world|agents)\\.([A-Za-z_][A-Za-z0-9_]*)\\.(${QUANTITY_FIELDS.join('|')})$`,
);
export const POPULATION_PATH = /^population\.([^.]+)\.([a-z_]+(?:\.[a-z_]+)*)$/;

export type WorldPath =
  | { kind: 'state'; side: 'world' | 'agents'; name: string; field: QuantityField }
  | { kind: 'population'; group: string; rest: string };

/** What `path` sets, when it is a quantity's or a population group's (else undefined: a run setting). */
export function parseWorldPath(path: string): WorldPath | undefined {
  const state = STATE_PATH.exec(path);
  if (state) {
    return { kind: 'state', side: state[1] as 'world' | 'agents', name: state[2], field: state[3] as QuantityField };
  }
  const population = POPULATION_PATH.exec(path);
  return population ? { kind: 'population', group: population[1], rest: population[2] } : undefined;
}

/** Whether `path` is one of these (else it is a run setting: settings.ts applySet). */
export function isWorldOverride(path: string): boolean {
  return parseWorldPath(path) !== undefined;
}

/** The names a scenario declares: its world and agent quantities and its population groups. */
export interface WorldNames {
  world: readonly string[];
  agents: readonly string[];
  groups: readonly string[];
}

/** A world path naming something the scenario does not declare. */
export interface UnknownWorldName {
  message: string;
  /** The path with the closest declared name in place of the wrong one, when one is close. */
  suggestion?: string;
}

/**
 * Why `path` names a quantity or a population group the scenario does not declare, with the
 * declared ones and the nearest of them; undefined when it names a declared one (or is no world path).
 */
export function unknownWorldName(path: string, names: WorldNames): UnknownWorldName | undefined {
  const p = parseWorldPath(path);
  if (!p) return undefined;
  const [what, name, known, listed, where] =
    p.kind === 'state'
      ? ['quantity', p.name, names[p.side], `state.${p.side}`, `state.${p.side}`]
      : ['population group', p.group, names.groups, 'groups', 'population'];
  if (known.includes(name)) return undefined;
  const near = didYouMean(name, known);
  const suggestion =
    near === undefined
      ? undefined
      : p.kind === 'state'
        ? `state.${p.side}.${near}.${p.field}`
        : `population.${near}.${p.rest}`;
  const declared = known.length ? ` (${listed}: ${known.join(', ')})` : ` (none declared in ${where})`;
  return {
    // Capitalised, and the did-you-mean before the list: the Problems panel cuts a long line's end.
    message: suggestion
      ? `Unknown ${what} '${name}' in '${path}'. Did you mean '${suggestion}'?${declared}`
      : `Unknown ${what} '${name}' in '${path}'${declared}`,
    ...(suggestion ? { suggestion } : {}),
  };
}

/** The names a scenario document declares, read tolerantly from its raw value (it may have errors). */
export function worldNamesOf(doc: unknown): WorldNames {
  const obj = (v: unknown): Record<string, unknown> =>
    v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
  const state = obj(obj(doc).state);
  const population = obj(doc).population;
  return {
    world: Object.keys(obj(state.world)),
    agents: Object.keys(obj(state.agents)),
    groups: (Array.isArray(population) ? population : [])
      .map((g) => obj(g).group)
      .filter((g): g is string => typeof g === 'string'),
  };
}
