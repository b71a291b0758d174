// Aggregates over the agents (issue 44): `agents` is the list of everyone present, each with its
// quantities, `id` and `group`, and CEL's own macros pick and project from it — `filter` for a
// condition, `map` for a quantity, `size()` for a count — while sum/mean/sd/min/max reduce a list
// of numbers. Plain CEL, so the type checker, the cost estimate and the step meter already know
// every part: an aggregate is one macro over n agents, O(n) steps.
import type { Environment } from '@marcbachmann/cel-js';
import type { Mechanics } from '../model/mechanics';
import { maxOf, minOf } from '../../stats/extremes';

/** The fields every element of `agents` has besides the agent quantities (and `place`, with places). */
export const AGENT_FIELDS = ['id', 'group'] as const;

/** The reducers of a list of numbers, by name. Over no agents each gives 0 (a run never sees NaN). */
export const AGGREGATES: Record<string, (xs: readonly number[]) => number> = {
  sum: (xs) => xs.reduce((a, b) => a + b, 0),
  mean: (xs) => (xs.length ? AGGREGATES.sum(xs) / xs.length : 0),
  // The population's spread (divided by n, not n − 1): `agents` is everyone, not a sample.
  sd: (xs) => {
    if (xs.length < 2) return 0;
    const mu = AGGREGATES.mean(xs);
    return Math.sqrt(xs.reduce((a, x) => a + (x - mu) ** 2, 0) / xs.length);
  },
  min: (xs) => (xs.length ? minOf(xs) : 0),
  max: (xs) => (xs.length ? maxOf(xs) : 0),
};

/** `agents` and the reducers, in an environment of these mechanics (every scope). */
export function registerAggregates(env: Environment, m: Mechanics): void {
  const schema: Record<string, unknown> = Object.fromEntries(AGENT_FIELDS.map((f) => [f, 'string']));
  if (m.places) schema.place = 'string';
  for (const q of m.agents) schema[q.name] = 'double';
  // What each knows (`a.knows.party`), with `knowledge:`: one bool per item.
  if (m.knowledge?.length) schema.knows = Object.fromEntries(m.knowledge.map((k) => [k.id, 'bool']));
  env.registerType({ name: 'Agent', schema } as unknown as Parameters<Environment['registerType']>[0]);
  env.registerVariable('agents', 'list<Agent>');
  for (const [name, f] of Object.entries(AGGREGATES)) {
    env.registerFunction(`${name}(list<double>): double`, (xs: readonly number[]) => f([...xs].map(Number)));
  }
}

/** One element of `agents`: an agent's quantities (a copy), its id, group and place ('' for none), and what it knows. */
export type AgentRow = Record<string, number | string | Record<string, boolean>>;

export function agentRow(
  id: string,
  group: string | undefined,
  values: Record<string, number>,
  place?: string,
): AgentRow {
  return { id, group: group ?? '', ...(place !== undefined ? { place } : {}), ...values };
}

/**
 * Gives `context` an `agents` read only when an expression reads it: building the list is O(n),
 * and most expressions never read it. The list is built once per context, from the state when
 * first read.
 */
export function lazyAgents(context: object, rows: () => AgentRow[]): void {
  let cached: AgentRow[] | undefined;
  Object.defineProperty(context, 'agents', { enumerable: true, configurable: true, get: () => (cached ??= rows()) });
}

/** The names bound by a macro over `agents` in `text` (`a` in `agents.map(a, a.x)`): agent rows. */
export function agentVariables(text: string): Set<string> {
  const out = new Set<string>();
  const re = /\bagents\s*\.\s*(?:map|filter|exists|all|exists_one)\s*\(\s*([A-Za-z_]\w*)\s*,/g;
  for (let m = re.exec(text); m; m = re.exec(text)) out.add(m[1]);
  return out;
}
