// Exports of the network on screen: PNG and SVG pictures of the whole network (fitted to a fixed
// frame), and the ties as GraphML, GEXF or CSV through the analysis layer's own writers.
import { graphFromTies } from '../../src/core/analysis/graphFromTies';
import { toGexf } from '../../src/core/analysis/gexf';
import { toGraphML } from '../../src/core/analysis/graphml';
import { escapeMarkup } from '../../src/core/analysis/markup';
import { toTiesCsv } from '../../src/core/analysis/tiesCsv';
import type { ExportFormat } from '../../src/core/protocol/viewMessages';
import { drawNetwork } from '../network/canvasDraw';
import { focusOf, type Decor } from '../network/decor';
import { fitView } from '../network/fit';
import { tiePath, tieShape, tieWidth } from '../network/geometry';
import type { LayoutLink, LayoutNode } from '../network/layout';
import { communityColour, type NetworkTheme } from '../network/theme';

export interface ExportInput {
  nodes: readonly LayoutNode[];
  links: readonly LayoutLink[];
  threshold: number;
  decor: Decor;
  theme: NetworkTheme;
  title: string;
}

const WIDTH = 1600, HEIGHT = 1200;

/** PNG as base64 (no data: prefix). */
export function networkPng(input: ExportInput): string {
  const canvas = document.createElement('canvas');
  canvas.width = WIDTH;
  canvas.height = HEIGHT;
  const ctx = canvas.getContext('2d', { alpha: false })!;
  drawNetwork(ctx, input.nodes, input.links, fitView(input.nodes, WIDTH, HEIGHT, 40), input.decor, input.theme, { width: WIDTH, height: HEIGHT, ratio: 1, allLabels: true });
  return canvas.toDataURL('image/png').replace(/^data:image\/png;base64,/, '');
}

export function networkSvg(input: ExportInput): string {
  const { nodes, links, theme } = input;
  const v = fitView(nodes, WIDTH, HEIGHT, 40);
  const { dimNode, dimLink } = focusOf(input.decor, links);
  const ties = links.map((l) => {
    const shape = tieShape(l.source, l.target, l.source.radius, l.target.radius, tieWidth(l.strength));
    if (!shape) return '';
    const opacity = dimLink(l) ? 0.08 : l.reciprocal ? 0.85 : 0.35;
    return `<path d="${tiePath(shape)}" stroke="${escapeMarkup(l.reciprocal ? theme.mutual : theme.tie)}" stroke-opacity="${opacity}" stroke-width="${tieWidth(l.strength).toFixed(2)}"/>`;
  });
  const agents = nodes.map((n) => `<g transform="translate(${n.x.toFixed(1)},${n.y.toFixed(1)})" opacity="${dimNode(n) ? 0.25 : 1}">`
    + `<circle r="${n.radius.toFixed(1)}" fill="${escapeMarkup(communityColour(theme, n.colour))}" stroke="${escapeMarkup(theme.outline)}"/>`
    + `<text x="${(n.radius + 2).toFixed(1)}" dy="0.35em">${escapeMarkup(n.label)}</text><title>${escapeMarkup(n.name)}</title></g>`);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}">`
    + `<title>${escapeMarkup(input.title)}</title><rect width="100%" height="100%" fill="${escapeMarkup(theme.background)}"/>`
    + `<g transform="translate(${v.x.toFixed(2)},${v.y.toFixed(2)}) scale(${v.k.toFixed(4)})">`
    + `<g fill="none" stroke-linecap="round" stroke-linejoin="round">${ties.join('')}</g>`
    + `<g font-family="system-ui, sans-serif" font-size="11" fill="${escapeMarkup(theme.foreground)}">${agents.join('')}</g></g></svg>\n`;
}

function tieGraph(input: ExportInput) {
  return graphFromTies(input.nodes.map((n) => ({ id: n.id, attrs: { name: n.name } })),
    input.links.map((l) => ({ from: l.source.id, to: l.target.id, strength: l.strength })), input.threshold);
}

/** The export's content: text, or base64 for PNG. */
export function exportNetwork(format: ExportFormat, input: ExportInput): string {
  switch (format) {
    case 'png': return networkPng(input);
    case 'svg': return networkSvg(input);
    case 'graphml': return toGraphML(tieGraph(input));
    case 'gexf': return toGexf(tieGraph(input), { description: input.title });
    case 'csv': return toTiesCsv(tieGraph(input));
  }
}
