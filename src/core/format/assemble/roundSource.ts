// The declared round of a scenario as the editor reads it (issue 34, `round:`): tolerantly, from the
// raw value — each phase with its name, whether it is a built-in stage, and where its name is
// written — and the population groups a phase's `who` may name, with how many agents each has.
import type { PathSegment } from '../syntax/parse';
import { BUILTIN_PHASES, type BuiltinPhase } from '../model/mechanics';
import type { PhaseWhen } from './mechanicsSource';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => !!v && typeof v === 'object' && !Array.isArray(v);

/** What each built-in stage of the friend-making loop does. */
export const BUILTIN_MEANING: Record<BuiltinPhase, string> = {
  meet: 'agents choose partners and talk: the conversations of the round',
  evaluate: 'the conversations `meet` held are rated, and ties move with the ratings',
  learn: 'rewards, coaching and reflection',
};

/** The fields only a phase of actions takes: a built-in stage takes `when` alone. */
export const ACT_FIELDS = ['actions', 'order', 'who', 'reads'] as const;

export const isBuiltin = (name: unknown): name is BuiltinPhase =>
  typeof name === 'string' && (BUILTIN_PHASES as readonly string[]).includes(name);

/** One item of `round:`. */
export interface PhaseEntry {
  index: number;
  /** The phase's name, undefined when it is not a string. */
  name?: string;
  /** Where the name is written: the item itself (`- meet`) or its `phase:`. */
  namePath: PathSegment[];
  builtin: boolean;
  /** The item's mapping; empty for a name alone. */
  fields: Obj;
}

/** The phases of `round:`, undefined when the scenario declares no round. Never throws. */
export function readPhases(v: unknown): PhaseEntry[] | undefined {
  if (!isObj(v) || !Array.isArray(v.round)) return undefined;
  return v.round.map((item: unknown, index): PhaseEntry => {
    const fields = isObj(item) ? item : {};
    const written = isObj(item) ? item.phase : item;
    return {
      index,
      ...(typeof written === 'string' ? { name: written } : {}),
      namePath: isObj(item) ? ['round', index, 'phase'] : ['round', index],
      builtin: isBuiltin(written),
      fields,
    };
  });
}

/** A phase in words, for messages: its name, or its place in `round` when it has none. */
export const phaseLabel = (p: PhaseEntry): string => p.name ?? `round[${p.index}]`;

/** The string items of a list (with their index), none when it is not a list. */
export function stringItems(list: unknown): { value: string; index: number }[] {
  if (!Array.isArray(list)) return [];
  return list.flatMap((value: unknown, index) => (typeof value === 'string' ? [{ value, index }] : []));
}

/** A phase's `actions`, listed or by group (`{ group: [...] }`): each name with the path under the field. */
export function actionItems(actions: unknown): { value: string; at: (string | number)[]; group?: string }[] {
  if (Array.isArray(actions)) return stringItems(actions).map(({ value, index }) => ({ value, at: [index] }));
  if (!actions || typeof actions !== 'object') return [];
  return Object.entries(actions).flatMap(([group, list]) =>
    stringItems(list).map(({ value, index }) => ({ value, at: [group, index], group })),
  );
}

/** The phases' `when`s written as strings, for the expression checks. */
export function phaseWhens(phases: readonly PhaseEntry[] | undefined): PhaseWhen[] {
  return (phases ?? []).flatMap((p) =>
    typeof p.fields.when === 'string' ? [{ index: p.index, name: phaseLabel(p), when: p.fields.when }] : [],
  );
}

/** A persona as the checks see it: its raw value, and whether an event adds it later. */
export interface PersonaLike {
  raw: unknown;
  addedAt?: number;
}

/** The personas written in the scenario itself (its inline ones and those its events add). */
export function ownPersonas(v: Obj): PersonaLike[] {
  const inline = (Array.isArray(v.personas) ? v.personas : []).filter((p) => isObj(p) && !('include' in p));
  const added = (Array.isArray(v.events) ? v.events : []).flatMap((e: unknown) =>
    isObj(e) && Array.isArray(e.add) ? e.add.map((raw: unknown) => ({ raw, addedAt: Number(e.at) })) : [],
  );
  return [...inline.map((raw: unknown) => ({ raw })), ...added];
}

/**
 * The groups `who` may name — population groups and personas' `group` — with how many agents are
 * ever in each (a population group's count, its personas, those events add). `personas`: every
 * persona the scenario brings in (included ones too); without them, those written in the scenario.
 */
export function scenarioGroups(v: unknown, personas?: readonly PersonaLike[]): Map<string, number> {
  const groups = new Map<string, number>();
  if (!isObj(v)) return groups;
  const add = (group: unknown, count: number): void => {
    if (typeof group === 'string' && group) groups.set(group, (groups.get(group) ?? 0) + count);
  };
  for (const g of Array.isArray(v.population) ? v.population : []) {
    if (isObj(g)) add(g.group, typeof g.count === 'number' && g.count > 0 ? g.count : 0);
  }
  for (const p of personas ?? ownPersonas(v)) if (isObj(p.raw)) add(p.raw.group, 1);
  return groups;
}

/** `n` when the run starts: the personas there from the start and every population group's count. */
export function populationSize(v: unknown, personas?: readonly PersonaLike[]): number {
  if (!isObj(v)) return 0;
  const sampled = (Array.isArray(v.population) ? v.population : []).reduce(
    (sum: number, g: unknown) => sum + (isObj(g) && typeof g.count === 'number' && g.count > 0 ? g.count : 0),
    0,
  );
  return sampled + (personas ?? ownPersonas(v)).filter((p) => p.addedAt === undefined && isObj(p.raw)).length;
}
