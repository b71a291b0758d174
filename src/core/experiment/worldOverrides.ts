// Experiment conditions that change what a society is made of, not only how it runs: a declared
// quantity (`state.world.fish.initial: 30`) or a population group's distributions
// (`population.fishers.traits.agreeableness: { normal: { mean: 0.8, sd: 0.1 } }`). The commons
// example's 2×2 (rich/scarce × altruistic/selfish) is written this way. Applied to the scenario
// copy a condition runs; a wrong path or value is an error naming the path.
import {
  type Scenario,
  applyDefaults,
  societySchema,
  validatorFor,
  isWorldOverride,
  parseWorldPath,
  unknownWorldName,
  type WorldNames,
  type WorldPath,
} from '../format';

// Which paths these are, and what a wrong name in one is called, the editor shares (SOC054).
export { isWorldOverride };

/** The quantities and population groups `s` declares. */
function worldNames(s: Scenario): WorldNames {
  return {
    world: (s.mechanics?.world ?? []).map((q) => q.name),
    agents: (s.mechanics?.agents ?? []).map((q) => q.name),
    groups: s.population.map((g) => g.group),
  };
}

type StatePath = Extract<WorldPath, { kind: 'state' }>;
type PopulationPath = Extract<WorldPath, { kind: 'population' }>;

function setState(s: Scenario, path: string, { side, name, field }: StatePath, value: unknown): string | undefined {
  const q = (side === 'world' ? s.mechanics?.world : s.mechanics?.agents)?.find((x) => x.name === name);
  if (!q) return unknownWorldName(path, worldNames(s))!.message;
  // Not NaN or Infinity either (`.nan` in YAML): no quantity can start at one or be bounded by it.
  if (field === 'update' ? typeof value !== 'string' : typeof value !== 'number' || !Number.isFinite(value)) {
    return `'${path}' must be a ${field === 'update' ? 'string (a CEL expression)' : 'finite number'}`;
  }
  // What a unit is worth is a price: a unit worth nothing or less is no stake (the schema's > 0).
  if (field === 'worth_usd' && (value as number) <= 0) return `'${path}' must be > 0, found ${value as number}`;
  (q as unknown as Record<string, unknown>)[field] = value;
  return undefined;
}

function setPopulation(s: Scenario, path: string, p: PopulationPath, value: unknown): string | undefined {
  const { group: groupName, rest } = p;
  const group = s.population.find((g) => g.group === groupName);
  if (!group) return unknownWorldName(path, worldNames(s))!.message;
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
    const p = parseWorldPath(path);
    const error = !p
      ? `'${path}' is neither a quantity's nor a population group's path`
      : p.kind === 'state'
        ? setState(s, path, p, value)
        : setPopulation(s, path, p, value);
    if (error) errors.push(error);
  }
  return errors;
}
