// A run's series over rounds as CSV (the report's series.csv): one row per round, a column per
// metric in the series' order, RFC 4180 (text/csv.ts); an undefined value (null) is an empty cell.
import type { RunSeries } from '../metrics/runSeries';
import { csvLine } from '../../text/csv';

export function seriesCsv(s: RunSeries): string {
  const names = Object.keys(s.metrics);
  const lines = [csvLine(['round', ...names])];
  s.rounds.forEach((round, i) => lines.push(csvLine([round, ...names.map((n) => s.metrics[n][i])])));
  return lines.join('\n') + '\n';
}
