// What a run's report says of its design (issue 88: a colleague could not tell the conditions,
// matching or rounds from the page): read from the scenario the trace names, when it is still
// there unchanged (traceScenario.ts). The question is the scenario's `description`; the
// experiment's conditions and claims are said as the file writes them, for the study this run is
// one run of (`society experiment` runs them).
import type { Scenario } from '../../format';

export interface RunDesign {
  /** The scenario's `description`: what it asks. */
  question?: string;
  /** The round's phases as declared (`round:`), by name. */
  phases?: string[];
  /** Who plays with whom (`matching:`), in words. */
  matching?: string;
  /** The scenario's actions, by name. */
  actions: string[];
  conditions: { name: string; set: string }[];
  claims: string[];
}

/** `state.world.multiplier.initial: 1.6, …`, or that the condition is the scenario as written. */
function setText(set: Record<string, unknown>): string {
  const pairs = Object.entries(set);
  return pairs.length
    ? pairs.map(([k, v]) => `${k}: ${typeof v === 'string' ? v : JSON.stringify(v)}`).join(', ')
    : 'the scenario as written';
}

function matchingText(s: Scenario): string | undefined {
  const m = s.mechanics?.matching;
  if (!m) return undefined;
  const who = m.between
    ? `one of ${m.between[0]} with one of ${m.between[1]}`
    : m.within
      ? `within ${m.within}`
      : 'everyone';
  return `${m.design} matching in groups of ${m.size} (${who})`;
}

export function runDesign(s: Scenario): RunDesign {
  const matching = matchingText(s);
  return {
    ...(s.description?.trim() ? { question: s.description.trim() } : {}),
    ...(s.round?.length ? { phases: s.round.map((p) => p.name) } : {}),
    ...(matching ? { matching } : {}),
    actions: (s.mechanics?.actions ?? []).map((a) => a.name),
    conditions: (s.experiment?.conditions ?? []).map((c) => ({ name: c.name, set: setText(c.set) })),
    claims: (s.experiment?.claims ?? []).map((c) => c.text ?? `${c.metric} is higher in ${c.higher} than in ${c.than}`),
  };
}
