// What an experiment's runs lost to failed model calls, in one sentence for the report page, the
// CLI and the editor: an experiment against an endpoint that failed (a wrong key, an outage) still
// "finishes" with `on_error: offline`, and its figures are then the offline model's.
import { counted } from '../text/counted';
import type { RunOutcome } from './outcome';
import type { DecisionKindTally } from '../trace/decisionTally';
import { decisionsSection, sumDecisions } from '../analysis';

/** Undefined when no run had a failed call. */
export function describeRunFaults(
  runs: readonly Pick<RunOutcome, 'condition' | 'seed' | 'faults'>[],
): string | undefined {
  const hit = runs.filter((r) => r.faults.failed_calls > 0);
  if (!hit.length) return undefined;
  const calls = hit.reduce((n, r) => n + r.faults.failed_calls, 0);
  const dead = runs.filter((r) => r.faults.no_model_answer);
  const lost = dead.length
    ? `; in ${counted(dead.length, 'run')} (${dead.map((r) => `${r.condition} seed ${r.seed}`).join(', ')}) no model call succeeded, so ${dead.length === 1 ? 'its figures are' : 'their figures are'} the fallback's, not the scenario's model's`
    : '';
  return `${counted(hit.length, 'run')} of ${runs.length} had failed model calls (${counted(calls, 'call')} in all, skipped or answered by the offline rule-based model as on_error says; runs.csv counts them per run)${lost}.`;
}

/** Runs whose every model call failed. */
export function runsWithoutAnswers(runs: readonly Pick<RunOutcome, 'faults'>[]): number {
  return runs.filter((r) => r.faults.no_model_answer).length;
}

/** The runs' decisions per kind, summed (empty: no run asked a model). */
export function decisionsOver(runs: readonly Pick<RunOutcome, 'faults'>[]): DecisionKindTally[] {
  return sumDecisions(runs.map((r) => r.faults.decisions ?? []));
}

/** The experiment page's "Model decisions" section; none when no run asked a model. */
export function decisionsHtml(runs: readonly Pick<RunOutcome, 'faults'>[]): string {
  const rows = decisionsOver(runs);
  return rows.length ? `<h2>Model decisions</h2>\n${decisionsSection(rows, runs.length)}\n` : '';
}
