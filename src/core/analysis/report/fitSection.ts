// The report's "Fit" section: how simulated runs compare with an observed dataset — the settings
// (or conditions) ranked by fit, each measure's RMSE, KS and Welch t, and per measure a chart of
// the observed values against the best and runner-up settings' mean per round.
import { escapeMarkup as e } from '../../text/markup';
import type { RankedCondition, FitCriterion } from '../calibration/rank';
import type { MeasureFit } from '../calibration/fit';
import { criterionText, num } from '../calibration/fitText';
import { lineChartSvg, type ChartSeries } from './lineChartSvg';
import { categoryColor } from './palette';

export interface FitSectionInput {
  ranked: readonly RankedCondition[];
  by: FitCriterion;
  /** The observed file, as the page names it. */
  observed: string;
}

function measureRows(fits: readonly MeasureFit[], rank: number, score: number | null): string {
  return fits
    .map(
      (f, i) =>
        `<tr>${i === 0 ? `<td rowspan="${fits.length}" class="num">${rank}</td><td rowspan="${fits.length}">${e(f.condition)}</td><td rowspan="${fits.length}" class="num">${num(score)}</td>` : ''}<td>${e(f.measure)} <code>${e(f.series)}</code></td><td class="num">${num(f.error.rmse)}</td><td class="num">${num(f.error.nrmse)}</td><td class="num">${num(f.ks?.d)}</td><td class="num">${num(f.ks?.p)}</td><td class="num">${num(f.t.t)}</td><td class="num">${num(f.t.p)}</td></tr>`,
    )
    .join('');
}

function chart(measure: string, shown: readonly RankedCondition[]): string {
  const first = shown[0].fits.find((f) => f.measure === measure);
  if (!first) return '';
  const series: ChartSeries[] = [
    { label: 'observed', color: 'currentColor', points: first.rounds.map((r) => [r.round, r.observed]) },
    ...shown.flatMap((r, i): ChartSeries[] => {
      const f = r.fits.find((x) => x.measure === measure);
      return f
        ? [
            {
              label: r.condition,
              color: categoryColor(i),
              dashed: i > 0,
              points: f.rounds.map((x) => [x.round, x.simulated]),
            },
          ]
        : [];
    }),
  ];
  return `<figure>${lineChartSvg(series, { title: `${measure}: observed and simulated`, xLabel: 'round', yLabel: measure })}</figure>`;
}

export function fitSectionHtml(input: FitSectionInput): string {
  const { ranked, by } = input;
  if (!ranked.length) {
    return `<h2>Fit</h2>\n<p>No simulated series matched a measure of <code>${e(input.observed)}</code>.</p>\n`;
  }
  const head =
    '<tr><th>rank</th><th>setting</th><th>score</th><th>measure ~ series</th><th>RMSE</th><th>normalised</th><th>KS D</th><th>KS p</th><th>Welch t</th><th>t p</th></tr>';
  const rows = ranked.map((r, i) => measureRows(r.fits, i + 1, r.score)).join('');
  const shown = ranked.slice(0, 2);
  const measures = [...new Set(ranked[0].fits.map((f) => f.measure))];
  const best = ranked[0],
    next = ranked[1];
  return `<h2>Fit</h2>
<p>Simulated runs against <code>${e(input.observed)}</code>, ranked by ${e(criterionText(by))}. Best fit: <strong>${e(best.condition)}</strong> (${num(best.score)})${next ? `; runner-up: ${e(next.condition)} (${num(next.score)})` : ''}. RMSE compares the mean over runs with the mean observed value round by round; KS compares the distributions of every run's and every observed value at the observed rounds (exact p as SciPy's ks_2samp); Welch's t compares their means.</p>
<div class="scroll"><table>${head}${rows}</table></div>
<div class="charts">${measures.map((m) => chart(m, shown)).join('')}</div>
`;
}
