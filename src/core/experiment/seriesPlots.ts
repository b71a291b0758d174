// The experiment report's "Over rounds" section: a handful of metrics drawn over rounds, a line
// per condition with its 95% CI band (seriesChart.ts). Which: the declared world quantities, then
// the agent quantities' means, then knowledge shares, then the tie density where ties formed;
// every series of every run is in series.csv.
import { escapeMarkup as e } from '../text/markup';
import type { ExperimentResult } from './types';
import { seriesChartSvg, type SeriesLine } from './seriesChart';
import type { SeriesRow } from './seriesSummary';

/** Plots drawn at most. */
export const SERIES_PLOTS = 6;

/** The metrics drawn, in order, among those the rows hold. */
export function plottedSeries(rows: readonly SeriesRow[]): string[] {
  // A series that never moves (a pot emptied at every close, a switch) has nothing to show over rounds.
  const values = new Map<string, Set<number>>();
  for (const r of rows) {
    if (r.estimate.mean === null) continue;
    let s = values.get(r.metric);
    if (!s) values.set(r.metric, (s = new Set()));
    s.add(r.estimate.mean);
  }
  const names = [...values].filter(([, s]) => s.size > 1).map(([n]) => n);
  const formed = rows.some((r) => r.metric === 'ties' && (r.estimate.mean ?? 0) > 0);
  return [
    ...names.filter((n) => n.startsWith('world.')),
    ...names.filter((n) => /^agents\..*\.mean$/.test(n)),
    ...names.filter((n) => /^knowledge\..*\.share$/.test(n)),
    ...(formed && names.includes('density') ? ['density'] : []),
  ].slice(0, SERIES_PLOTS);
}

/** The section's HTML; empty when no run has a series of two rounds or more. */
export function seriesSection(r: Pick<ExperimentResult, 'conditions'>, rows: readonly SeriesRow[]): string {
  const metrics = plottedSeries(rows);
  if (!metrics.length || new Set(rows.map((x) => x.round)).size < 2) return '';
  const figures = metrics.map((metric) => {
    const lines: SeriesLine[] = r.conditions
      .map((c) => {
        const own = rows.filter((x) => x.condition === c.name && x.metric === metric);
        return { condition: c.name, rounds: own.map((x) => x.round), estimates: own.map((x) => x.estimate) };
      })
      .filter((l) => l.rounds.length);
    return `<figure>${seriesChartSvg(metric, lines)}</figure>`;
  });
  return `<h2>Over rounds</h2>
<p>Each metric after every round (0: the start), a line per condition through the mean over seeds, the shaded band its 95% CI (Student's t over seeds; cut at a bound of a network metric). Drawn: ${e(metrics.join(', '))} — the declared world quantities first, then the agents' means, knowledge shares and the tie density (at most ${SERIES_PLOTS}); <a href="series.csv"><code>series.csv</code></a> holds every series.</p>
<div class="charts">${figures.join('')}</div>
`;
}
