// What in a scenario can make ties between its agents, read from what the author wrote: the
// society view and the end-of-run message speak of ties only for a society that can form them,
// so a world of actions alone (a public goods game whose round is its action phases) is not
// described as a friendship network with nothing in it.
import type { Scenario } from './model';

/**
 * - `relationships`: personas start with ties (their `relationships:`, or a timed `add` of such);
 * - `evaluate`: the round rates conversations (the built-in `evaluate` stage, part of the default round);
 * - `actions`: an action some phase offers moves a tie (`ties:`);
 * - `module`: a module may move ties (whether it does is known only from the trace).
 */
export type TieSource = 'relationships' | 'evaluate' | 'actions' | 'module';

export function tieSources(scenario: Scenario): TieSource[] {
  const out: TieSource[] = [];
  const added = scenario.events.flatMap((e) => ('add' in e ? e.add : []));
  if ([...scenario.personas, ...added].some((p) => p.relationships.length > 0)) out.push('relationships');
  // Without `round:` a round is meet, evaluate, learn (and a phase offering every action).
  const plan = scenario.round;
  if (!plan || plan.some((p) => p.kind === 'builtin' && p.name === 'evaluate')) out.push('evaluate');
  const tying = new Set(
    (scenario.mechanics?.actions ?? []).filter((a) => Object.keys(a.ties ?? {}).length > 0).map((a) => a.name),
  );
  const offered = plan
    ? plan.flatMap((p) => (p.kind === 'act' ? p.actions : []))
    : (scenario.mechanics?.actions ?? []).map((a) => a.name);
  if (offered.some((a) => tying.has(a))) out.push('actions');
  if (scenario.module) out.push('module');
  return out;
}

/**
 * The society forms ties by design: something other than a module (which may or may not) makes
 * them. A module's ties show in the trace, and a view then speaks of them.
 */
export const formsTies = (sources: readonly TieSource[]): boolean => sources.some((s) => s !== 'module');
