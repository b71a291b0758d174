// How many runs never got to a time-to-threshold outcome's level (`<series>.reaches.<level>`,
// `.falls.<level>`): they count as their rounds + 1 (censored), so a mean over them is a lower
// bound of the time. A verdict or a table says how many there were, so a reader can tell "sooner"
// from "got there at all".
import { parseTimeOutcome } from '../format';
import type { RunOutcome } from './outcome';
import { maxOf } from '../stats/extremes';

/** Whether a run's value of `metric` is censored: past its last round. */
function censored(run: RunOutcome, metric: string): boolean {
  const v = run.metrics[metric];
  if (!run.rounds.length) return false;
  const last = Math.max(0, maxOf(run.rounds.map((r) => r.round)));
  return typeof v === 'number' && v > last;
}

/**
 * "never got there in 2 of 4 runs of sparse, 0 of 4 of busy (counted as rounds + 1)", for a
 * time-to-threshold metric with a censored run among `conditions`; undefined otherwise.
 */
export function censoredText(
  runs: readonly RunOutcome[],
  metric: string,
  conditions: readonly string[],
): string | undefined {
  const t = parseTimeOutcome(metric);
  if (!t || t.kind === 'at') return undefined;
  const counts = conditions.map((c) => {
    const of = runs.filter((r) => r.condition === c && typeof r.metrics[metric] === 'number');
    return { c, n: of.length, k: of.filter((r) => censored(r, metric)).length };
  });
  if (!counts.some((x) => x.k > 0)) return undefined;
  const parts = counts.map((x, i) => (i === 0 ? `${x.k} of ${x.n} runs of ${x.c}` : `${x.k} of ${x.n} of ${x.c}`));
  return `never got there in ${parts.join(', ')} (counted as rounds + 1)`;
}
