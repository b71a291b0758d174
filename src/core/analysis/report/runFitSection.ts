// The run report's Fit section: when the scenario a trace was run from declares a calibration
// whose observed file reads cleanly, the run's series against it (the run as the one condition).
// Anything missing leaves the section out: `society calibrate <run>` says why.
import * as path from 'node:path';
import type { RunSeries } from '../metrics/runSeries';
import { readObserved, readDataFileSync } from '../../format';
import { fitRuns } from '../calibration/fit';
import { rankConditions } from '../calibration/rank';
import { scenarioOfTrace } from '../metrics/traceScenario';
import { fitSectionHtml } from './fitSection';

export async function runFitSection(traceFile: string, series: RunSeries): Promise<string | undefined> {
  const scenario = await scenarioOfTrace(traceFile);
  const cal = scenario?.calibration;
  if (!cal || !scenario.source?.file) return undefined;
  const file = path.resolve(path.dirname(scenario.source.file), cal.observed);
  // The scenario was checked (its path inside its workspace) when it was loaded; read within the limits.
  const read = readDataFileSync(file);
  if (!('text' in read)) return undefined;
  const text = read.text;
  const { data, problems } = readObserved(text);
  if (problems.length) return undefined;
  const points = data.points.map(({ condition: _c, ...p }) => p);
  const fits = fitRuns([{ condition: 'this run', seed: 0, series }], { ...data, points, conditions: [] }, cal.measures);
  return fitSectionHtml({ ranked: rankConditions(fits, cal.fit), by: cal.fit, observed: path.basename(file) });
}
