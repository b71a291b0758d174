// Everything a run's declared outcomes need, fed its events one by one: the final state outcomes
// (StateTally, KnowledgeTally: `world.<q>.final`, `agents.<q>.gini`, `knowledge.<id>.share`, …) and
// the series over rounds (SeriesTally). One tally for `society run` (live, or re-read after a
// resume), `society report` (a trace file) and every run of an experiment.
import type { Mechanics, Scenario } from '../../format';
import type { TraceEvent, TraceHeader } from '../../trace/events';
import { KnowledgeTally } from './knowledgeTally';
import type { RunSeries } from './runSeries';
import { SeriesTally } from './seriesTally';
import { StateTally } from './stateTally';
import { traceMechanics } from './traceMechanics';

/** What the scenario declares; absent when only a trace is at hand (then the series its state events give). */
export interface DeclaredOutcomes {
  mechanics: Mechanics;
  /** The scenario names a module, which may write any world quantity. */
  module: boolean;
  /** Rounds of a day (`places: day:`), for each day's knowledge share. */
  roundsPerDay?: number;
}

/** What `scenario` declares for its outcomes; undefined without `state:`. */
export function declaredOutcomes(scenario: Scenario): DeclaredOutcomes | undefined {
  if (!scenario.mechanics) return undefined;
  return {
    mechanics: scenario.mechanics,
    module: scenario.module !== undefined,
    ...(scenario.places ? { roundsPerDay: scenario.places.day.length } : {}),
  };
}

export class RunTally {
  /** The declared state's tally: the scenario's, else (series only) as the trace shows it (traceMechanics.ts). */
  private stateTally?: StateTally;
  private readonly knowledge?: KnowledgeTally;
  private readonly seriesTally: SeriesTally;

  constructor(
    header: TraceHeader,
    private readonly declared?: DeclaredOutcomes,
  ) {
    const m = declared?.mechanics;
    if (m) this.stateTally = new StateTally(m, { module: declared.module });
    if (m?.knowledge?.length) this.knowledge = new KnowledgeTally(m.knowledge);
    this.seriesTally = new SeriesTally(header, () => this.stateTally, this.knowledge);
  }

  add(e: TraceEvent): void {
    // Without the scenario, the first state event names the quantities: their series are the
    // trace's to give (a compare of an experiment's conditions charted none of them).
    if (e.type === 'state' && !this.declared && !this.stateTally) {
      this.stateTally = new StateTally(traceMechanics(e), { module: true });
    }
    if (e.type === 'state') this.stateTally?.add(e);
    else if (e.type === 'agent_removed') this.stateTally?.removeAgent(e.agent);
    this.knowledge?.add(e);
    this.seriesTally.add(e);
  }

  /** The final state outcomes after `rounds` rounds (experiments' names); undefined without `state:`. */
  state(rounds: number): Record<string, number | null> | undefined {
    if (!this.stateTally || !this.declared) return undefined;
    return { ...this.stateTally.metrics(rounds), ...this.knowledge?.metrics(rounds, this.declared?.roundsPerDay) };
  }

  series(): RunSeries {
    return this.seriesTally.series();
  }
}
