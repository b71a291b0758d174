// Which metrics a world can give: read from its scenario when it is at hand, from its trace when
// only that is, so a view of a public goods game (actions alone: no tie, no reward) shows its
// declared state, not fifteen rows of network and reward zeros.
import type { Scenario } from '../../../format/pure';
import { formsTies, tieSources } from '../../../format/pure';
import { parseTimeOutcome } from '../../../format/pure';
import type { TraceEvent } from '../../../trace/events';
import { metricEntry } from './metrics';
import type { Metric, MetricFamily, WorldFacts } from './metric';

/** A world that provides everything: what a view assumes with nothing known of the world. */
export const EVERY_WORLD: WorldFacts = { ties: true, rewards: true };

/**
 * What a scenario's design provides: ties where something other than a module forms them (a
 * module's show in its trace: `traceFacts`), rewards where its round has the `learn` phase (the
 * default round has).
 */
export function scenarioFacts(scenario: Scenario): WorldFacts {
  const plan = scenario.round;
  return {
    ties: formsTies(tieSources(scenario)),
    rewards: !plan || plan.some((p) => p.kind === 'builtin' && p.name === 'learn'),
  };
}

/** What a trace shows its world provided, fed event by event (a trace of any size is never held). */
export class TraceFacts {
  private ties = false;
  private rewards = false;

  add(e: TraceEvent): void {
    // Ties that formed: some round ended with a tie at the threshold. A town whose residents rate
    // each other without any tie reaching it has no network to measure (its agents would count as
    // as many communities of one).
    if (e.type === 'round_end' && e.stats.ties > 0) this.ties = true;
    else if (e.type === 'reward') this.rewards = true;
  }

  facts(): WorldFacts {
    return { ties: this.ties, rewards: this.rewards };
  }
}

/** Either world's: two runs compared show what either provides. */
export const eitherWorld = (a: WorldFacts, b: WorldFacts): WorldFacts => ({
  ties: a.ties || b.ties,
  rewards: a.rewards || b.rewards,
});

export const applies = (m: Metric | MetricFamily, world: WorldFacts): boolean => m.needs.every((n) => world[n]);

/**
 * Whether the metric named `key` applies to the world: a table entry by its needs, a time outcome
 * by its series'; a declared quantity (`world.fish.final`, `agents.coins.mean`…) always does.
 */
export function appliesKey(key: string, world: WorldFacts): boolean {
  const time = parseTimeOutcome(key);
  const entry = metricEntry(time ? time.series : key);
  return !entry || applies(entry, world);
}

/** The keys of `record` that apply, in its order. */
export function applying<T>(record: Record<string, T>, world: WorldFacts): Record<string, T> {
  return Object.fromEntries(Object.entries(record).filter(([k]) => appliesKey(k, world)));
}
