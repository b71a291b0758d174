// A small line chart (D3): a few series over rounds, a marker at the round on screen, and a
// legend. Used by the metrics panel and the agent panel.
import { scaleLinear } from 'd3-scale';
import { select } from 'd3-selection';
import { line } from 'd3-shape';
import { maxOf, minOf } from '../../src/core/stats/extremes';

export interface ChartSeries {
  label: string;
  colour: string;
  points: { round: number; value: number | null }[];
  dashed?: boolean;
}

export interface ChartOptions {
  title: string;
  /** Round on screen (vertical marker). */
  marker?: number;
  /** Fixed y range; otherwise 0..max (at least 1e-9). */
  yDomain?: [number, number];
  /** x range in rounds (so every chart aligns); default from the data. */
  xDomain?: [number, number];
  width?: number;
  height?: number;
}

const SVG = 'http://www.w3.org/2000/svg';

export function lineChart(series: ChartSeries[], opts: ChartOptions): SVGSVGElement {
  const width = opts.width ?? 240,
    height = opts.height ?? 90;
  const m = { top: 16, right: 8, bottom: 16, left: 34 };
  const rounds = series.flatMap((s) => s.points.map((p) => p.round));
  const values = series
    .flatMap((s) => s.points.map((p) => p.value))
    .filter((v): v is number => v !== null && Number.isFinite(v));
  const x = scaleLinear()
    .domain(opts.xDomain ?? [Math.min(0, minOf(rounds)), Math.max(1, maxOf(rounds))])
    .range([m.left, width - m.right]);
  // From 0 (or below) to the top value; a flat series (all 0: no modularity yet) gets 0…1, not an
  // axis of float noise (−5e-10 … 1e-9).
  const lo = Math.min(0, minOf(values)),
    hi = Math.max(0, maxOf(values));
  const y = scaleLinear()
    .domain(opts.yDomain ?? (hi - lo > 1e-9 ? [lo, hi] : [lo, lo + 1]))
    .nice(3)
    .range([height - m.bottom, m.top]);
  const svg = select(document.createElementNS(SVG, 'svg'))
    .attr('class', 'chart')
    .attr('viewBox', `0 0 ${width} ${height}`)
    .attr('width', width)
    .attr('height', height)
    .attr('role', 'img')
    .attr('aria-label', opts.title);
  svg.append('text').attr('class', 'chart-title').attr('x', m.left).attr('y', 11).text(opts.title);
  const axis = svg.append('g').attr('class', 'axis');
  for (const t of y.ticks(3)) {
    axis
      .append('line')
      .attr('x1', m.left)
      .attr('x2', width - m.right)
      .attr('y1', y(t))
      .attr('y2', y(t));
    axis
      .append('text')
      .attr('x', m.left - 4)
      .attr('y', y(t))
      .attr('dy', '0.32em')
      .attr('text-anchor', 'end')
      .text(Number(t.toPrecision(3)).toString());
  }
  for (const t of x.ticks(4).filter(Number.isInteger)) {
    axis
      .append('text')
      .attr('x', x(t))
      .attr('y', height - 3)
      .attr('text-anchor', 'middle')
      .text(String(t));
  }
  if (opts.marker !== undefined) {
    svg
      .append('line')
      .attr('class', 'marker')
      .attr('x1', x(opts.marker))
      .attr('x2', x(opts.marker))
      .attr('y1', m.top)
      .attr('y2', height - m.bottom);
  }
  const path = line<{ round: number; value: number | null }>()
    .defined((p) => p.value !== null && Number.isFinite(p.value))
    .x((p) => x(p.round))
    .y((p) => y(p.value ?? 0));
  for (const s of series) {
    svg
      .append('path')
      .attr('class', 'series')
      .attr('fill', 'none')
      .style('stroke', s.colour)
      .attr('stroke-dasharray', s.dashed ? '3 2' : null)
      .attr('d', path(s.points) ?? '')
      .append('title')
      .text(s.label);
  }
  return svg.node()!;
}

/** A row of coloured labels for a multi-series chart. */
export function legend(series: ChartSeries[]): HTMLElement {
  const box = document.createElement('div');
  box.className = 'legend';
  for (const s of series) {
    const item = document.createElement('span');
    const swatch = document.createElement('i');
    swatch.style.background = s.colour;
    item.append(swatch, document.createTextNode(s.label));
    box.append(item);
  }
  return box;
}
