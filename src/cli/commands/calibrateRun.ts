// `society calibrate <run>`: one finished run (its folder or trace) against observed data — the
// calibration of the scenario it was run from, or --observed — printed measure by measure and
// written as fit.csv and fit_rounds.csv beside the trace (or into --out).
import * as path from 'node:path';
import { printable } from '../../core/text/printable';
import type { Calibration } from '../../core/format';
import {
  fitTrace,
  scenarioOfTrace,
  rankConditions,
  fitCsv,
  fitRoundsCsv,
  criterionText,
  measureLine,
  num,
} from '../../core/analysis';
import { CALIBRATION_FILES } from '../../core/experiment';
import { outputFolder } from '../options';
import { mayReplace, recordPresent } from '../ownFiles';
import { calibrationOf, loadObserved, unknownConditions } from '../calibrationInput';
import { writeFileSafely } from '../../core/files/safeWrite';

export async function calibrateRun(
  trace: string,
  values: { observed?: string; fit?: string; out?: string; json?: boolean; overwrite?: boolean },
): Promise<number> {
  const scenario = await scenarioOfTrace(trace);
  const cal = calibrationOf(
    scenario?.calibration,
    scenario?.source?.file ?? trace,
    values.observed,
    values.fit as Calibration['fit'] | undefined,
  );
  if (typeof cal === 'string') {
    const why = scenario
      ? cal
      : `the scenario of ${path.relative(process.cwd(), trace)} is gone or changed since the run; give the observed data with --observed FILE`;
    console.error(`society calibrate: ${printable(why)}`);
    return 2;
  }
  const observed = loadObserved(cal.observed);
  if (!observed) return 1;
  const unknown = scenario ? unknownConditions(observed, scenario, cal) : undefined;
  if (unknown) {
    console.error(`society calibrate: ${printable(unknown)}`);
    return 1;
  }
  // One run is one condition: rows naming a condition the scenario runs describe it too.
  const data = { ...observed, points: observed.points.map(({ condition: _c, ...p }) => p), conditions: [] };
  let fits: Awaited<ReturnType<typeof fitTrace>>;
  try {
    fits = await fitTrace(trace, scenario, data, cal.measures);
  } catch (err) {
    console.error(`society calibrate: ${printable((err as Error).message)}`);
    return 1;
  }
  const ranked = rankConditions(fits, cal.fit);
  const outDir = path.resolve(values.out ?? path.dirname(trace));
  const names = Object.values(CALIBRATION_FILES);
  if (!outputFolder(outDir, 'calibrate') || !mayReplace('calibrate', outDir, names, values.overwrite === true)) {
    return 1;
  }
  writeFileSafely(path.join(outDir, CALIBRATION_FILES.fit), fitCsv(ranked, new Map()));
  writeFileSafely(path.join(outDir, CALIBRATION_FILES.rounds), fitRoundsCsv(fits));
  recordPresent(outDir, names);
  if (values.json) {
    // A trace already run is compared, nothing spent.
    console.log(JSON.stringify({ fit: cal.fit, score: ranked[0]?.score ?? null, fits, spent_usd: 0 }, null, 2));
    return 0;
  }
  if (!fits.length) console.log('fit: no series of the run matched an observed measure');
  else console.log(`fit of the run, ${criterionText(cal.fit)}: ${num(ranked[0].score)}`);
  for (const f of fits) console.log(`  ${printable(measureLine(f))}`);
  console.log(`\nfit: ${path.relative(process.cwd(), path.join(outDir, CALIBRATION_FILES.fit))}`);
  return 0;
}
