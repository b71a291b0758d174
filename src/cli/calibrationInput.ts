// What `society calibrate` compares with: the calibration (the scenario's, or the command line's
// observed file and fit over it) and the observed data read from its file, problems said with
// their line. Shared by the scenario and the run forms of the command.
import * as path from 'node:path';
import { type Calibration, readObserved, type ObservedData, type Scenario, didYouMean } from '../core/format';
import { calibrationScenario, planExperiment } from '../core/experiment';
import { printable } from '../core/text/printable';
import { ioReason } from '../core/files/ioReason';
import { readOptionFile } from './optionFile';

/**
 * The calibration to run: the scenario's (its observed file relative to `scenarioFile`), with the
 * command line's observed file and fit over it.
 */
export function calibrationOf(
  own: Calibration | undefined,
  scenarioFile: string,
  observedOption: string | undefined,
  fit: Calibration['fit'] | undefined,
): Calibration | string {
  if (!own && observedOption === undefined) {
    return `${path.basename(scenarioFile)} has no calibration: block; give the observed data with --observed FILE`;
  }
  const observed =
    observedOption !== undefined
      ? path.resolve(observedOption)
      : path.resolve(path.dirname(scenarioFile), own!.observed);
  return { ...(own ?? {}), observed, fit: fit ?? own?.fit ?? 'rmse' };
}

/** The observed data of `--observed` or of the scenario (checked inside its workspace when it was loaded): a regular file within the size limit. */
export function loadObserved(file: string): ObservedData | undefined {
  let text: string;
  try {
    text = readOptionFile(file);
  } catch (err) {
    console.error(
      `society calibrate: cannot read the observed data ${path.relative(process.cwd(), file) || file}: ${ioReason(err)}`,
    );
    return undefined;
  }
  const { data, problems } = readObserved(text);
  const shownFile = path.relative(process.cwd(), file) || file;
  for (const p of problems) console.error(`${shownFile}:${p.line}: ${printable(p.message)}`);
  return problems.length ? undefined : data;
}

/**
 * Observed rows naming a condition the calibration does not run are an error (with the one meant),
 * for a scenario's calibration and for a finished run's alike: a run's fit once took such rows as
 * its own and exited 0 (issue 70).
 */
export function unknownConditions(observed: ObservedData, scenario: Scenario, cal: Calibration): string | undefined {
  if (!observed.conditions.length) return undefined;
  const names = planExperiment(calibrationScenario(scenario, cal)).conditions.map((c) => c.name);
  const bad = observed.conditions.find((c) => !names.includes(c));
  if (bad === undefined) return undefined;
  const line = observed.points.find((p) => p.condition === bad)!.line;
  const meant = didYouMean(bad, names);
  return `${path.basename(cal.observed)}:${line}: condition '${bad}' is not one the calibration runs${meant ? ` (did you mean '${meant}'?)` : ''}; the conditions are: ${names.join(', ')}${cal.sweep ? ' (a sweep runs its settings: leave the condition column empty)' : ''}`;
}
