// A calibration's sweep as experiment conditions: every combination of the values of one or two
// parameter paths, each a condition named by what it sets (`mean=0.5, initial=120`: the paths'
// last parts, whole paths where those clash), so the experiment machinery (overrides, workers,
// traces) runs a sweep as it runs any experiment.
import { type Calibration, type ExperimentCondition, slug } from '../format';

/** How a swept value reads in a condition's name: numbers and text as written, the rest as JSON. */
export function settingValue(v: unknown): string {
  return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? String(v) : JSON.stringify(v);
}

/** The sweep's settings in the order written (the first path varies slowest). */
export function sweepConditions(sweep: NonNullable<Calibration['sweep']>): ExperimentCondition[] {
  const paths = Object.keys(sweep);
  const last = paths.map((p) => p.slice(p.lastIndexOf('.') + 1));
  const label = new Map(paths.map((p, i) => [p, new Set(last).size === last.length ? last[i] : p]));
  let combos: Record<string, unknown>[] = [{}];
  for (const [path, values] of Object.entries(sweep)) {
    combos = combos.flatMap((set) => values.map((v) => ({ ...set, [path]: v })));
  }
  const names = combos.map((set) =>
    Object.entries(set)
      .map(([path, v]) => `${label.get(path)}=${settingValue(v)}`)
      .join(', '),
  );
  // Each condition's traces are named by its slug: settings whose slugs clash (-0.2 and 0.2) are numbered.
  const unique = new Set(names.map((n) => slug(n, 'setting'))).size === names.length;
  return combos.map((set, i) => ({ name: unique ? names[i] : `${i + 1}. ${names[i]}`, set }));
}
