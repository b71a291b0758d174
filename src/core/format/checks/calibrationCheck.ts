// A calibration (`calibration:`) checked where it is written: a measure mapped to a series the
// runs do not compute (SOC130, with the one meant as a quick fix), a sweep whose paths a condition
// could not set (the conditions' own checks, SOC054), a value tried twice (SOC131) and a seed run
// twice (SOC132). The observed file itself is read by observedCheck.ts.
import type { Diagnostic } from '../model/diagnostics';
import type { Locator } from '../syntax/locate';
import type { PathSegment } from '../syntax/parse';
import { readMechanics } from '../assemble/mechanicsSource';
import { report, type Report } from './mechanicsReport';
import { seriesNames } from '../model/timeOutcomeNames';
import { didYouMean } from '../model/suggest';
import { type Obj, isObj } from './checkKit';

/** The series a run of the scenario computes round by round (what a measure may map to). */
export function calibrationSeries(v: Obj, at: Locator): string[] {
  return seriesNames(readMechanics(v, at) ?? { world: [], agents: [], actions: [] });
}

export function checkCalibration(
  v: Obj,
  at: Locator,
  unsure: boolean,
  checkPaths: (set: Obj, path: PathSegment[]) => void,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  const cal = v.calibration;
  if (!isObj(cal)) return out;
  const r: Report = { v, at, unsure, out, m: readMechanics(v, at) ?? { world: [], agents: [], actions: [] } };
  if (!unsure && isObj(cal.measures)) {
    const known = seriesNames(r.m);
    for (const [measure, series] of Object.entries(cal.measures)) {
      if (typeof series !== 'string' || known.includes(series)) continue;
      const range = at.valueRange(['calibration', 'measures', measure]);
      const meant = didYouMean(series, known) ?? known.find((k) => k.startsWith(`${series}.`));
      const fixes = meant ? [{ title: `Change to '${meant}'`, file: at.file.file, range, newText: meant }] : [];
      report(
        r,
        'SOC130',
        'error',
        `Unknown series '${series}' for measure '${measure}'${meant ? `. Did you mean '${meant}'?` : ''} (series: ${known.join(', ')})`,
        range,
        fixes,
      );
    }
  }
  if (isObj(cal.sweep)) {
    for (const [path, values] of Object.entries(cal.sweep)) {
      if (!Array.isArray(values)) continue;
      values.forEach((value) => checkPaths({ [path]: value }, ['calibration', 'sweep']));
      repeated(values).forEach((i) =>
        report(
          r,
          'SOC131',
          'warning',
          `The sweep tries ${JSON.stringify(values[i])} twice: the same setting runs again`,
          at.valueRange(['calibration', 'sweep', path, i]),
        ),
      );
    }
  }
  const seeds = cal.seeds;
  if (Array.isArray(seeds)) {
    repeated(seeds).forEach((i) =>
      report(
        r,
        'SOC132',
        'error',
        `calibration.seeds lists ${String(seeds[i])} twice: repeated seeds are not independent runs`,
        at.valueRange(['calibration', 'seeds', i]),
      ),
    );
  }
  return out;
}

/** Indexes of the values already seen earlier in the list. */
function repeated(values: readonly unknown[]): number[] {
  const seen = new Set<string>();
  return values.flatMap((v, i) => {
    const key = JSON.stringify(v);
    if (seen.has(key)) return [i];
    seen.add(key);
    return [];
  });
}
