// Outcomes over time, named like any metric so that `experiment.metrics`, `claims[].metric`,
// reports and CSV take them as they are (issue 45): `<series>.at.r<k>`, the series' value after
// round k; `<series>.reaches.<level>`, the first round at which it is at or above the level;
// `<series>.falls.<level>`, the first round at which it is at or below it. They cannot be listed in
// advance (any round, any level), so a run computes those the experiment names, and `society
// check` parses them here by the same rule the runs do.
import type { Mechanics } from './mechanics';

export type TimeOutcome =
  { series: string; kind: 'at'; round: number } | { series: string; kind: 'reaches' | 'falls'; level: number };

/** The network metrics a run's series carries (the other series follow the declared state). */
export const NETWORK_SERIES = [
  'density',
  'ties',
  'reciprocity',
  'average_clustering',
  'transitivity',
  'median_undirected_degree',
  'mean_reward',
  'louvain_modularity',
] as const;

/** A name that means to be a time outcome: something, then `.at.`, `.reaches.` or `.falls.` and the rest. */
const SHAPE = /^(.+)\.(at|reaches|falls)\.(.*)$/;
/** A level: a decimal number, optionally negative (`0.5`, `12`, `-3.25`). */
const LEVEL = /^-?[0-9]+(?:\.[0-9]+)?$/;
const ROUND = /^r([0-9]+)$/;

/** Whether `name` is written as a time outcome (well-formed or not). */
export function looksLikeTimeOutcome(name: string): boolean {
  return SHAPE.test(name);
}

/**
 * The series and what is asked of it, or undefined when `name` is not a well-formed time outcome.
 * The last `.at.` / `.reaches.` / `.falls.` splits it, so a quantity may itself be called `at`.
 */
export function parseTimeOutcome(name: string): TimeOutcome | undefined {
  const m = SHAPE.exec(name);
  if (!m) return undefined;
  const [, series, kind, rest] = m;
  if (kind === 'at') {
    const r = ROUND.exec(rest);
    return r ? { series, kind, round: Number(r[1]) } : undefined;
  }
  return LEVEL.test(rest) ? { series, kind: kind as 'reaches' | 'falls', level: Number(rest) } : undefined;
}

/** Why a name written as a time outcome is malformed (for SOC105); undefined when it parses. */
export function malformedTimeOutcome(name: string): string | undefined {
  const m = SHAPE.exec(name);
  if (!m || parseTimeOutcome(name)) return undefined;
  const [, series, kind, rest] = m;
  return kind === 'at'
    ? `'.at.' takes a round as r<k> (\`${series}.at.r5\`: the value after round 5; r0 is the start), not '${rest}'`
    : `'.${kind}.' takes a level as a decimal number (\`${series}.${kind}.0.5\`), not '${rest}'`;
}

/** The series a run of the scenario has, whose names time outcomes start with. */
export function seriesNames(m: Mechanics): string[] {
  const names: string[] = m.world.map((q) => `world.${q.name}`);
  for (const q of m.agents) names.push(`agents.${q.name}.mean`, `agents.${q.name}.sd`, `agents.${q.name}.gini`);
  for (const k of m.knowledge ?? []) {
    names.push(`knowledge.${k.id}.share`, `knowledge.${k.id}.known`, `knowledge.${k.id}.believed`);
  }
  if (m.knowledge?.length) names.push('acquaintance_density');
  return [...names, ...NETWORK_SERIES];
}

/**
 * The time outcomes an experiment asks for: those its `metrics` and its claims name, each once.
 * Malformed ones are left out (`society check` reports them).
 */
export function wantedTimeOutcomes(
  experiment: { metrics?: readonly string[]; claims?: readonly { metric: string }[] } | undefined,
): string[] {
  const named = [...(experiment?.metrics ?? []), ...(experiment?.claims ?? []).map((c) => c.metric)];
  return [...new Set(named.filter((n) => parseTimeOutcome(n) !== undefined))];
}

/** A level or a value as written in words: `0.5`, `12`. */
const num = (x: number): string => String(x);

/**
 * A time outcome in words, for reports: "first round knowledge.rumour.share ≥ 0.5 (0: already at
 * the start; never within the run: rounds + 1)". Undefined for a name that is not one.
 */
export function describeTimeOutcome(name: string): string | undefined {
  const t = parseTimeOutcome(name);
  if (!t) return undefined;
  if (t.kind === 'at') {
    return t.round === 0 ? `${t.series} at the start (round 0).` : `${t.series} after round ${t.round}.`;
  }
  const op = t.kind === 'reaches' ? '≥' : '≤';
  return `First round ${t.series} ${op} ${num(t.level)} (0: already at the start; a run where it never does counts as its rounds + 1, censored, so the mean understates the time).`;
}
