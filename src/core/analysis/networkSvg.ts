// The tie network as a static SVG picture: nodes placed by `layoutNetwork`, coloured by a
// category (persona group), sized by in-degree, labelled; ties as arrows whose width follows
// strength (a reciprocated pair is one line with two heads). All text is escaped.
import { categoryOf } from './assortativity';
import { escapeMarkup } from './markup';
import { layoutNetwork, type LayoutOptions, type Point } from './networkLayout';
import { categoryColor } from './palette';
import type { TieGraph } from './tieGraph';

export interface NetworkSvgOptions extends LayoutOptions {
  /** Node attribute that picks the colour (default `group`). */
  colorBy?: string;
  /** Category of a node for colouring, instead of an attribute (e.g. its community). */
  categoryOf?: (node: string) => string;
  /** Node attribute shown as the label (default `name`, falling back to the node id). */
  labelBy?: string;
}

/** "community 2" before "community 10". */
const byNaturalOrder = (a: string, b: string) => a.localeCompare(b, 'en', { numeric: true });

const fmt = (v: number) => (Math.round(v * 10) / 10).toString();

function radius(graph: TieGraph, node: string): number {
  return 5 + 1.5 * Math.sqrt(graph.inDegree(node));
}

/** The segment between two node circles, trimmed so arrowheads meet the rims. */
function trimmed(a: Point, b: Point, ra: number, rb: number): [Point, Point] | null {
  const dx = b.x - a.x, dy = b.y - a.y;
  const length = Math.hypot(dx, dy);
  if (length <= ra + rb) return null;
  const ux = dx / length, uy = dy / length;
  return [{ x: a.x + ux * ra, y: a.y + uy * ra }, { x: b.x - ux * rb, y: b.y - uy * rb }];
}

export function networkSvg(graph: TieGraph, options: NetworkSvgOptions = {}): string {
  const { width = 800, height = 600, colorBy = 'group', labelBy = 'name' } = options;
  const positions = layoutNetwork(graph, { ...options, width, height });
  const category = options.categoryOf ?? ((node: string) => categoryOf(graph, node, colorBy));
  const categories = [...new Set(graph.mapNodes((node) => category(node)))].sort(byNaturalOrder);
  const colorOf = (node: string) => categoryColor(categories.indexOf(category(node)));
  const labelOf = (node: string) => {
    const label: unknown = graph.getNodeAttribute(node, labelBy);
    return label === undefined || label === null || label === '' ? node : String(label);
  };

  const ties: string[] = [];
  graph.forEachDirectedEdge((_edge, attrs, source, target) => {
    const mutual = graph.hasDirectedEdge(target, source);
    if (mutual && source > target) return; // drawn once, from the other direction
    const segment = trimmed(positions.get(source)!, positions.get(target)!, radius(graph, source) + 1, radius(graph, target) + 1);
    if (!segment) return;
    const strength = mutual ? Math.max(attrs.weight, graph.getDirectedEdgeAttribute(target, source, 'weight')) : attrs.weight;
    const title = mutual ? `${labelOf(source)} ↔ ${labelOf(target)}` : `${labelOf(source)} → ${labelOf(target)}`;
    ties.push(`<line class="${mutual ? 'tie mutual' : 'tie'}" x1="${fmt(segment[0].x)}" y1="${fmt(segment[0].y)}" x2="${fmt(segment[1].x)}" y2="${fmt(segment[1].y)}"`
      + ` stroke-width="${fmt(0.5 + 2 * Math.max(0, Math.min(1, strength)))}"${mutual ? ' marker-start="url(#tie-head-start)"' : ''} marker-end="url(#tie-head)">`
      + `<title>${escapeMarkup(`${title} (${strength.toFixed(2)})`)}</title></line>`);
  });

  const circles: string[] = [];
  const labels: string[] = [];
  graph.forEachNode((node) => {
    const p = positions.get(node)!;
    const r = radius(graph, node);
    const nodeCategory = category(node);
    const about = `${labelOf(node)} (${node})${nodeCategory ? `, ${options.categoryOf ? nodeCategory : `${colorBy}: ${nodeCategory}`}` : ''}; in ${graph.inDegree(node)}, out ${graph.outDegree(node)}`;
    circles.push(`<circle cx="${fmt(p.x)}" cy="${fmt(p.y)}" r="${fmt(r)}" fill="${colorOf(node)}"><title>${escapeMarkup(about)}</title></circle>`);
    labels.push(`<text x="${fmt(p.x)}" y="${fmt(p.y - r - 3)}">${escapeMarkup(labelOf(node))}</text>`);
  });

  const legend = categories.length > 1 || (categories.length === 1 && categories[0] !== '')
    ? categories.map((c, i) => `<circle cx="12" cy="${16 + 18 * i}" r="6" fill="${categoryColor(i)}"/><text x="24" y="${20 + 18 * i}">${escapeMarkup(c || '(none)')}</text>`)
    : [];

  return [
    `<svg xmlns="http://www.w3.org/2000/svg" class="network" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="Tie network">`,
    '<defs>',
    '<marker id="tie-head" viewBox="0 0 10 10" refX="10" refY="5" markerUnits="userSpaceOnUse" markerWidth="7" markerHeight="7" orient="auto"><path d="M0,0L10,5L0,10z" fill="#777"/></marker>',
    '<marker id="tie-head-start" viewBox="0 0 10 10" refX="0" refY="5" markerUnits="userSpaceOnUse" markerWidth="7" markerHeight="7" orient="auto"><path d="M10,0L0,5L10,10z" fill="#777"/></marker>',
    '</defs>',
    // Labels under the ties, so arrowheads stay visible where a label meets a line.
    `<g class="labels" font-family="sans-serif" font-size="10" fill="#222" text-anchor="middle">${labels.join('')}</g>`,
    `<g class="ties" stroke="#777" stroke-opacity="0.6">${ties.join('')}</g>`,
    `<g class="agents" stroke="#fff" stroke-width="1">${circles.join('')}</g>`,
    legend.length ? `<g class="legend" font-family="sans-serif" font-size="12" fill="#222">${legend.join('')}</g>` : '',
    '</svg>',
  ].join('\n');
}
