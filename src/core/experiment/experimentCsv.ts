// The experiment's CSV files, for pandas or R: a summary per metric and condition, and every run.
import { appliesKey, EVERY_WORLD } from '../analysis';
import type { ExperimentResult } from './types';
import { csvLine } from './csv';

/** One row per metric × condition (long format, convenient for pandas and ggplot). */
export function summaryCsv(r: ExperimentResult): string {
  const lines = [
    csvLine([
      'metric',
      'condition',
      'n',
      'mean',
      'sd',
      'ci95_low',
      'ci95_high',
      'reference',
      'difference',
      'difference_ci95_low',
      'difference_ci95_high',
      'hedges_g',
      'difference_test',
      'difference_p',
      'random_baseline_mean',
      'degree_preserving_baseline_mean',
    ]),
  ];
  for (const s of r.summaries) {
    for (const c of r.conditions.map((x) => x.name)) {
      const est = s.byCondition[c];
      const con = r.contrasts.find((x) => x.metric === s.metric && x.condition === c)?.result;
      const base = r.baselines.find((b) => b.metric === s.metric && b.condition === c && b.null_model === 'G(n, m)')
        ?.baseline.mean;
      const kept = r.baselines.find(
        (b) => b.metric === s.metric && b.condition === c && b.null_model === 'degree-preserving',
      )?.baseline.mean;
      lines.push(
        csvLine([
          s.metric,
          c,
          est.n,
          est.mean,
          est.sd,
          est.ci95?.[0],
          est.ci95?.[1],
          r.reference,
          con?.difference,
          con?.ci95?.[0],
          con?.ci95?.[1],
          con?.hedges_g,
          con?.test,
          con?.p,
          base,
          kept,
        ]),
      );
    }
  }
  return lines.join('\n') + '\n';
}

/** One row per run with every metric and its baseline. */
export function runsCsv(r: ExperimentResult): string {
  const world = r.world ?? EVERY_WORLD;
  const keysOf = (records: Record<string, unknown>[]) =>
    [...new Set(records.flatMap((x) => Object.keys(x)))].filter((k) => appliesKey(k, world));
  const metricKeys = keysOf(r.runs.map((x) => x.metrics));
  const baseKeys = keysOf(r.runs.map((x) => x.baseline));
  const keptKeys = keysOf(r.runs.map((x) => x.degree_baseline ?? {}));
  const lines = [
    csvLine([
      'condition',
      'seed',
      ...metricKeys,
      ...baseKeys.map((k) => `random_${k}`),
      ...keptKeys.map((k) => `degree_preserving_${k}`),
      'calls',
      'failed_calls',
      'no_model_answer',
      'input_tokens',
      'output_tokens',
      'cost_usd',
      'wall_ms',
    ]),
  ];
  for (const x of r.runs) {
    lines.push(
      csvLine([
        x.condition,
        x.seed,
        ...metricKeys.map((k) => x.metrics[k]),
        ...baseKeys.map((k) => x.baseline[k]),
        ...keptKeys.map((k) => x.degree_baseline?.[k]),
        x.usage.calls,
        x.faults.failed_calls,
        x.faults.no_model_answer,
        x.usage.input_tokens,
        x.usage.output_tokens,
        x.usage.cost_usd,
        Math.round(x.wall_ms),
      ]),
    );
  }
  return lines.join('\n') + '\n';
}
