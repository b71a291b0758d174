// A deterministic force-directed layout of the tie network for static pictures: d3-force run for
// a fixed number of ticks from seeded start positions, with a seeded jiggle, then fitted to a box.
import {
  forceCenter,
  forceCollide,
  forceLink,
  forceManyBody,
  forceSimulation,
  forceX,
  forceY,
  type SimulationNodeDatum,
} from 'd3-force';
import { seededRandom } from '../../random/seededRandom';
import type { TieGraph } from '../metrics/tieGraph';
import { maxOf, minOf } from '../../stats/extremes';

export interface Point {
  x: number;
  y: number;
}

export interface LayoutOptions {
  seed?: number;
  ticks?: number;
  width?: number;
  height?: number;
  /** Space kept free at the box's edges. */
  margin?: number;
}

interface LayoutNode extends SimulationNodeDatum {
  id: string;
}

/**
 * Ticks of the layout by default: 300 up to 1,000 nodes, then fewer (each tick costs O(n log n);
 * a static picture of 10,000 agents is a texture, not a drawing to read ties from), at least 60.
 */
export function defaultTicks(nodes: number): number {
  return nodes <= 1000 ? 300 : Math.max(60, Math.round(300_000 / nodes));
}

/**
 * Largest network drawn with full care: nodes kept from overlapping, and the many-body force at
 * d3's default accuracy. Above it the nodes are dots of a texture.
 */
const CAREFUL_UP_TO = 2000;
/** Barnes–Hut accuracy above CAREFUL_UP_TO (d3's default is 0.9): 10,000 agents 6.5 s → 3.6 s, the same spread. */
const COARSE_THETA = 1.5;

/** Positions of every node inside [margin, width - margin] x [margin, height - margin]. */
export function layoutNetwork(graph: TieGraph, options: LayoutOptions = {}): Map<string, Point> {
  const { seed = 0, ticks = defaultTicks(graph.order), width = 800, height = 600, margin = 40 } = options;
  const rng = seededRandom(seed);
  const spread = 10 * Math.sqrt(graph.order + 1);
  const nodes: LayoutNode[] = graph.mapNodes((id) => ({ id, x: (rng() - 0.5) * spread, y: (rng() - 0.5) * spread }));
  // Every directed tie is a link, so a reciprocated pair pulls twice as hard as a one-way tie.
  const links = graph.mapEdges((_edge, _attrs, source, target) => ({ source, target }));
  const simulation = forceSimulation(nodes)
    .randomSource(rng)
    .force(
      'link',
      forceLink<LayoutNode, { source: string; target: string }>(links)
        .id((d) => d.id)
        .distance(40),
    )
    .force(
      'charge',
      forceManyBody()
        .strength(-60)
        .theta(graph.order <= CAREFUL_UP_TO ? 0.9 : COARSE_THETA),
    )
    .force('x', forceX(0).strength(0.05))
    .force('y', forceY(0).strength(0.05))
    .force('center', forceCenter(0, 0))
    .stop();
  // Collision keeps readable drawings apart; past CAREFUL_UP_TO the nodes are dots of a texture that
  // overlap whatever it does, and it costs 40 % of each tick (10,000 agents: 7 s → 4.2 s).
  if (graph.order <= CAREFUL_UP_TO) simulation.force('collide', forceCollide(10));
  simulation.tick(ticks);
  return fitToBox(nodes, width, height, margin);
}

function fitToBox(nodes: LayoutNode[], width: number, height: number, margin: number): Map<string, Point> {
  const positions = new Map<string, Point>();
  if (nodes.length === 0) return positions;
  const xs = nodes.map((n) => n.x!),
    ys = nodes.map((n) => n.y!);
  const minX = minOf(xs),
    maxX = maxOf(xs),
    minY = minOf(ys),
    maxY = maxOf(ys);
  const spanX = maxX - minX,
    spanY = maxY - minY;
  const scale = Math.min(
    spanX > 0 ? (width - 2 * margin) / spanX : Infinity,
    spanY > 0 ? (height - 2 * margin) / spanY : Infinity,
  );
  const k = Number.isFinite(scale) ? scale : 1;
  // Centre the drawing in the box whatever its aspect ratio.
  const offsetX = (width - k * spanX) / 2,
    offsetY = (height - k * spanY) / 2;
  for (const n of nodes) positions.set(n.id, { x: offsetX + k * (n.x! - minX), y: offsetY + k * (n.y! - minY) });
  return positions;
}
