// Experiment conditions that change what a society is made of, not only how it runs: a declared
// quantity (`state.world.fish.initial: 30`) or a population group's distributions
// (`population.fishers.traits.agreeableness: { normal: { mean: 0.8, sd: 0.1 } }`). The commons
// example's 2×2 (rich/scarce × altruistic/selfish) is written this way. Applied to the scenario
// copy a condition runs; a wrong path or value is an error naming the path.
import type { Scenario } from '../format/language/model';
import { applyDefaults, societySchema, validatorFor } from '../format/language/schema';

const STATE_PATH = /^state\.(world|agents)\.([A-Za-z_][A-Za-z0-9_]*)\.(initial|min|max|update)$/;
const POPULATION_PATH = /^population\.([^.]+)\.([a-z_]+(?:\.[a-z_]+)*)$/;

/** Whether `path` is one of these (else it is a run setting: settings.ts applySet). */
export function isWorldOverride(path: string): boolean {
  return STATE_PATH.test(path) || POPULATION_PATH.test(path);
}

function setState(s: Scenario, path: string, value: unknown): string | undefined {
  const [, side, name, field] = STATE_PATH.exec(path)!;
  const list = side === 'world' ? s.mechanics?.world : s.mechanics?.agents;
  const q = list?.find((x) => x.name === name);
  if (!q) {
    const names = (list ?? []).map((x) => x.name);
    return `unknown quantity '${name}' in '${path}'${names.length ? ` (state.${side}: ${names.join(', ')})` : ''}`;
  }
  if (field === 'update' ? typeof value !== 'string' : typeof value !== 'number') {
    return `'${path}' must be a ${field === 'update' ? 'string (a CEL expression)' : 'number'}`;
  }
  (q as unknown as Record<string, unknown>)[field] = value;
  return undefined;
}

function setPopulation(s: Scenario, path: string, value: unknown): string | undefined {
  const [, groupName, rest] = POPULATION_PATH.exec(path)!;
  const group = s.population.find((g) => g.group === groupName);
  if (!group) {
    const names = s.population.map((g) => g.group);
    return `unknown population group '${groupName}' in '${path}'${names.length ? ` (groups: ${names.join(', ')})` : ''}`;
  }
  const { source, ...plain } = group as typeof group & { source?: unknown };
  const copy = structuredClone(plain) as Record<string, unknown>;
  const keys = rest.split('.');
  let node = copy;
  for (const k of keys.slice(0, -1)) {
    if (!node[k] || typeof node[k] !== 'object') node[k] = {};
    node = node[k] as Record<string, unknown>;
  }
  node[keys[keys.length - 1]] = value;
  const { id_prefix, ...written } = copy;
  const check = validatorFor('population');
  const withDefaults = applyDefaults(societySchema.$defs.population, written) as Record<string, unknown>;
  if (!check(withDefaults)) {
    const e = check.errors![0];
    return `'${path}': ${e.instancePath ? `${e.instancePath.slice(1).replace(/\//g, '.')} ` : ''}${e.message ?? 'is invalid'}`;
  }
  Object.assign(group, withDefaults, { id_prefix, ...(source ? { source } : {}) });
  return undefined;
}

/** Applies the world overrides of `set` to `s` (a copy); returns one message per rejected path. */
export function applyWorldOverrides(s: Scenario, set: Record<string, unknown>): string[] {
  const errors: string[] = [];
  for (const [path, value] of Object.entries(set)) {
    const error = STATE_PATH.test(path) ? setState(s, path, value) : setPopulation(s, path, value);
    if (error) errors.push(error);
  }
  return errors;
}
