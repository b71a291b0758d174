// The declared outcomes and the series over rounds of `society run`'s run: tallied from its events
// as they happen, or, for a resumed run (whose earlier rounds this process never saw), read back
// from its whole trace at the end — the same RunTally either way, and the same as the report's
// and an experiment's.
import type { Scenario } from '../../core/format';
import type { RunHarness } from '../../core/run/runHarness';
import { type RunSeries, declaredOutcomes, RunTally } from '../../core/analysis';
import { readTraceFile, traceProblemsMessage } from '../../core/trace/reader';

export interface RunOutcomes {
  state?: Record<string, number | null>;
  series: RunSeries;
}

export function runOutcomes(
  harness: RunHarness,
  scenario: Scenario,
  resumed: boolean,
): { finish(tracePath: string): Promise<RunOutcomes> } {
  const declared = declaredOutcomes(scenario);
  const live = resumed ? undefined : new RunTally(harness.header, declared);
  if (live) harness.sim.on((e) => live.add(e));
  const outcomes = (tally: RunTally): RunOutcomes => {
    const state = tally.state(harness.sim.world.round);
    return { ...(state ? { state } : {}), series: tally.series() };
  };
  return {
    async finish(tracePath) {
      if (live) return outcomes(live);
      const tally = new RunTally(harness.header, declared);
      const read = await readTraceFile(tracePath, { keepEvents: false, onEvent: (e) => tally.add(e) });
      if (read.errors.length) throw new Error(traceProblemsMessage(tracePath, read.errors));
      return outcomes(tally);
    },
  };
}
