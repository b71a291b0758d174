// Which outcomes of a scenario's declared state an experiment reports (experiment/stateOutcomes.ts
// computes them), named here so that `society check` can tell a claim on one that no run will
// measure (SOC078) by the same rule the runs follow.
import type { Mechanics, Quantity } from './mechanics';

/** `world.<q>.final` and the like: the shape of a state outcome's name. */
export const STATE_METRIC =
  /^(?:(world|agents)\.[A-Za-z_][A-Za-z0-9_]*\.(final|survival|mean|gini|gain\.g[0-9]+)|knowledge\.[A-Za-z_][A-Za-z0-9_]*\.(share|known|believed|share\.day[0-9]+)|acquaintance_density)$/;

/**
 * The world quantities whose course a run reports: those something writes — an `update`, an
 * action's effect, or the scenario's module, whose code is not read before it runs, so any
 * quantity may be its. A switch nothing writes (a condition's `sanctions: 0`) has no course.
 */
export function writtenWorldQuantities(m: Mechanics, o: { module: boolean }): Quantity[] {
  if (o.module) return m.world;
  const effects = new Set(
    m.actions.flatMap((a) => a.effects.filter((e) => e.target.startsWith('world.')).map((e) => e.target.slice(6))),
  );
  return m.world.filter((q) => q.update !== undefined || effects.has(q.name));
}

/**
 * The names of the state outcomes a run reports, in report order; `generations`: how many
 * generations close in the run (each agent quantity's `gain.g<k>`).
 */
export function stateOutcomeNames(m: Mechanics, o: { module: boolean; generations?: number; days?: number }): string[] {
  const names: string[] = [];
  for (const q of writtenWorldQuantities(m, o)) {
    names.push(`world.${q.name}.final`);
    if (q.min !== undefined) names.push(`world.${q.name}.survival`);
  }
  for (const q of m.agents) {
    names.push(`agents.${q.name}.mean`, `agents.${q.name}.gini`);
    for (let k = 1; k <= (o.generations ?? 0); k++) names.push(`agents.${q.name}.gain.g${k}`);
  }
  if (m.knowledge?.length) names.push('acquaintance_density');
  for (const k of m.knowledge ?? []) {
    names.push(`knowledge.${k.id}.share`, `knowledge.${k.id}.known`, `knowledge.${k.id}.believed`);
    for (let d = 1; d <= (o.days ?? 0); d++) names.push(`knowledge.${k.id}.share.day${d}`);
  }
  return names;
}

/**
 * Why a state outcome of a declared quantity is not among those reported (undefined when it is,
 * or when it names no declared quantity): for the message of SOC078.
 */
export function whyNotReported(metric: string, m: Mechanics, o: { module: boolean }): string | undefined {
  const match = /^world\.([A-Za-z_][A-Za-z0-9_]*)\.(final|survival)$/.exec(metric);
  const q = match && m.world.find((x) => x.name === match[1]);
  if (!match || !q) return undefined;
  if (!writtenWorldQuantities(m, o).includes(q)) {
    return `world quantity '${q.name}' never changes (no \`update\`, no action's effect, no module): its course is not reported`;
  }
  if (match[2] === 'survival' && q.min === undefined) {
    return `world quantity '${q.name}' has no \`min\`: its survival is the rounds until it first sits at its min`;
  }
  return undefined;
}
