// The experiment report's "Over rounds" section: a handful of metrics drawn over rounds, a line
// per condition with its 95% CI band (seriesChart.ts). Which: the declared world quantities, then
// the agent quantities' means, then knowledge shares, then the tie density where ties formed;
// every series of every run is in series.csv.
import { escapeMarkup as e } from '../text/markup';
import type { ExperimentResult } from './types';
import { seriesChartSvg, type SeriesLine } from './seriesChart';
import type { SeriesRow } from './seriesSummary';
import { outcomeLabel } from '../analysis';
import { parseTimeOutcome } from '../format';

/** Plots drawn at most. */
export const SERIES_PLOTS = 6;

/** The series a declared outcome is read off (`world.q.final`, `world.q.at.r5` → `world.q`; a mean is its own). */
export function seriesOfOutcome(outcome: string): string {
  const t = parseTimeOutcome(outcome);
  if (t) return t.series;
  const m = /^(world\.[A-Za-z_][A-Za-z0-9_]*)\.(?:final|survival)$/.exec(outcome);
  return m ? m[1] : outcome;
}

/**
 * The series of the experiment's own outcomes that are the world's (`world.`, `agents.`,
 * `knowledge.`), in their order, among `moving`: an experiment's metrics default to the network's
 * and rewards' too (`mean_reward` first), which keep their own place after the world's.
 */
export function declaredSeries(declared: readonly string[], moving: (name: string) => boolean): string[] {
  return [...new Set(declared.map(seriesOfOutcome))].filter((n) => /^(world|agents|knowledge)\./.test(n) && moving(n));
}

/**
 * The metrics drawn, in order, among those the rows hold: the series of the experiment's declared
 * outcomes (`declared`, its `metrics:`) first, then the world's, the agents' means, knowledge and density.
 */
export function plottedSeries(rows: readonly SeriesRow[], declared: readonly string[] = []): string[] {
  // A series that never moves over the rounds (a pot emptied at every close, a switch a condition
  // sets) has nothing to show: it moves when its mean changes within some condition, not when the
  // conditions merely differ (the multiplier, 1.6 in one and 16 in another, was drawn as two flat lines).
  const values = new Map<string, Set<number>>();
  for (const r of rows) {
    if (r.estimate.mean === null) continue;
    const key = `${r.metric}\u0000${r.condition}`;
    let s = values.get(key);
    if (!s) values.set(key, (s = new Set()));
    s.add(r.estimate.mean);
  }
  const moving = new Set([...values].filter(([, s]) => s.size > 1).map(([k]) => k.slice(0, k.indexOf('\u0000'))));
  const names = [...new Set(rows.map((r) => r.metric))].filter((n) => moving.has(n));
  const formed = rows.some((r) => r.metric === 'ties' && (r.estimate.mean ?? 0) > 0);
  const own = declaredSeries(declared, (n) => names.includes(n));
  return [
    ...new Set([
      ...own,
      ...names.filter((n) => n.startsWith('world.')),
      ...names.filter((n) => /^agents\..*\.mean$/.test(n)),
      ...names.filter((n) => /^knowledge\..*\.share$/.test(n)),
      ...(formed && names.includes('density') ? ['density'] : []),
    ]),
  ].slice(0, SERIES_PLOTS);
}

/** The section's HTML; empty when no run has a series of two rounds or more. */
export function seriesSection(
  r: Pick<ExperimentResult, 'conditions'> & Partial<Pick<ExperimentResult, 'metrics'>>,
  rows: readonly SeriesRow[],
): string {
  const metrics = plottedSeries(rows, r.metrics);
  if (!metrics.length || new Set(rows.map((x) => x.round)).size < 2) return '';
  const figures = metrics.map((metric) => {
    const lines: SeriesLine[] = r.conditions
      .map((c) => {
        const own = rows.filter((x) => x.condition === c.name && x.metric === metric);
        return { condition: c.name, rounds: own.map((x) => x.round), estimates: own.map((x) => x.estimate) };
      })
      .filter((l) => l.rounds.length);
    return `<figure>${seriesChartSvg(metric, lines, 460, outcomeLabel(metric))}</figure>`;
  });
  return `<h2>Over rounds</h2>
<p>Each metric after every round (0: the start), a line per condition through the mean over seeds, the shaded band its 95% CI (Student's t over seeds; cut at a bound of a network metric). Drawn: ${e(metrics.join(', '))} — the series of the experiment's own outcomes first, then the declared world quantities, the agents' means, knowledge shares and the tie density, those that move (at most ${SERIES_PLOTS}); <a href="series.csv"><code>series.csv</code></a> holds every series.</p>
<div class="charts">${figures.join('')}</div>
`;
}
