// An experiment's outcomes over time: per condition, round and metric, the mean over seeds of the
// runs' series (RunOutcome.series) with its 95% t-interval (statistics.ts estimate) — the rows of
// series.csv and the lines and bands of the report's time plots. Built from the runs alone, so
// shards merged later give the same rows as the runs made on one machine.
import { appliesKey, EVERY_WORLD } from '../analysis';
import type { ExperimentResult } from './types';
import { estimate, type Estimate } from './statistics';
import { csvLine } from './csv';

export interface SeriesRow {
  condition: string;
  round: number;
  metric: string;
  estimate: Estimate;
}

/**
 * Rows in the conditions' order, then by metric (first seen first), then by round; the series that
 * apply to the experiment's world (no tie network's in a world without ties).
 */
export function seriesSummary(r: Pick<ExperimentResult, 'conditions' | 'runs' | 'world'>): SeriesRow[] {
  const world = r.world ?? EVERY_WORLD;
  const rows: SeriesRow[] = [];
  for (const c of r.conditions) {
    const runs = r.runs.filter((x) => x.condition === c.name && x.series);
    const metrics = [...new Set(runs.flatMap((x) => Object.keys(x.series!.metrics)))].filter((m) =>
      appliesKey(m, world),
    );
    const rounds = [...new Set(runs.flatMap((x) => x.series!.rounds))].sort((a, b) => a - b);
    const at = runs.map((x) => new Map(x.series!.rounds.map((round, i) => [round, i])));
    for (const metric of metrics) {
      for (const round of rounds) {
        const values = runs.map((x, k) => {
          const i = at[k].get(round);
          return i === undefined ? null : (x.series!.metrics[metric]?.[i] ?? null);
        });
        rows.push({ condition: c.name, round, metric, estimate: estimate(values) });
      }
    }
  }
  return rows;
}

/** series.csv: condition, round, metric, n (runs with a value), mean, ci_low, ci_high (empty where undefined). */
export function seriesSummaryCsv(rows: readonly SeriesRow[]): string {
  const lines = [csvLine(['condition', 'round', 'metric', 'n', 'mean', 'ci_low', 'ci_high'])];
  for (const { condition, round, metric, estimate: e } of rows) {
    lines.push(csvLine([condition, round, metric, e.n, e.mean, e.ci95?.[0], e.ci95?.[1]]));
  }
  return lines.join('\n') + '\n';
}
