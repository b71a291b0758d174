// An endpoint's limits hold for the whole experiment. Each worker thread builds its own limiter,
// so `--jobs N` against an LLM endpoint let N × `concurrency` calls (and N × rpm, tpm) through at
// once. The workers share the limits instead: at most as many workers as the strictest endpoint
// has concurrent calls, each limiter with its part of every limit (ModelOptions.share). The
// scenario itself is left as written, so every run's trace header records its real settings.
import { type Scenario, isInstant } from '../format';
import { minOf } from '../stats/extremes';

/** Workers to run for `jobs` asked: no more than the strictest LLM endpoint has concurrent calls. */
export function workersFor(scenario: Scenario, jobs: number): number {
  const limited = Object.values(scenario.models).filter((m) => !isInstant(m));
  if (jobs <= 1 || !limited.length) return jobs;
  return Math.max(1, Math.min(jobs, minOf(limited.map((m) => Math.max(1, m.concurrency || 1)))));
}
