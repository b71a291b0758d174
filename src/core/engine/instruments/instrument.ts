// An instrument plug-in (issue 59): something that measures a run without taking part in it — a
// survey's questionnaire, a rubric judge. It listens to the trace, asks models through the one
// way a phase does (PhaseContext.ask, the instruments' error policy: a failure is recorded in
// its own event) and writes its own events at the round's end. The kernel (kernel/rounds.ts)
// starts each for a run and calls it at two moments; instruments/table.ts lists them.
import type { Scenario } from '../../format';
import type { TraceEvent } from '../../trace/events';
import type { PhaseContext } from '../phases/context';

/** An instrument at work for one run. */
export interface InstrumentRun {
  /** Every event the run publishes, in order (what it measures from). */
  observe?(e: TraceEvent): void;
  /**
   * Once the world's round has closed (its updates, a generation's turnover), before the round's
   * end step point; at setup (round 0) too.
   */
  closed?(round: number, signal?: AbortSignal): Promise<void>;
  /** At the round's end, after ties decay, just before `round_end`; not at setup. */
  ended?(round: number, signal?: AbortSignal): Promise<void>;
}

export interface Instrument {
  /** The scenario's key that declares it: a run without it starts nothing. */
  readonly key: keyof Scenario;
  /** The trace events it writes (test/unit/architecture/instruments.test.ts holds it to them). */
  readonly events: readonly TraceEvent['type'][];
  /** Its work for a run of a scenario that declares it. */
  start(world: PhaseContext): InstrumentRun;
}
