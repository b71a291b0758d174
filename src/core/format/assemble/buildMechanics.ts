// `state:` and `actions:` of a validated scenario -> Mechanics (mechanics.ts), defaults filled in
// and each quantity and action with its source location. Undefined when the scenario has neither.
import type { Locator } from '../syntax/locate';
import {
  BUILTIN_PHASES,
  type Action,
  type ActionArg,
  type BuiltinPhase,
  type Feed,
  type Generations,
  type KnowledgeItem,
  DEFAULT_APPEAL,
  phaseActionFields,
  type Mechanics,
  type Move,
  type Quantity,
  type RoundPhase,
} from '../model/mechanics';
import { applyDefaults, societySchema } from '../schema/schema';
import { VERB_KEYS } from '../model/verbs';
import type { Matching } from '../model/matching';

type Obj = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function quantities(raw: Obj | undefined, side: 'world' | 'agents', at: Locator): Quantity[] {
  return Object.entries(raw ?? {}).map(([name, q]) => ({
    name,
    ...categorical(applyDefaults(societySchema.$defs.quantity, q) as Obj),
    source: at.location(['state', side, name]),
  })) as Quantity[];
}

/** A quantity with `labels` holds their indices: whole numbers 0 … labels − 1 (labelsCheck.ts says where written otherwise). */
function categorical(q: Obj): Obj {
  if (!Array.isArray(q.labels) || !q.labels.length) return q;
  return { ...q, integer: true, min: q.min ?? 0, max: q.max ?? q.labels.length - 1 };
}

const pick = (v: Obj, keys: readonly string[]): Obj =>
  Object.fromEntries(keys.filter((k) => v[k] !== undefined).map((k) => [k, v[k]]));

function feeds(raw: Obj | undefined, at: Locator): Feed[] {
  return Object.entries(raw ?? {}).map(([name, f]) => {
    const v = applyDefaults(societySchema.$defs.feed, f) as Obj;
    const rank = applyDefaults(societySchema.$defs.feed.properties!.rank, v.rank ?? {}) as Feed['rank'];
    return { name, ...v, rank, source: at.location(['feeds', name]) } as Feed;
  });
}

function knowledge(raw: Obj | undefined, at: Locator): KnowledgeItem[] {
  return Object.entries(raw ?? {}).map(([id, k]) => {
    const v = applyDefaults(societySchema.$defs.knowledgeItem, k) as Obj;
    const kind = v.kind as KnowledgeItem['kind'];
    return {
      id,
      text: v.text,
      kind,
      ...pick(v, ['truth', 'source']),
      known_by: v.known_by ?? [],
      about: v.about ?? [],
      appeal: v.appeal ?? DEFAULT_APPEAL[kind],
      source_location: at.location(['knowledge', id]),
    } as KnowledgeItem;
  });
}

/** `round:` as phases (a bare name is short for `{ phase: <name> }`); undefined when not declared. */
export function buildRound(v: Obj, at: Locator): RoundPhase[] | undefined {
  if (!Array.isArray(v.round)) return undefined;
  return (v.round as (string | Obj)[]).map((entry, i) => {
    const raw: Obj = typeof entry === 'string' ? { phase: entry } : entry;
    const source = at.location(['round', i]);
    if ((BUILTIN_PHASES as readonly string[]).includes(raw.phase)) {
      return { kind: 'builtin', name: raw.phase as BuiltinPhase, ...pick(raw, ['when']), source };
    }
    const p = applyDefaults(societySchema.$defs.phase, raw) as Obj;
    const { actions, byGroup } = phaseActionFields(p.actions, Object.keys((v.actions ?? {}) as Obj));
    return {
      kind: 'act',
      name: p.phase,
      actions,
      ...(byGroup ? { byGroup } : {}),
      order: p.order,
      ...pick(p, ['description', 'who', 'when', 'reads']),
      source,
    };
  });
}

function action(name: string, raw: Obj, at: Locator): Action {
  const v = applyDefaults(societySchema.$defs.action, raw) as Obj;
  const args: ActionArg[] = Object.entries((v.args ?? {}) as Obj).map(([argName, a]) => {
    const arg = { name: argName, ...(applyDefaults(societySchema.$defs.actionArg, a) as Obj) } as ActionArg;
    // A bound written as an expression is evaluated per agent when options are offered.
    for (const side of ['min', 'max'] as const) {
      const written: unknown = arg[side];
      if (typeof written !== 'string') continue;
      delete arg[side];
      arg[side === 'min' ? 'minExpression' : 'maxExpression'] = written;
    }
    // A number without a ceiling ranges one unit above its floor, for every model alike.
    if (arg.type === 'number' && arg.max === undefined && arg.maxExpression === undefined) {
      arg.max = (arg.min ?? 0) + 1;
    }
    return arg;
  });
  return {
    name,
    description: v.description,
    args,
    ...(v.when !== undefined ? { when: v.when } : {}),
    effects: Object.entries((v.effects ?? {}) as Record<string, string>).map(([target, expression]) => ({
      target,
      expression,
    })),
    ...(v.remember !== undefined ? { remember: v.remember } : {}),
    ...(v.move !== undefined ? { move: moveOf(v.move) } : {}),
    ...pick(v, VERB_KEYS),
    source: at.location(['actions', name]),
  };
}

/** `move: cafe` or `move: { to: args.where, for: day }`, as one shape. */
function moveOf(raw: unknown): Move {
  const m = (typeof raw === 'object' && raw !== null ? raw : { to: raw }) as Obj;
  return { to: String(m.to), for: m.for === 'day' ? 'day' : 'part' };
}

/** `matching:` with its defaults; pairs when it is `between` two groups. */
export function buildMatching(raw: unknown, at: Locator): Matching | undefined {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return undefined;
  const v = applyDefaults(societySchema.$defs.matching, raw) as Obj;
  return {
    design: v.design === 'stranger' ? 'stranger' : 'partner',
    size: typeof v.size === 'number' && Number.isInteger(v.size) && v.size >= 2 ? v.size : 2,
    ...(typeof v.within === 'string' ? { within: v.within } : {}),
    ...(Array.isArray(v.between) && v.between.length === 2 && v.between.every((g) => typeof g === 'string')
      ? { between: [v.between[0], v.between[1]] as [string, string] }
      : {}),
    source: at.location(['matching']),
  };
}

export function buildMechanics(v: Obj, at: Locator): Mechanics | undefined {
  const world = quantities(v.state?.world, 'world', at);
  const agents = quantities(v.state?.agents, 'agents', at);
  const actions = Object.entries((v.actions ?? {}) as Obj).map(([name, a]) => action(name, a, at));
  const generations = v.generations
    ? (applyDefaults(societySchema.$defs.scenario.properties!.generations, v.generations) as Generations)
    : undefined;
  const declaredFeeds = feeds(v.feeds, at);
  const known = knowledge(v.knowledge, at);
  const matching = buildMatching(v.matching, at);
  const none = !world.length && !agents.length && !actions.length && !generations && !declaredFeeds.length;
  if (none && !known.length && !matching) return undefined;
  return {
    world,
    agents,
    actions,
    ...(declaredFeeds.length ? { feeds: declaredFeeds } : {}),
    ...(known.length ? { knowledge: known } : {}),
    ...(generations ? { generations } : {}),
    ...(matching ? { matching } : {}),
    ...(v.places && typeof v.places === 'object' && Object.keys(v.places).length ? { places: true as const } : {}),
  };
}
