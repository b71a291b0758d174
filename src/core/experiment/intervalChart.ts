// A static SVG dot-and-whisker chart: one row per condition (and the random baseline where there
// is one), the mean as a dot and the 95% CI as a whisker. All text is escaped; long labels are
// cut with an ellipsis and carry their full text as a <title>.
import { escapeMarkup as e } from '../analysis/markup';
import { niceTicks } from '../analysis/lineChartSvg';
import { categoryColor } from '../analysis/palette';
import { isolated } from '../text/isolated';
import { fitLabel } from './fitLabel';
import type { Estimate } from './statistics';

export interface IntervalRow { label: string; estimate: Estimate; baseline?: boolean }

export function intervalChartSvg(title: string, rows: IntervalRow[], width = 460): string {
  const rowH = 26, top = 30, left = 150, right = 24, bottom = 30;
  const height = top + rows.length * rowH + bottom;
  const xs = rows.flatMap((r) => [r.estimate.mean, ...(r.estimate.ci95 ?? [])]).filter((v): v is number => v !== null && Number.isFinite(v));
  let lo = Math.min(0, ...xs), hi = Math.max(...xs, lo + 1e-9);
  if (!(hi > lo)) hi = lo + 1;
  const ticks = niceTicks(lo, hi, 4);
  lo = Math.min(lo, ticks[0]); hi = Math.max(hi, ticks[ticks.length - 1]);
  const x = (v: number): number => left + ((v - lo) / (hi - lo)) * (width - left - right);
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${e(title)}">`,
    `<text x="${left}" y="18" font-size="13" font-weight="600">${e(title)}</text>`,
  ];
  for (const t of ticks) {
    parts.push(`<line x1="${x(t).toFixed(1)}" x2="${x(t).toFixed(1)}" y1="${top - 4}" y2="${height - bottom}" stroke="#e5e5e5"/>`);
    parts.push(`<text x="${x(t).toFixed(1)}" y="${height - bottom + 16}" font-size="11" text-anchor="middle" fill="#555">${e(String(t))}</text>`);
  }
  rows.forEach((r, i) => {
    const y = top + i * rowH + rowH / 2;
    const color = r.baseline ? '#888' : categoryColor(i);
    // The full name as a tooltip; the visible one cut to the margin (left − 8 px gap − 4 px slack).
    parts.push(`<text x="${left - 8}" y="${y + 4}" font-size="12" text-anchor="end"${r.baseline ? ' fill="#666" font-style="italic"' : ''}><title>${e(r.label)}</title>${e(isolated(fitLabel(r.label, left - 12, 12)))}</text>`);
    const { mean, ci95 } = r.estimate;
    if (ci95) parts.push(`<line x1="${x(ci95[0]).toFixed(1)}" x2="${x(ci95[1]).toFixed(1)}" y1="${y}" y2="${y}" stroke="${color}" stroke-width="2"/>`);
    if (mean !== null) parts.push(`<circle cx="${x(mean).toFixed(1)}" cy="${y}" r="4.5" fill="${color}"/>`);
    else parts.push(`<text x="${left + 4}" y="${y + 4}" font-size="11" fill="#888">undefined</text>`);
  });
  parts.push('</svg>');
  return parts.join('');
}
