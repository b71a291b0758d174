// A categorical quantity (`labels:`) over the rounds, in a World state row: for an agent quantity
// the agents' shares of each label stacked into a band (D3 areas), for a world quantity a strip of
// one cell a round coloured by its label; a marker at the round on screen. Colours are the view's
// category colours (`cat-<k>` classes, from the theme's chart colours); the labels themselves are
// written by the panel beside the chart.
import { scaleLinear } from 'd3-scale';
import { area } from 'd3-shape';
import type { SeriesPoint } from '../model/worldStateTrack';
import { labelShares } from '../model/labelCounts';
import { chartFrame } from './sparkline';

const SVG = 'http://www.w3.org/2000/svg';
const WIDTH = 120,
  HEIGHT = 18;

/** The category colour class of label k (eight colours; later labels repeat them, paler). */
export function categoryClass(k: number): string {
  return `cat-${k % 8}${k >= 8 ? ' cat-alt' : ''}`;
}

function child(parent: SVGElement, tag: string, attrs: Record<string, string | number>): SVGElement {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  parent.append(node);
  return node;
}

function marker(svg: SVGSVGElement, x: number): void {
  child(svg, 'line', { class: 'marker', x1: x, x2: x, y1: 0, y2: HEIGHT });
}

/** The agents' shares of each label, round by round, stacked bottom (label 0) to top. */
export function labelBand(
  series: readonly { round: number; counts: number[] }[],
  opts: { label: string; xDomain: [number, number]; marker: number },
): SVGSVGElement {
  const svg = chartFrame('sparkline labels', opts.label, WIDTH, HEIGHT);
  const x = scaleLinear()
    .domain(opts.xDomain)
    .range([1, WIDTH - 3]);
  const y = scaleLinear().domain([0, 1]).range([HEIGHT, 0]);
  const shares = series.map((p) => labelShares(p.counts));
  const labels = series[0]?.counts.length ?? 0;
  // A single state (round 0 alone) is drawn as a thin column, not as nothing.
  const rounds = series.length === 1 ? [series[0].round, series[0].round + 0.4] : series.map((p) => p.round);
  const rows = series.length === 1 ? [shares[0], shares[0]] : shares;
  for (let k = 0; k < labels; k++) {
    const below = (i: number) => rows[i].slice(0, k).reduce((a, b) => a + b, 0);
    const band = area<number>()
      .x((i) => x(rounds[i]))
      .y0((i) => y(below(i)))
      .y1((i) => y(below(i) + rows[i][k]));
    child(svg, 'path', { class: `share ${categoryClass(k)}`, 'data-label': k, d: band(rows.map((_, i) => i)) ?? '' });
  }
  marker(svg, x(opts.marker));
  return svg;
}

/** A world quantity's label round by round: one cell a round, coloured by the label it ended with. */
export function labelStrip(
  points: readonly SeriesPoint[],
  labelCount: number,
  opts: { label: string; xDomain: [number, number]; marker: number },
): SVGSVGElement {
  const svg = chartFrame('sparkline labels', opts.label, WIDTH, HEIGHT);
  const x = scaleLinear()
    .domain(opts.xDomain)
    .range([1, WIDTH - 3]);
  const half = (x(opts.xDomain[0] + 1) - x(opts.xDomain[0])) / 2;
  for (const p of points) {
    const k = p.value;
    if (k === null || !Number.isInteger(k) || k < 0 || k >= labelCount) continue;
    const from = Math.max(1, x(p.round) - half),
      to = Math.min(WIDTH - 3, x(p.round) + half);
    child(svg, 'rect', {
      class: `cell ${categoryClass(k)}`,
      'data-round': p.round,
      x: from,
      y: 3,
      width: Math.max(0.5, to - from),
      height: HEIGHT - 6,
    });
  }
  marker(svg, x(opts.marker));
  return svg;
}
