// The observed data a calibration names (`calibration.observed`), read as `society calibrate`
// reads it: missing, unreadable or malformed (SOC133, at the file name, with the CSV's line), and
// its measures against the runs' series (SOC134): a measure `measures:` maps that the file has
// no values of (a warning, with the one meant), and a measure of the file that is not mapped and
// not a series itself; rows no run can be compared with (SOC140: observedReach.ts). Asynchronous, as the module check is: it reads a file.
import * as path from 'node:path';
import type { Diagnostic } from '../model/diagnostics';
import { readObserved } from '../assemble/observedData';
import { calibrationSeries } from './calibrationCheck';
import { didYouMean } from '../model/suggest';
import { observedOutOfReach } from './observedReach';
import { owns } from '../../text/nameRecord';
import { readDataFile } from '../io/dataFile';
import { isObj } from './checkKit';
import type { FileCheck } from './fileCheck';

export const checkObserved: FileCheck = async (value, at, file, fs, root) => {
  const cal = value.calibration;
  if (!isObj(cal) || typeof cal.observed !== 'string' || !cal.observed) return [];
  const range = at.valueRange(['calibration', 'observed']);
  const mk = (
    code: 'SOC133' | 'SOC134' | 'SOC140',
    severity: Diagnostic['severity'],
    message: string,
    where = range,
  ): Diagnostic => ({
    code,
    severity,
    message,
    file,
    range: where,
  });
  const read = await readDataFile(fs, cal.observed, file, root);
  if ('why' in read) return [mk('SOC133', 'error', `Observed data '${cal.observed}' ${read.why}`)];
  const { file: target, text } = read;
  const { data, problems } = readObserved(text);
  if (problems.length) {
    return problems.slice(0, 3).map((p) => mk('SOC133', 'error', `${path.basename(target)}:${p.line}: ${p.message}`));
  }
  const out: Diagnostic[] = observedOutOfReach(data, value).map((p) =>
    mk('SOC140', p.severity, `${path.basename(target)}:${p.line}: ${p.message}`),
  );
  const measures = isObj(cal.measures) ? cal.measures : {};
  for (const measure of Object.keys(measures)) {
    if (data.measures.includes(measure)) continue;
    const meant = didYouMean(measure, data.measures);
    out.push(
      mk(
        'SOC134',
        'warning',
        `${path.basename(target)} has no values of measure '${measure}'${meant ? `. Did you mean '${meant}'?` : ''} (its measures: ${data.measures.join(', ')})`,
        at.keyRange(['calibration', 'measures', measure]),
      ),
    );
  }
  const series = calibrationSeries(value, at);
  for (const measure of data.measures) {
    if (owns(measures, measure) || series.includes(measure)) continue;
    const meant = didYouMean(measure, series);
    out.push(
      mk(
        'SOC134',
        'error',
        `Measure '${measure}' of ${path.basename(target)} is not a series the runs compute: map it under calibration.measures (\`${measure}: ${meant ?? 'world.<quantity>'}\`)`,
      ),
    );
  }
  return out;
};
