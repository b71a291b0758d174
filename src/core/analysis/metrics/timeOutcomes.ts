// Time outcomes of one run, read off its series (RunSeries): a value after round k, and the first
// round a series reaches (≥) or falls to (≤) a level. A run that never gets there is censored at
// its rounds + 1, the survival-analysis convention: dropping it would keep only the fast runs and
// make a slow condition look fast; counting it as its last round would say it got there.
import { parseTimeOutcome, type TimeOutcome } from '../../format';
import type { RunSeries } from './runSeries';
import { maxOf } from '../../stats/extremes';

/** Shares and means carry rounding (7 × 0.1 is 0.7000000000000001): a level is met within this. */
const SLACK = 1e-9;

/** The first round at which `values` meets the level, the run's rounds + 1 when none does, null when none is defined. */
function firstRound(
  s: RunSeries,
  values: readonly (number | null)[],
  t: TimeOutcome & { level: number },
): number | null {
  let defined = false;
  for (let i = 0; i < s.rounds.length; i++) {
    const v = values[i];
    if (v === null || v === undefined || !Number.isFinite(v)) continue;
    defined = true;
    const slack = SLACK * Math.max(1, Math.abs(t.level));
    if (t.kind === 'reaches' ? v >= t.level - slack : v <= t.level + slack) return s.rounds[i];
  }
  return defined ? Math.max(0, maxOf(s.rounds)) + 1 : null;
}

/**
 * One time outcome of a run: null when the series is absent, its value at the round is undefined,
 * or (`.at.r<k>`) the run ended before round k.
 */
export function timeOutcome(s: RunSeries, name: string): number | null {
  const t = parseTimeOutcome(name);
  const values = t && s.metrics[t.series];
  if (!t || !values) return null;
  if (t.kind === 'at') {
    const i = s.rounds.indexOf(t.round);
    const v = i < 0 ? null : values[i];
    return v !== null && v !== undefined && Number.isFinite(v) ? v : null;
  }
  return firstRound(s, values, t);
}

/** The named time outcomes of a run. */
export function timeOutcomes(s: RunSeries, names: readonly string[]): Record<string, number | null> {
  return Object.fromEntries(names.map((n) => [n, timeOutcome(s, n)]));
}
