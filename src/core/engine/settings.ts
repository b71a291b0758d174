// Live simulation settings: copied from the scenario at the start and changed by `set` events.
// Shared with trace replay so a replayed world sees the same parameter changes.
import type { Scenario } from '../format/model';
import type { RunSettings } from '../trace/events';

export function settingsFromScenario(s: Scenario): RunSettings {
  return structuredClone({
    world: {
      setting: s.world.setting, rounds: s.world.rounds, encounters: s.world.encounters, conversation: s.world.conversation,
      rooms: s.world.rooms.map((r) => ({ name: r.name, ...(r.topic ? { topic: r.topic } : {}), members: r.members, size: r.size })),
    },
    rewards: s.rewards,
    coaching: { enabled: s.coaching.enabled, every: s.coaching.every, ...(s.coaching.model ? { model: s.coaching.model } : {}) },
    ties: s.ties,
    memory: s.memory,
  });
}

/** Flatten `{ ties: { decay: 0.1 } }` and `{ 'ties.decay': 0.1 }` alike into dotted paths. */
export function flattenSet(set: Record<string, unknown>, prefix = ''): [string, unknown][] {
  const out: [string, unknown][] = [];
  for (const [k, v] of Object.entries(set)) {
    const path = prefix ? `${prefix}.${k}` : k;
    if (v && typeof v === 'object' && !Array.isArray(v)) out.push(...flattenSet(v as Record<string, unknown>, path));
    else out.push([path, v]);
  }
  return out;
}

/** Paths a `set` event may not change: the length of the run is fixed by its header. */
export const FROZEN_DURING_RUN: ReadonlySet<string> = new Set(['world.rounds']);

/**
 * Apply a `set` event in place. Only existing leaves may change, to a value of the same type.
 * Returns one message per rejected path (the rest still apply).
 */
export function applySet(settings: RunSettings, set: Record<string, unknown>): string[] {
  const errors: string[] = [];
  for (const [path, value] of flattenSet(set)) {
    const keys = path.split('.');
    let node: Record<string, unknown> = settings as unknown as Record<string, unknown>;
    for (const k of keys.slice(0, -1)) {
      const next = node && Object.hasOwn(node, k) ? node[k] : undefined;
      node = next && typeof next === 'object' ? (next as Record<string, unknown>) : (undefined as never);
      if (!node) break;
    }
    const leaf = keys[keys.length - 1];
    if (FROZEN_DURING_RUN.has(path)) { errors.push(`'${path}' cannot change during a run`); continue; }
    // Own keys only: an object's inherited "constructor" or "__proto__" is no setting.
    if (!node || !Object.hasOwn(node, leaf)) { errors.push(`unknown setting '${path}'`); continue; }
    if (typeof node[leaf] !== typeof value) { errors.push(`'${path}' must be a ${typeof node[leaf]}`); continue; }
    node[leaf] = value;
  }
  return errors;
}
