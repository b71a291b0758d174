// One finished run against observed data (`society calibrate <run>`): its series read from the
// trace by the run's own tally (RunTally, as `society run` keeps them), compared with the observed values as a condition of
// one run. The scenario's calibration (measures, fit) comes from the scenario the trace was run
// from, when it is still there unchanged (metrics/traceScenario.ts's scenarioOfTrace).
import type { Scenario, ObservedData } from '../../format';
import { declaredOutcomes, RunTally } from '../metrics/runTally';
import { readTraceFile, traceProblemsMessage } from '../../trace/reader';
import { fitRuns, type MeasureFit } from './fit';

/** The fit of the run in `traceFile` (condition "run") to the observed data. */
export async function fitTrace(
  traceFile: string,
  scenario: Scenario | undefined,
  observed: ObservedData,
  measures?: Readonly<Record<string, string>>,
): Promise<MeasureFit[]> {
  const declared = scenario ? declaredOutcomes(scenario) : undefined;
  let tally: RunTally | undefined;
  const read = await readTraceFile(traceFile, {
    keepEvents: false,
    onHeader: (h) => {
      tally = new RunTally(h, declared);
    },
    onEvent: (e) => tally!.add(e),
  });
  if (read.errors.length > 0 || !tally) throw new Error(traceProblemsMessage(traceFile, read.errors));
  return fitRuns([{ condition: 'run', seed: 0, series: tally.series() }], observed, measures);
}
