// Observed rows no run can be compared with (SOC140): a row naming a condition the calibration
// does not run (an error: `society calibrate` refuses it), and rows at rounds after the longest
// run's last (a warning: the fit leaves them out, and `--rounds` may run longer). Said once per
// kind, at the first such row, so a long file gives two lines, not thousands.
import type { ObservedData } from '../assemble/observedData';
import { didYouMean } from '../model/suggest';
import { longestRun } from './timeOutcomeCheck';
import { type Obj, isObj } from './checkKit';

export interface ReachProblem {
  line: number;
  severity: 'error' | 'warning';
  message: string;
}

/** The conditions a calibration runs, by name; undefined when a sweep names them (they are generated). */
function conditionNames(value: Obj): string[] | undefined {
  const cal = isObj(value.calibration) ? value.calibration : {};
  if (cal.sweep !== undefined) return undefined;
  const conditions =
    isObj(value.experiment) && Array.isArray(value.experiment.conditions) ? value.experiment.conditions : [];
  const names = conditions.flatMap((c) => (isObj(c) && typeof c.name === 'string' ? [c.name] : []));
  return names.length ? names : ['as written'];
}

export function observedOutOfReach(data: ObservedData, value: Obj): ReachProblem[] {
  const out: ReachProblem[] = [];
  const names = conditionNames(value);
  const unknown = names && data.points.find((p) => p.condition !== undefined && !names.includes(p.condition));
  if (unknown && names) {
    const meant = didYouMean(unknown.condition!, names);
    out.push({
      line: unknown.line,
      severity: 'error',
      message: `condition '${unknown.condition}' is not one the calibration runs${meant ? ` (did you mean '${meant}'?)` : ''}; the conditions are: ${names.join(', ')}`,
    });
  }
  const last = longestRun(value);
  const past = data.points.filter((p) => p.round > last);
  if (past.length) {
    out.push({
      line: past[0].line,
      severity: 'warning',
      message: `${past.length} row${past.length === 1 ? '' : 's'} at rounds after the last (${last}): no run has a value there, so the fit leaves ${past.length === 1 ? 'it' : 'them'} out`,
    });
  }
  return out;
}
