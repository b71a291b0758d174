// series.csv of two runs compared: one row per series and round ("tidy", for pandas or R), with
// A's value, B's and B − A; an empty cell where a run has no value.
import { csvLine } from '../../text/csv';
import type { SeriesSideBySide } from './sideBySide';

export function comparisonSeriesCsv(s: SeriesSideBySide): string {
  const lines = [csvLine(['metric', 'round', 'a', 'b', 'difference'])];
  for (const [name, m] of Object.entries(s.metrics)) {
    s.rounds.forEach((round, i) => lines.push(csvLine([name, round, m.a[i], m.b[i], m.difference[i]])));
  }
  return lines.join('\n') + '\n';
}
