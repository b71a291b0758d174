// Live simulation settings: copied from the scenario at the start and changed by `set` events.
// Shared with trace replay so a replayed world sees the same parameter changes.
import type { CoachingConfig, DriverWeights, MemoryConfig, Scenario, TieConfig, World } from '../model/model';
import { applyDefaults, leafError, schemaAtPath, type SchemaNode } from './schema';
import { pushAll } from '../../text/pushAll';

/** Simulation settings in force at the start of the run (events may change them later: see `event_fired`). */
export interface RunSettings {
  world: Omit<World, 'rooms'> & {
    rooms: { name: string; topic?: string; members: string[]; size: number; place?: string }[];
  };
  rewards: DriverWeights;
  coaching: CoachingConfig;
  ties: TieConfig;
  memory: MemoryConfig;
}

type RoomSpec = RunSettings['world']['rooms'][number];

/** The schema of one `world.rooms` entry. */
function roomSchema(): SchemaNode | undefined {
  return schemaAtPath('scenario', ['world', 'rooms', 0]);
}

/**
 * A room as the engine holds it: the schema's defaults filled in (members `[]`, size 4), as
 * format/assemble/build.ts gives the scenario's own rooms, and only the room's own fields (no source
 * location). Values are not checked here: see `applySet` for rooms set at run time.
 */
export function roomWithDefaults(raw: unknown): RoomSpec {
  const r = applyDefaults(roomSchema(), raw) as Partial<RoomSpec> & Record<string, unknown>;
  return {
    name: r.name as string,
    ...(r.topic !== undefined ? { topic: r.topic } : {}),
    members: r.members as string[],
    size: r.size as number,
    ...(r.place !== undefined ? { place: r.place as string } : {}),
  };
}

export function settingsFromScenario(s: Scenario): RunSettings {
  return structuredClone({
    // A room in the engine's shape: the scenario's own rooms were built with the schema's defaults,
    // an experiment condition's got them from applySet (experiment/overrides.ts), which checked them.
    world: {
      setting: s.world.setting,
      rounds: s.world.rounds,
      encounters: s.world.encounters,
      conversation: s.world.conversation,
      rooms: s.world.rooms.map(roomWithDefaults),
    },
    rewards: s.rewards,
    coaching: {
      enabled: s.coaching.enabled,
      every: s.coaching.every,
      ...(s.coaching.model ? { model: s.coaching.model } : {}),
    },
    ties: s.ties,
    memory: s.memory,
  });
}

/** `'world.rooms[0].size' must be >= 2`, from an ajv error at `path`. */
function schemaMessage(
  path: string,
  e: { instancePath: string; message?: string; params?: Record<string, unknown> },
): string {
  const where =
    path +
    e.instancePath
      .split('/')
      .slice(1)
      .map((k) => (/^\d+$/.test(k) ? `[${k}]` : `.${k}`))
      .join('');
  const extra = typeof e.params?.additionalProperty === 'string' ? ` ('${e.params.additionalProperty}')` : '';
  return `'${where}' ${e.message ?? 'is not valid'}${extra}`;
}

/** Flatten `{ ties: { decay: 0.1 } }` and `{ 'ties.decay': 0.1 }` alike into dotted paths. */
export function flattenSet(set: Record<string, unknown>, prefix = ''): [string, unknown][] {
  const out: [string, unknown][] = [];
  for (const [k, v] of Object.entries(set)) {
    const path = prefix ? `${prefix}.${k}` : k;
    if (v && typeof v === 'object' && !Array.isArray(v)) pushAll(out, flattenSet(v as Record<string, unknown>, path));
    else out.push([path, v]);
  }
  return out;
}

/** Paths a `set` event may not change: the length of the run is fixed by its header. */
export const FROZEN_DURING_RUN: ReadonlySet<string> = new Set(['world.rounds']);

export interface ApplySetOptions {
  /** The scenario's model names: a `coaching.model` naming none of them is rejected. */
  models?: readonly string[];
  /** Paths that may not change (default: FROZEN_DURING_RUN; an experiment condition applies before the run, so none). */
  frozen?: ReadonlySet<string>;
  /** What a path is called in messages: 'setting' (a timed event) or 'parameter' (an experiment condition). */
  noun?: string;
  /** Filled with each path that changed and the value it took (defaults filled in), for the trace. */
  applied?: Record<string, unknown>;
}

/**
 * Apply a `set` event in place. Existing leaves may change, to a value of the same type, and so
 * may optional leaves the scenario left unset (`coaching.model`) where the schema defines them.
 * A value gets the schema's defaults, as the scenario's own values got when it was built (a room
 * without `members` has none and is drawn each round), and must then fit the schema.
 * Returns one message per rejected path (the rest still apply; a rejected path changes nothing).
 */
export function applySet(
  settings: RunSettings | Scenario,
  set: Record<string, unknown>,
  opts: ApplySetOptions = {},
): string[] {
  const errors: string[] = [];
  const frozen = opts.frozen ?? FROZEN_DURING_RUN,
    noun = opts.noun ?? 'setting';
  for (const [path, value] of flattenSet(set)) {
    const keys = path.split('.');
    let node: Record<string, unknown> = settings as unknown as Record<string, unknown>;
    for (const k of keys.slice(0, -1)) {
      const next = node && Object.hasOwn(node, k) ? node[k] : undefined;
      node = next && typeof next === 'object' ? (next as Record<string, unknown>) : (undefined as never);
      if (!node) break;
    }
    const leaf = keys[keys.length - 1];
    if (frozen.has(path)) {
      errors.push(`'${path}' cannot change during a run`);
      continue;
    }
    // The parameter's schema, when `path` names one (never an object's inherited "constructor" or "__proto__").
    const schema = node && isParameterPath(keys) ? schemaAtPath('scenario', keys) : undefined;
    // Own keys only: an object's inherited "constructor" or "__proto__" is no setting. A leaf the
    // scenario did not set is there to set when the schema has it (and it is not a whole object).
    const own = !!node && Object.hasOwn(node, leaf);
    if (!node || (!own && (!schema || schema.properties || Array.isArray(node)))) {
      errors.push(`unknown ${noun} '${path}'`);
      continue;
    }
    if (own && typeof node[leaf] !== typeof value) {
      errors.push(`'${path}' must be a ${typeof node[leaf]}`);
      continue;
    }
    let next = schema ? applyDefaults(schema, value) : value;
    const error = schema ? leafError(schema, next) : undefined;
    if (error) {
      errors.push(schemaMessage(path, error));
      continue;
    }
    if (path === 'world.rooms' && Array.isArray(next)) next = next.map(roomWithDefaults);
    if (path === 'coaching.model' && opts.models && !opts.models.includes(next as string)) {
      errors.push(`'coaching.model': unknown model '${String(next)}' (scenario models: ${opts.models.join(', ')})`);
      continue;
    }
    node[leaf] = next;
    if (opts.applied) opts.applied[path] = structuredClone(next);
  }
  return errors;
}

/**
 * Set the changes a run recorded (`event_fired.applied`: dotted paths, values as applied), with no
 * checks: the run made them. (Replay in the society view cannot check values itself: compiling a
 * schema validator needs `eval`, which the view's content security policy forbids.)
 */
export function setApplied(settings: RunSettings, applied: Record<string, unknown>): void {
  for (const [path, value] of Object.entries(applied)) {
    const keys = path.split('.');
    let node = settings as unknown as Record<string, unknown>;
    for (const k of keys.slice(0, -1)) {
      const next = Object.hasOwn(node, k) ? node[k] : undefined;
      if (!next || typeof next !== 'object') return;
      node = next as Record<string, unknown>;
    }
    node[keys[keys.length - 1]] = structuredClone(value);
  }
}

/** Dotted paths whose segments are plain names or indices (what a `set` may name). */
function isParameterPath(keys: readonly string[]): boolean {
  return keys.every((k) => /^[a-z_][a-z0-9_]*$|^\d+$/.test(k));
}

/** Messages of a conversation: `turns` for a pair, `max(n, ceil(turns·n/2))` for a room of n members (docs/model.md). */
export function messageCount(turns: number, members: number, room: boolean): number {
  return room ? Math.max(members, Math.ceil((turns * members) / 2)) : turns;
}
