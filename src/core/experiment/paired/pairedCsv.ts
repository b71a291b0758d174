// series.csv of run sets compared by seed: one row per series and round, with the pairs that have
// a value, A's and B's means and the mean per-seed difference with its 95% CI.
import { csvLine } from '../../text/csv';
import type { PairedSeries } from './pairedRuns';

export function pairedSeriesCsv(s: PairedSeries): string {
  const lines = [csvLine(['metric', 'round', 'pairs', 'mean_a', 'mean_b', 'difference', 'ci_low', 'ci_high'])];
  for (const [name, m] of Object.entries(s.metrics)) {
    s.rounds.forEach((round, i) => {
      const d = m.difference[i];
      lines.push(csvLine([name, round, d.n, m.a[i].mean, m.b[i].mean, d.mean, d.ci95?.[0], d.ci95?.[1]]));
    });
  }
  return lines.join('\n') + '\n';
}
