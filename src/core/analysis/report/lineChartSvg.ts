// A small static SVG line chart (series over rounds) for the report: axes with ticks, one
// polyline per series, a legend. Gaps (null values) break a line. Text and axes are
// currentColor and grid lines a theme ink (reportTheme.ts), so the chart follows a dark page.
// All text is escaped.
import { escapeMarkup } from '../../text/markup';
import { ink } from './reportTheme';
import { maxOf, minOf } from '../../stats/extremes';

export interface ChartSeries {
  label: string;
  /** A data colour, or `currentColor` for a series in the text's colour. */
  color: string;
  /** [x, y] points in increasing x; y null where the series is undefined. */
  points: [number, number | null][];
  dashed?: boolean;
}

export interface LineChartOptions {
  title: string;
  xLabel: string;
  yLabel: string;
  /** y range; default [0, max of the data] (or [0, 1] without data). */
  yDomain?: [number, number];
  width?: number;
  height?: number;
}

const fmt = (v: number) => (Math.round(v * 10) / 10).toString();

/** About five round tick values covering [lo, hi]. */
export function niceTicks(lo: number, hi: number, count = 5): number[] {
  if (!(hi > lo)) return [lo];
  const raw = (hi - lo) / count;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => s >= raw)!;
  const ticks: number[] = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + step * 1e-9; v += step) ticks.push(Number(v.toPrecision(12)));
  return ticks;
}

export function lineChartSvg(series: ChartSeries[], options: LineChartOptions): string {
  const { width = 640, height = 320, title, xLabel, yLabel } = options;
  const left = 52,
    right = 130,
    top = 28,
    bottom = 44;
  const xs = series.flatMap((s) => s.points.map(([x]) => x));
  const ys = series.flatMap((s) => s.points.map(([, y]) => y).filter((y): y is number => y !== null));
  const xMin = xs.length ? minOf(xs) : 0,
    xMax = xs.length ? maxOf(xs) : 1;
  const [yMin, yMax] = options.yDomain ?? [0, ys.length && maxOf(ys) > 0 ? maxOf(ys) : 1];
  const plotW = width - left - right,
    plotH = height - top - bottom;
  const sx = (x: number) => left + (xMax > xMin ? ((x - xMin) / (xMax - xMin)) * plotW : plotW / 2);
  const sy = (y: number) => top + plotH - (yMax > yMin ? ((y - yMin) / (yMax - yMin)) * plotH : 0);

  const xTicks = niceTicks(xMin, xMax).filter((t) => Number.isInteger(t) || xMax - xMin > 10);
  const yTicks = niceTicks(yMin, yMax);
  const axes = [
    `<line x1="${left}" y1="${top + plotH}" x2="${left + plotW}" y2="${top + plotH}" stroke="currentColor"/>`,
    `<line x1="${left}" y1="${top}" x2="${left}" y2="${top + plotH}" stroke="currentColor"/>`,
    ...xTicks.map(
      (t) =>
        `<line x1="${fmt(sx(t))}" y1="${top + plotH}" x2="${fmt(sx(t))}" y2="${top + plotH + 4}" stroke="currentColor"/><text x="${fmt(sx(t))}" y="${top + plotH + 16}" text-anchor="middle">${t}</text>`,
    ),
    ...yTicks.map(
      (t) =>
        `<line x1="${left - 4}" y1="${fmt(sy(t))}" x2="${left + plotW}" y2="${fmt(sy(t))}" ${ink('ink-grid')}/><text x="${left - 7}" y="${fmt(sy(t) + 4)}" text-anchor="end">${t}</text>`,
    ),
    `<text x="${left + plotW / 2}" y="${height - 8}" text-anchor="middle">${escapeMarkup(xLabel)}</text>`,
    `<text x="14" y="${top + plotH / 2}" text-anchor="middle" transform="rotate(-90 14 ${top + plotH / 2})">${escapeMarkup(yLabel)}</text>`,
    `<text x="${left}" y="16" font-weight="bold">${escapeMarkup(title)}</text>`,
  ];

  const lines = series.flatMap((s) => {
    // Split at nulls so a gap is drawn as a gap.
    const runs: [number, number][][] = [[]];
    for (const [x, y] of s.points) {
      if (y === null) runs.push([]);
      else runs[runs.length - 1].push([x, y]);
    }
    return runs
      .filter((run) => run.length > 0)
      .map((run) => {
        const dash = s.dashed ? ' stroke-dasharray="5 3"' : '';
        if (run.length === 1) {
          return `<circle cx="${fmt(sx(run[0][0]))}" cy="${fmt(sy(run[0][1]))}" r="2.5" fill="${s.color}"><title>${escapeMarkup(s.label)}</title></circle>`;
        }
        const points = run.map(([x, y]) => `${fmt(sx(x))},${fmt(sy(y))}`).join(' ');
        return `<polyline fill="none" stroke="${s.color}" stroke-width="2"${dash} points="${points}"><title>${escapeMarkup(s.label)}</title></polyline>`;
      });
  });

  const legend = series.map((s, i) => {
    const y = top + 8 + 18 * i;
    const dash = s.dashed ? ' stroke-dasharray="5 3"' : '';
    return `<line x1="${left + plotW + 12}" y1="${y}" x2="${left + plotW + 32}" y2="${y}" stroke="${s.color}" stroke-width="2"${dash}/><text x="${left + plotW + 38}" y="${y + 4}">${escapeMarkup(s.label)}</text>`;
  });

  return [
    `<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${escapeMarkup(title)}" font-family="sans-serif" font-size="11" fill="currentColor">`,
    ...axes,
    ...lines,
    ...legend,
    '</svg>',
  ].join('\n');
}
