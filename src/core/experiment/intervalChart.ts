// A static SVG dot-and-whisker chart: one row per condition (and the random baseline where there
// is one), the mean as a dot and the 95% CI as a whisker, cut at the metric's bounds
// (shownInterval.ts), where it ends in a short upright bar. All text is escaped; long labels are
// cut with an ellipsis and carry their full text as a <title>. Greys are theme inks and text is
// currentColor (analysis/report/reportTheme.ts), so the chart follows a dark page.
import { escapeMarkup as e } from '../text/markup';
import { niceTicks, categoryColor, ink } from '../analysis';
import { isolated } from '../text/isolated';
import { fitLabel } from './fitLabel';
import { shownInterval } from './shownInterval';
import type { Estimate } from './statistics';
import { maxOf, minOf } from '../stats/extremes';

export interface IntervalRow {
  label: string;
  estimate: Estimate;
  baseline?: boolean;
}

/** A chart of `metric` (its title; its bounds cut the intervals). */
/** `metric`: its key (bounds, the figure's accessible name); `title`: what the figure says (default: the key). */
export function intervalChartSvg(metric: string, rows: IntervalRow[], width = 460, title = metric): string {
  const rowH = 26,
    top = 30,
    left = 150,
    right = 24,
    bottom = 30;
  const height = top + rows.length * rowH + bottom;
  const shown = rows.map((r) => shownInterval(metric, r.estimate));
  const xs = rows
    .flatMap((r, i) => [r.estimate.mean, shown[i]?.low, shown[i]?.high])
    .filter((v): v is number => v !== null && v !== undefined && Number.isFinite(v));
  let lo = Math.min(0, minOf(xs)),
    hi = Math.max(maxOf(xs), lo + 1e-9);
  if (!(hi > lo)) hi = lo + 1;
  const ticks = niceTicks(lo, hi, 4);
  lo = Math.min(lo, ticks[0]);
  hi = Math.max(hi, ticks[ticks.length - 1]);
  const x = (v: number): number => left + ((v - lo) / (hi - lo)) * (width - left - right);
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${e(metric)}" fill="currentColor">`,
    // From the left edge, not the plot's: a label in words is longer than its key.
    `<text x="8" y="18" font-size="13" font-weight="600">${e(isolated(fitLabel(title, width - 8 - right, 13)))}</text>`,
  ];
  for (const t of ticks) {
    parts.push(
      `<line x1="${x(t).toFixed(1)}" x2="${x(t).toFixed(1)}" y1="${top - 4}" y2="${height - bottom}" ${ink('ink-grid')}/>`,
    );
    parts.push(
      `<text x="${x(t).toFixed(1)}" y="${height - bottom + 16}" font-size="11" text-anchor="middle" ${ink('ink-muted')}>${e(String(t))}</text>`,
    );
  }
  rows.forEach((r, i) => {
    const y = top + i * rowH + rowH / 2;
    // A condition in its palette colour; the baseline grey, from the theme.
    const stroke = r.baseline ? ink('ink-baseline-bar') : `stroke="${categoryColor(i)}"`;
    const fill = r.baseline ? ink('ink-baseline-dot') : `fill="${categoryColor(i)}"`;
    // The full name as a tooltip; the visible one cut to the margin (left − 8 px gap − 4 px slack).
    parts.push(
      `<text x="${left - 8}" y="${y + 4}" font-size="12" text-anchor="end"${r.baseline ? ` ${ink('ink-muted')} font-style="italic"` : ''}><title>${e(r.label)}</title>${e(isolated(fitLabel(r.label, left - 12, 12)))}</text>`,
    );
    const interval = shown[i];
    if (interval) {
      parts.push(
        `<line x1="${x(interval.low).toFixed(1)}" x2="${x(interval.high).toFixed(1)}" y1="${y}" y2="${y}" ${stroke} stroke-width="2"/>`,
      );
      for (const [cut, at] of [
        [interval.cutLow, interval.low],
        [interval.cutHigh, interval.high],
      ] as const) {
        if (cut) {
          parts.push(
            `<line x1="${x(at).toFixed(1)}" x2="${x(at).toFixed(1)}" y1="${y - 5}" y2="${y + 5}" ${stroke} stroke-width="2"/>`,
          );
        }
      }
    }
    const { mean } = r.estimate;
    if (mean !== null) parts.push(`<circle cx="${x(mean).toFixed(1)}" cy="${y}" r="4.5" ${fill}/>`);
    else parts.push(`<text x="${left + 4}" y="${y + 4}" font-size="11" ${ink('ink-muted')}>undefined</text>`);
  });
  parts.push('</svg>');
  return parts.join('');
}
