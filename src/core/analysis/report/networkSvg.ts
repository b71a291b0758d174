// The tie network as a static SVG picture: nodes placed by `layoutNetwork`, coloured by a
// category (persona group), sized by in-degree, labelled up to LABELLED_UP_TO agents (each has a
// tooltip); ties as arrows whose width follows strength (a reciprocated pair is one line with two
// heads). Large networks get smaller circles. The legend has a band of its own under the
// drawing (networkLegend.ts): the picture is `height` plus that band, so it never covers an agent
// or a name. More categories than the palette's ten colours: categoryKey.ts. Greys come from the
// report's theme (reportTheme.ts), text is currentColor, so the picture reads on a dark page too.
// All text is escaped.
import { categoryOf } from '../metrics/assortativity';
import { escapeMarkup } from '../../text/markup';
import { layoutNetwork, type LayoutOptions, type Point } from './networkLayout';
import { NO_VALUE_COLOR, sequentialColor } from './palette';
import { categoryKey, type CategoryKey } from './categoryKey';
import { categoryLegend, LEGEND_FONT_SIZE, numericLegend, type NumericRange } from './networkLegend';
import { attributeKind } from '../metrics/attributeHomophily';
import { numericValueOf } from '../metrics/numericAssortativity';
import { byLabelPriority, declutter } from './labelPlacement';
import { ink } from './reportTheme';
import type { TieGraph } from '../metrics/tieGraph';
import { nodeId } from '../metrics/nodeKeys';

export interface NetworkSvgOptions extends LayoutOptions {
  /** Node attribute that picks the colour (default `group`). */
  colorBy?: string;
  /** Category of a node for colouring, instead of an attribute (e.g. its community). */
  categoryOf?: (node: string) => string;
  /** What the categories are, in the plural, for the legend's "other (N …)" (default `categories`). */
  categoriesAre?: string;
  /** Node attribute shown as the label (default `name`, falling back to the node id). */
  labelBy?: string;
}

const fmt = (v: number) => (Math.round(v * 10) / 10).toString();

/** Largest network drawn with a name over every agent (past it the names only cover each other). */
export const LABELLED_UP_TO = 200;
/** Font size of the names. */
const LABEL_SIZE = 10;

/**
 * Radius of an agent with no ties: 5, or less when that many circles would cover the picture
 * (10,000 agents in 800 × 600 get 2.4: separate dots rather than one disc of overlapping circles).
 */
function baseRadius(nodes: number, width: number, height: number): number {
  return Math.min(5, Math.max(1.2, 0.35 * Math.sqrt((width * height) / Math.max(1, nodes))));
}

/** The segment between two node circles, trimmed so arrowheads meet the rims. */
function trimmed(a: Point, b: Point, ra: number, rb: number): [Point, Point] | null {
  const dx = b.x - a.x,
    dy = b.y - a.y;
  const length = Math.hypot(dx, dy);
  if (length <= ra + rb) return null;
  const ux = dx / length,
    uy = dy / length;
  return [
    { x: a.x + ux * ra, y: a.y + uy * ra },
    { x: b.x - ux * rb, y: b.y - uy * rb },
  ];
}

function numericRange(graph: TieGraph, attribute: string): NumericRange {
  let min = Infinity,
    max = -Infinity,
    missing = 0;
  graph.forEachNode((node) => {
    const v = numericValueOf(graph, node, attribute);
    if (v === undefined) {
      missing++;
      return;
    }
    min = Math.min(min, v);
    max = Math.max(max, v);
  });
  return { min, max, missing };
}

/** How agents are coloured: by category through the key, or on a sequential scale for a numeric attribute. */
interface Coloring {
  category: (node: string) => string;
  /** The numeric attribute's range, when the colour follows a number. */
  numeric?: NumericRange;
  /** Agents per category (empty for a numeric attribute). */
  counts: Map<string, number>;
  key: CategoryKey;
  colorOf: (node: string) => string;
}

function coloringOf(graph: TieGraph, options: NetworkSvgOptions, colorBy: string): Coloring {
  const category = options.categoryOf ?? ((node: string) => categoryOf(graph, node, colorBy));
  // A numeric attribute (age, a trait) is coloured on a sequential scale from its lowest to its
  // highest value: a palette of categories would give every distinct age its own unrelated colour.
  const numeric =
    !options.categoryOf && attributeKind(graph, colorBy) === 'numeric' ? numericRange(graph, colorBy) : undefined;
  const counts = new Map<string, number>();
  if (!numeric) {
    graph.forEachNode((node) => {
      const c = category(node);
      counts.set(c, (counts.get(c) ?? 0) + 1);
    });
  }
  const key = categoryKey(counts, options.categoriesAre);
  const colorOf = (node: string) => {
    if (!numeric) return key.colorOf(category(node));
    const v = numericValueOf(graph, node, colorBy);
    return v === undefined
      ? NO_VALUE_COLOR
      : sequentialColor(numeric.max > numeric.min ? (v - numeric.min) / (numeric.max - numeric.min) : 0.5);
  };
  return { category, numeric, counts, key, colorOf };
}

/** What the drawing of agents, ties and names needs to know about each agent. */
interface Drawing {
  graph: TieGraph;
  positions: Map<string, Point>;
  radius: (node: string) => number;
  labelOf: (node: string) => string;
}

/** One line per tie, or per reciprocated pair (two heads), as wide as the tie is strong. */
function tieLines({ graph, positions, radius, labelOf }: Drawing): string[] {
  const ties: string[] = [];
  graph.forEachDirectedEdge((_edge, attrs, source, target) => {
    const mutual = graph.hasDirectedEdge(target, source);
    if (mutual && source > target) return; // drawn once, from the other direction
    const segment = trimmed(positions.get(source)!, positions.get(target)!, radius(source) + 1, radius(target) + 1);
    if (!segment) return;
    const strength = mutual
      ? Math.max(attrs.weight, graph.getDirectedEdgeAttribute(target, source, 'weight'))
      : attrs.weight;
    const title = mutual ? `${labelOf(source)} ↔ ${labelOf(target)}` : `${labelOf(source)} → ${labelOf(target)}`;
    ties.push(
      `<line class="${mutual ? 'tie mutual' : 'tie'}" x1="${fmt(segment[0].x)}" y1="${fmt(segment[0].y)}" x2="${fmt(segment[1].x)}" y2="${fmt(segment[1].y)}"` +
        ` stroke-width="${fmt(0.5 + 2 * Math.max(0, Math.min(1, strength)))}"${mutual ? ' marker-start="url(#tie-head-start)"' : ''} marker-end="url(#tie-head)">` +
        `<title>${escapeMarkup(`${title} (${strength.toFixed(2)})`)}</title></line>`,
    );
  });
  return ties;
}

/** A circle per agent with its tooltip, and the lowest point they reach (at least `bottom`). */
function agentCircles(
  { graph, positions, radius, labelOf }: Drawing,
  coloring: Coloring,
  options: NetworkSvgOptions,
  colorBy: string,
  bottom: number,
): { circles: string[]; bottom: number } {
  const circles: string[] = [];
  graph.forEachNode((node) => {
    const p = positions.get(node)!;
    bottom = Math.max(bottom, p.y + radius(node));
    const nodeCategory = coloring.category(node);
    const about = `${labelOf(node)} (${nodeId(node)})${nodeCategory ? `, ${options.categoryOf ? nodeCategory : `${colorBy}: ${nodeCategory}`}` : ''}; in ${graph.inDegree(node)}, out ${graph.outDegree(node)}`;
    circles.push(
      `<circle cx="${fmt(p.x)}" cy="${fmt(p.y)}" r="${fmt(radius(node))}" fill="${coloring.colorOf(node)}"><title>${escapeMarkup(about)}</title></circle>`,
    );
  });
  return { circles, bottom };
}

/**
 * Names above their circles, the best connected first, each only where it overlaps no name
 * already written (labelPlacement.ts); the rest keep their tooltip. Also the lowest point a name
 * reaches (at least `bottom`).
 */
function nameLabels(
  { graph, positions, radius, labelOf }: Drawing,
  bottom: number,
): { labels: string[]; bottom: number } {
  const labels: string[] = [];
  const named = byLabelPriority(
    graph.mapNodes((id) => ({ id, name: labelOf(id), inDegree: graph.inDegree(id), outDegree: graph.outDegree(id) })),
    new Set(),
  );
  // Above the circle, or else below it.
  const above = (id: string) => positions.get(id)!.y - radius(id) - 3;
  const below = (id: string) => positions.get(id)!.y + radius(id) + 3 + LABEL_SIZE * 0.75;
  const places = declutter(
    named.map((n) => {
      const w = n.name.length * LABEL_SIZE * 0.55,
        x = positions.get(n.id)!.x - w / 2;
      return {
        id: n.id,
        w,
        h: LABEL_SIZE * 1.2,
        at: [
          { x, y: above(n.id) - LABEL_SIZE * 0.35 },
          { x, y: below(n.id) - LABEL_SIZE * 0.35 },
        ],
      };
    }),
  );
  graph.forEachNode((node) => {
    const place = places.get(node);
    if (place === undefined) return;
    const y = place === 1 ? below(node) : above(node);
    bottom = Math.max(bottom, y + LABEL_SIZE * 0.3);
    labels.push(`<text x="${fmt(positions.get(node)!.x)}" y="${fmt(y)}">${escapeMarkup(labelOf(node))}</text>`);
  });
  return { labels, bottom };
}

export function networkSvg(graph: TieGraph, options: NetworkSvgOptions = {}): string {
  const { width = 800, height = 600, colorBy = 'group', labelBy = 'name' } = options;
  const positions = layoutNetwork(graph, { ...options, width, height });
  const coloring = coloringOf(graph, options, colorBy);
  const { numeric, counts, key } = coloring;
  const base = baseRadius(graph.order, width, height);
  // Sized by ties received: 5 + 1.5·√in-degree at full size.
  const radius = (node: string) => base * (1 + 0.3 * Math.sqrt(graph.inDegree(node)));
  const labelled = graph.order <= LABELLED_UP_TO;
  const labelOf = (node: string) => {
    const label: unknown = graph.getNodeAttribute(node, labelBy);
    return label === undefined || label === null || label === '' ? nodeId(node) : String(label);
  };
  const drawing: Drawing = { graph, positions, radius, labelOf };

  const ties = tieLines(drawing);
  // The lowest point drawn (a circle or a name), at least the layout's height.
  const agents = agentCircles(drawing, coloring, options, colorBy, height);
  const names = labelled ? nameLabels(drawing, agents.bottom) : { labels: [], bottom: agents.bottom };

  // The legend's band starts under everything drawn; no legend when nobody has a value (one category, '').
  const top = Math.ceil(names.bottom);
  const legend = numeric
    ? numericLegend(colorBy, numeric, top)
    : counts.size > 1 || (counts.size === 1 && !counts.has(''))
      ? categoryLegend(key.entries, width, top)
      : { height: 0, markup: '' };
  const total = legend.height ? top + legend.height : height;

  return [
    `<svg xmlns="http://www.w3.org/2000/svg" class="network" viewBox="0 0 ${width} ${total}" width="${width}" height="${total}" role="img" aria-label="Tie network">`,
    '<defs>',
    `<marker id="tie-head" viewBox="0 0 10 10" refX="10" refY="5" markerUnits="userSpaceOnUse" markerWidth="7" markerHeight="7" orient="auto"><path d="M0,0L10,5L0,10z" ${ink('ink-tie-head')}/></marker>`,
    `<marker id="tie-head-start" viewBox="0 0 10 10" refX="0" refY="5" markerUnits="userSpaceOnUse" markerWidth="7" markerHeight="7" orient="auto"><path d="M10,0L0,5L10,10z" ${ink('ink-tie-head')}/></marker>`,
    '</defs>',
    `<g ${ink('ink-tie', 'ties')} stroke-opacity="0.6">${ties.join('')}</g>`,
    `<g ${ink('ink-rim', 'agents')} stroke-width="${base < 5 ? fmt(base / 5) : 1}">${agents.circles.join('')}</g>`,
    // Names over everything, each on a halo of the page's colour: drawn under the ties, lines ran through them.
    labelled
      ? `<g ${ink('ink-halo', 'labels')} font-family="sans-serif" font-size="${LABEL_SIZE}" fill="currentColor" text-anchor="middle" stroke-width="3" stroke-linejoin="round" paint-order="stroke">${names.labels.join('')}</g>`
      : '',
    legend.height
      ? `<g class="legend" font-family="sans-serif" font-size="${LEGEND_FONT_SIZE}" fill="currentColor">${legend.markup}</g>`
      : '',
    '</svg>',
  ].join('\n');
}
