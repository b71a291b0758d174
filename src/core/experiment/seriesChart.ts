// A static SVG of one metric over rounds in an experiment: per condition a line through the means
// over seeds and a shaded band of their 95% CI (cut at the metric's bounds, shownInterval.ts), a
// legend naming the conditions in their palette colours. A round without a mean breaks the line.
// All text is escaped; greys are theme inks and text is currentColor (reportTheme.ts), so the chart
// follows a dark page as the interval charts do.
import { escapeMarkup as e } from '../text/markup';
import { niceTicks, categoryColor, ink } from '../analysis';
import { isolated } from '../text/isolated';
import { fitLabel } from './fitLabel';
import { shownInterval } from './shownInterval';
import type { Estimate } from './statistics';
import { maxOf, minOf } from '../stats/extremes';

export interface SeriesLine {
  condition: string;
  rounds: number[];
  estimates: Estimate[];
}

const fmt = (v: number): string => v.toFixed(1);
const tick = (v: number): string => String(Math.round(v * 1e6) / 1e6);

/** Runs of consecutive indexes where `ok` holds: a line or band breaks where a round has no value. */
function stretches(n: number, ok: (i: number) => boolean): number[][] {
  const out: number[][] = [];
  let cur: number[] = [];
  for (let i = 0; i < n; i++) {
    if (ok(i)) cur.push(i);
    else if (cur.length) {
      out.push(cur);
      cur = [];
    }
  }
  if (cur.length) out.push(cur);
  return out;
}

/**
 * The chart of `metric` (its key: bounds for the bands, the figure's accessible name); `title`, what
 * the figure says above it (default: the key; a page passes the world's words, outcomeLabel).
 */
export function seriesChartSvg(metric: string, lines: readonly SeriesLine[], width = 460, title = metric): string {
  const top = 30,
    left = 56,
    right = 16,
    plotH = 170,
    legendRow = 18;
  // Below the axis title (at plotH + 29), not on it: a legend row's swatch reaches 9 above its baseline.
  const legendTop = top + plotH + 48;
  const height = legendTop + lines.length * legendRow + 6;
  const bands = lines.map((l) => l.estimates.map((est) => shownInterval(metric, est)));
  const rounds = lines.flatMap((l) => l.rounds);
  const ys = lines.flatMap((l, k) => l.estimates.flatMap((est, i) => [est.mean, bands[k][i]?.low, bands[k][i]?.high]));
  const values = ys.filter((v): v is number => v !== null && v !== undefined && Number.isFinite(v));
  let lo = Math.min(minOf(values), 0),
    hi = Math.max(maxOf(values), lo);
  // A flat series still gets an axis of its own unit, not four ticks that all read the same.
  if (hi - lo < 1e-9) hi = lo + 1;
  const yTicks = niceTicks(lo, hi, 4);
  lo = Math.min(lo, yTicks[0]);
  hi = Math.max(hi, yTicks[yTicks.length - 1]);
  const r0 = Math.min(minOf(rounds), 0),
    r1 = Math.max(maxOf(rounds), r0 + 1);
  const x = (r: number): number => left + ((r - r0) / (r1 - r0)) * (width - left - right);
  const y = (v: number): number => top + plotH - ((v - lo) / (hi - lo)) * plotH;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${e(`${metric} over rounds`)}" fill="currentColor">`,
    `<text x="${left}" y="18" font-size="13" font-weight="600">${e(isolated(fitLabel(title, width - left - right, 13)))}</text>`,
  ];
  for (const t of yTicks) {
    parts.push(`<line x1="${left}" x2="${width - right}" y1="${fmt(y(t))}" y2="${fmt(y(t))}" ${ink('ink-grid')}/>`);
    parts.push(
      `<text x="${left - 6}" y="${fmt(y(t) + 4)}" font-size="11" text-anchor="end" ${ink('ink-muted')}>${e(tick(t))}</text>`,
    );
  }
  for (const t of niceTicks(r0, r1, 5).filter((t) => Number.isInteger(t) && t >= r0 && t <= r1)) {
    parts.push(
      `<text x="${fmt(x(t))}" y="${top + plotH + 16}" font-size="11" text-anchor="middle" ${ink('ink-muted')}>${e(String(t))}</text>`,
    );
  }
  parts.push(
    `<text x="${fmt((left + width - right) / 2)}" y="${top + plotH + 29}" font-size="11" text-anchor="middle" ${ink('ink-muted')}>round</text>`,
  );
  lines.forEach((l, k) => {
    const color = categoryColor(k);
    const band = bands[k];
    // The CI band: the upper ends left to right, the lower ends back.
    for (const s of stretches(l.rounds.length, (i) => band[i] !== null)) {
      const upper = s.map((i) => `${fmt(x(l.rounds[i]))},${fmt(y(band[i]!.high))}`);
      const lower = [...s].reverse().map((i) => `${fmt(x(l.rounds[i]))},${fmt(y(band[i]!.low))}`);
      parts.push(
        `<polygon points="${[...upper, ...lower].join(' ')}" fill="${color}" fill-opacity="0.18" stroke="none"/>`,
      );
    }
    for (const s of stretches(l.rounds.length, (i) => l.estimates[i].mean !== null)) {
      const pts = s.map((i) => `${fmt(x(l.rounds[i]))},${fmt(y(l.estimates[i].mean!))}`);
      parts.push(
        s.length === 1
          ? `<circle cx="${pts[0].split(',')[0]}" cy="${pts[0].split(',')[1]}" r="2.5" fill="${color}"/>`
          : `<polyline points="${pts.join(' ')}" fill="none" stroke="${color}" stroke-width="2"/>`,
      );
    }
    const ly = legendTop + k * legendRow;
    parts.push(`<rect x="${left}" y="${ly - 9}" width="18" height="10" fill="${color}" fill-opacity="0.35"/>`);
    parts.push(
      `<line x1="${left}" x2="${left + 18}" y1="${ly - 4}" y2="${ly - 4}" stroke="${color}" stroke-width="2"/>`,
    );
    parts.push(
      `<text x="${left + 24}" y="${ly}" font-size="12"><title>${e(l.condition)}</title>${e(isolated(fitLabel(l.condition, width - left - right - 24, 12)))}</text>`,
    );
  });
  parts.push('</svg>');
  return parts.join('');
}
