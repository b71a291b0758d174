// A sparkline (D3): one quantity over the rounds in a strip of a World state row, with its
// declared bounds as faint dashed lines, an optional band (the least … most over the agents), a
// marker at the round on screen and a dot at its value there. Numbers and names are drawn by the
// panel around it; the chart itself holds no text but its accessible label (set as an attribute).
// It stretches to its cell (no fixed aspect): its lines keep their width and the dot stays round
// (non-scaling strokes; the dot is a round cap on a line of no length).
import { scaleLinear } from 'd3-scale';
import { select } from 'd3-selection';
import { area, line } from 'd3-shape';
import type { SeriesPoint } from '../model/worldStateTrack';
import { maxOf, minOf } from '../../src/core/stats/extremes';

export interface SparklineOptions {
  label: string;
  /** Rounds on the x axis (every sparkline aligns with the timeline). */
  xDomain: [number, number];
  /** Round on screen. */
  marker: number;
  /** The value at the marker (the dot); null: none yet. */
  current: number | null;
  min?: number;
  max?: number;
  /** The least and most each round, drawn as a band behind the line. */
  band?: { low: SeriesPoint[]; high: SeriesPoint[] };
  width?: number;
  height?: number;
}

/** The chart's frame: an SVG with its viewBox, stretched to whatever box CSS gives it. */
export function chartFrame(className: string, label: string, width: number, height: number): SVGSVGElement {
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('class', className);
  svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
  svg.setAttribute('preserveAspectRatio', 'none');
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', label);
  return svg;
}

const SVG = 'http://www.w3.org/2000/svg';

/** The y range: the declared bounds where both are given, else the data (with any one bound). */
export function sparklineDomain(values: readonly number[], min?: number, max?: number): [number, number] {
  const xs = values.filter((v) => Number.isFinite(v));
  let lo = min ?? (xs.length ? minOf(xs) : 0);
  let hi = max ?? (xs.length ? maxOf(xs) : lo + 1);
  if (!(hi - lo > 1e-9)) {
    // A flat series: centred, with room either side (a bound stays where it is).
    const pad = Math.max(1, Math.abs(lo) * 0.1);
    if (min !== undefined && max === undefined) hi = lo + 2 * pad;
    else if (max !== undefined && min === undefined) lo = hi - 2 * pad;
    else [lo, hi] = [lo - pad, hi + pad];
  }
  return [lo, hi];
}

export function sparkline(points: readonly SeriesPoint[], opts: SparklineOptions): SVGSVGElement {
  const width = opts.width ?? 120,
    height = opts.height ?? 18;
  const m = { top: 3, right: 3, bottom: 3, left: 1 };
  const values = [
    ...points.map((p) => p.value),
    ...(opts.band ? [...opts.band.low, ...opts.band.high].map((p) => p.value) : []),
  ].filter((v): v is number => v !== null);
  const x = scaleLinear()
    .domain(opts.xDomain)
    .range([m.left, width - m.right]);
  const y = scaleLinear()
    .domain(sparklineDomain(values, opts.min, opts.max))
    .range([height - m.bottom, m.top]);
  const svg = select(chartFrame('sparkline', opts.label, width, height));
  for (const bound of [opts.min, opts.max]) {
    if (bound === undefined) continue;
    svg
      .append('line')
      .attr('class', 'bound')
      .attr('x1', m.left)
      .attr('x2', width - m.right)
      .attr('y1', y(bound))
      .attr('y2', y(bound));
  }
  const defined = (p: SeriesPoint) => p.value !== null;
  if (opts.band) {
    const { low, high } = opts.band;
    const band = area<number>()
      .defined((i) => low[i]?.value != null && high[i]?.value != null)
      .x((i) => x(low[i].round))
      .y0((i) => y(low[i].value!))
      .y1((i) => y(high[i].value!));
    svg
      .append('path')
      .attr('class', 'band')
      .attr('d', band(low.map((_, i) => i)) ?? '');
  }
  const path = line<SeriesPoint>()
    .defined(defined)
    .x((p) => x(p.round))
    .y((p) => y(p.value!));
  svg
    .append('path')
    .attr('class', 'series')
    .attr('d', path([...points]) ?? '');
  svg
    .append('line')
    .attr('class', 'marker')
    .attr('x1', x(opts.marker))
    .attr('x2', x(opts.marker))
    .attr('y1', m.top)
    .attr('y2', height - m.bottom);
  if (opts.current !== null) {
    const [cx, cy] = [x(opts.marker), y(opts.current)];
    svg.append('line').attr('class', 'dot').attr('x1', cx).attr('x2', cx).attr('y1', cy).attr('y2', cy);
  }
  return svg.node()!;
}
