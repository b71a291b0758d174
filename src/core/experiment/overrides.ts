// Experiment conditions change a scenario by dotted parameter paths (`coaching.enabled: true`),
// the same paths timed `set` events use. Applied to a copy before the run starts.
import type { Scenario } from '../format/model';
import { flattenSet } from '../engine/settings';

export function withOverrides(scenario: Scenario, set: Record<string, unknown>): Scenario {
  const copy = structuredClone(scenario);
  for (const [path, value] of flattenSet(set)) {
    const keys = path.split('.');
    let node = copy as unknown as Record<string, unknown>;
    for (const k of keys.slice(0, -1)) {
      const next = Object.hasOwn(node, k) ? node[k] : undefined;
      if (!next || typeof next !== 'object') throw new Error(`unknown parameter '${path}'`);
      node = next as Record<string, unknown>;
    }
    const leaf = keys[keys.length - 1];
    if (!Object.hasOwn(node, leaf)) throw new Error(`unknown parameter '${path}'`);
    if (typeof node[leaf] !== typeof value) throw new Error(`'${path}' must be a ${typeof node[leaf]}, got ${JSON.stringify(value)}`);
    node[leaf] = value;
  }
  return copy;
}
