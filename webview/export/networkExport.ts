// Exports of the network on screen: PNG and SVG pictures of the whole network (fitted to a fixed
// frame), and the ties as GraphML, GEXF or CSV through the analysis layer's own writers.
import {
  graphFromTies,
  toGexf,
  toGraphML,
  toTiesCsv,
  byLabelPriority,
  labelAnchor,
  placeNames,
} from '../../src/core/analysis/pure';
import { escapeMarkup, escapeXml } from '../../src/core/text/markup';
import type { ExportFormat } from '../../src/core/protocol/viewMessages';
import { drawNetwork } from '../network/canvasDraw';
import { focusOf, type Decor } from '../network/decor';
import { EXPORT_MAX_SCALE, fitView } from '../network/fit';
import type { View } from '../network/canvasDraw';
import { tiePath, tieShape, tieWidth } from '../network/geometry';
import type { LayoutLink, LayoutNode } from '../network/layout';
import { nodeColour, type NetworkTheme } from '../network/theme';

export interface ExportInput {
  nodes: readonly LayoutNode[];
  links: readonly LayoutLink[];
  threshold: number;
  decor: Decor;
  theme: NetworkTheme;
  title: string;
  /**
   * An agent's attributes for the GraphML, GEXF and CSV files (name, group, traits, interests…):
   * the ones `society export` writes, so a file from the view colours by group in Gephi too.
   */
  attributes?: (id: string) => Record<string, string | number> | undefined;
}

const WIDTH = 1600,
  HEIGHT = 1200,
  MARGIN = 60;
/** Names in exported pictures, in pixels of the 1600-pixel frame (legible when shrunk to a column). */
const LABEL_PX = 20;

/** PNG as base64 (no data: prefix). */
export function networkPng(input: ExportInput): string {
  const canvas = document.createElement('canvas');
  canvas.width = WIDTH;
  canvas.height = HEIGHT;
  const ctx = canvas.getContext('2d', { alpha: false })!;
  drawNetwork(ctx, input.nodes, input.links, exportView(input.nodes), input.decor, input.theme, {
    width: WIDTH,
    height: HEIGHT,
    ratio: 1,
    allLabels: true,
    labelPx: LABEL_PX,
  });
  return canvas.toDataURL('image/png').replace(/^data:image\/png;base64,/, '');
}

export function networkSvg(input: ExportInput): string {
  const { nodes, links, theme } = input;
  const v = exportView(nodes);
  const { dimNode, dimLink } = focusOf(input.decor, links);
  const names = svgNames(input, v, dimNode);
  const ties = links.map((l) => {
    const shape = tieShape(l.source, l.target, l.source.radius, l.target.radius, tieWidth(l.strength));
    if (!shape) return '';
    const opacity = dimLink(l) ? 0.08 : l.reciprocal ? 0.85 : 0.35;
    return `<path d="${tiePath(shape)}" stroke="${escapeMarkup(l.reciprocal ? theme.mutual : theme.tie)}" stroke-opacity="${opacity}" stroke-width="${tieWidth(l.strength).toFixed(2)}"/>`;
  });
  const agents = nodes.map(
    (n) =>
      `<g transform="translate(${n.x.toFixed(1)},${n.y.toFixed(1)})" opacity="${dimNode(n) ? 0.25 : 1}">` +
      `<circle r="${n.radius.toFixed(1)}" fill="${escapeMarkup(nodeColour(theme, n.colour))}" stroke="${escapeMarkup(theme.outline)}"/>` +
      `<title>${escapeXml(n.name)}</title></g>`,
  );
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}">` +
    `<title>${escapeXml(input.title)}</title><rect width="100%" height="100%" fill="${escapeMarkup(theme.background)}"/>` +
    `<g transform="translate(${v.x.toFixed(2)},${v.y.toFixed(2)}) scale(${v.k.toFixed(4)})">` +
    `<g fill="none" stroke-linecap="round" stroke-linejoin="round">${ties.join('')}</g>` +
    `<g>${agents.join('')}</g></g>` +
    // Names in frame pixels, outside the scaled group, so their size does not depend on the network's.
    `<g font-family="system-ui, sans-serif" font-size="${LABEL_PX}" fill="${escapeMarkup(theme.foreground)}" stroke="${escapeMarkup(theme.background)}" stroke-width="3" paint-order="stroke" stroke-linejoin="round">${names}</g></svg>\n`
  );
}

/** The network fitted to the picture's frame. */
function exportView(nodes: readonly LayoutNode[]): View {
  return fitView(nodes, WIDTH, HEIGHT, MARGIN, EXPORT_MAX_SCALE);
}

/**
 * The names an SVG writes and where, as the screen and the PNG place them: beside, above or
 * below each agent, focused and most connected first, dimmed ones last, leaving out any that
 * would overlap (each agent's name stays its tooltip).
 */
function svgNames(input: ExportInput, v: View, dimNode: (n: LayoutNode) => boolean): string {
  const measure = document.createElement('canvas').getContext('2d')!;
  measure.font = `${LABEL_PX}px system-ui, sans-serif`;
  const focus = new Set([...input.decor.selected, ...input.decor.highlighted]);
  // Dimmed agents (outside a selection) last, as on screen.
  const ranked = byLabelPriority(input.nodes, focus).sort((a, b) => Number(dimNode(a)) - Number(dimNode(b)));
  const places = placeNames(
    ranked,
    input.nodes,
    v,
    (n) => measure.measureText(n.label).width,
    LABEL_PX * 1.2,
    2,
    focus,
    { width: WIDTH, height: HEIGHT },
  );
  return ranked
    .filter((n) => places.has(n.id))
    .map((n) => {
      const a = labelAnchor(places.get(n.id)!, v.x + v.k * n.x, v.y + v.k * n.y, v.k * n.radius + 2, LABEL_PX * 0.6);
      return `<text x="${a.x.toFixed(1)}" y="${a.y.toFixed(1)}" dy="0.35em" text-anchor="${a.align}">${escapeXml(n.label)}</text>`;
    })
    .join('');
}

function tieGraph(input: ExportInput) {
  return graphFromTies(
    input.nodes.map((n) => ({ id: n.id, attrs: input.attributes?.(n.id) ?? { name: n.name } })),
    input.links.map((l) => ({ from: l.source.id, to: l.target.id, strength: l.strength })),
    input.threshold,
  );
}

/** The export's content: text, or base64 for PNG. */
export function exportNetwork(format: ExportFormat, input: ExportInput): string {
  switch (format) {
    case 'png':
      return networkPng(input);
    case 'svg':
      return networkSvg(input);
    case 'graphml':
      return toGraphML(tieGraph(input));
    case 'gexf':
      return toGexf(tieGraph(input), { description: input.title });
    case 'csv':
      return toTiesCsv(tieGraph(input));
  }
}
