// `society calibrate`: a scenario's runs compared with observed data. With a sweep, every setting
// runs as an experiment condition (× the seeds); without one, the experiment's conditions (or the
// scenario as written). Then each condition's fit (analysis/calibration), ranked, written beside
// the experiment's files: fit.csv, fit_rounds.csv, and a Fit section in experiment.html.
import * as path from 'node:path';
import type { Calibration, Scenario, ObservedData } from '../format';
import {
  fitRuns,
  type MeasureFit,
  rankConditions,
  type RankedCondition,
  fitCsv,
  fitRoundsCsv,
  fitSectionHtml,
} from '../analysis';
import {
  modelLine,
  roundsByCondition,
  runExperiment,
  type ExperimentOptions,
  type ExperimentRun,
} from './runExperiment';
import { EXPERIMENT_FILES, conditionChanges, renderExperimentHtml } from './experimentReport';
import { sweepConditions } from './sweep';
import { writeFileSafely } from '../files/safeWrite';

export const CALIBRATION_FILES = { fit: 'fit.csv', rounds: 'fit_rounds.csv' } as const;

export interface CalibrationRun {
  run: ExperimentRun;
  fits: MeasureFit[];
  ranked: RankedCondition[];
  /** Every file written, experiment.html first. */
  files: string[];
}

/** The scenario a calibration runs: its sweep as the experiment's conditions, the calibration's seeds. */
export function calibrationScenario(scenario: Scenario, cal: Calibration): Scenario {
  const seeds = cal.seeds ?? scenario.experiment?.seeds ?? [1, 2, 3, 4, 5];
  // A sweep replaces the experiment's conditions, and with them its claims (about those conditions).
  if (cal.sweep) return { ...scenario, experiment: { seeds, conditions: sweepConditions(cal.sweep) } };
  return { ...scenario, experiment: { conditions: [], ...scenario.experiment, seeds } };
}

export async function runCalibration(
  scenario: Scenario,
  cal: Calibration,
  observed: { data: ObservedData; name: string },
  options: ExperimentOptions,
): Promise<CalibrationRun> {
  const swept = calibrationScenario(scenario, cal);
  const run = await runExperiment(swept, { ...options, seeds: options.seeds ?? swept.experiment!.seeds });
  const simulated = run.result.runs.flatMap((r) =>
    r.series ? [{ condition: r.condition, seed: r.seed, series: r.series }] : [],
  );
  const fits = fitRuns(simulated, observed.data, cal.measures);
  const ranked = rankConditions(fits, cal.fit);
  if (options.shard) return { run, fits, ranked, files: run.files };
  const settings = new Map(run.result.conditions.map((c) => [c.name, conditionChanges(c)]));
  const written: [string, string][] = [
    [CALIBRATION_FILES.fit, fitCsv(ranked, settings)],
    [CALIBRATION_FILES.rounds, fitRoundsCsv(fits)],
    [
      EXPERIMENT_FILES.html,
      renderExperimentHtml(run.result, {
        model: modelLine(swept),
        rounds: Object.fromEntries(roundsByCondition(swept, run.result.conditions, options.rounds)),
        wallSeconds: run.wallSeconds,
        ...(run.partial ? { partial: run.partial } : {}),
        fit: fitSectionHtml({ ranked, by: cal.fit, observed: observed.name }),
      }),
    ],
  ];
  for (const [name, text] of written) writeFileSafely(path.join(options.outDir, name), text);
  const extra = written.slice(0, 2).map(([name]) => path.join(options.outDir, name));
  return { run, fits, ranked, files: [...run.files, ...extra] };
}
