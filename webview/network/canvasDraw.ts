// Draws the network on a 2D canvas: ties batched by style (one path per width band and kind, so
// 10,000 ties are a handful of strokes), nodes batched by colour, labels only where readable.
// Used for live rendering above a few hundred nodes and for PNG export at any size.
import { focusOf, type Decor } from './decor';
import { byLabelPriority, labelAnchor, placeNames } from '../../src/core/analysis/pure';
import { tieShape, tieWidth, traceTie } from './geometry';
import type { LayoutLink, LayoutNode } from './layout';
import { nodeColour, type NetworkTheme } from './theme';

export interface View {
  k: number;
  x: number;
  y: number;
}

export interface DrawOptions {
  width: number;
  height: number;
  /** Device pixels per CSS pixel. */
  ratio: number;
  /**
   * Consider every visible node's name (PNG export), not only when zoomed in. Names that would
   * overlap are still left out: a pile of overlapping names reads as none.
   */
  allLabels?: boolean;
  /** Size of names in screen pixels (default 11; an export for a paper writes them larger). */
  labelPx?: number;
}

const BANDS = 4;
const LABELS_MAX = 400;
/** Above this many ties on screen, strokes stay within one device pixel. */
const CROWDED = 600;

/** What every layer of one drawing shares: the canvas, the zoom, and what is on screen or dimmed. */
interface Frame {
  ctx: CanvasRenderingContext2D;
  k: number;
  /** The visible part of layout space, padded for curves and labels. */
  box: { x0: number; y0: number; x1: number; y1: number };
  visible: (n: LayoutNode) => boolean;
  dimNode: (n: LayoutNode) => boolean;
  dimLink: (l: LayoutLink) => boolean;
  /** Thinnest stroke, in layout units: half a CSS pixel. */
  minWidth: number;
  theme: NetworkTheme;
}

export function drawNetwork(
  ctx: CanvasRenderingContext2D,
  nodes: readonly LayoutNode[],
  links: readonly LayoutLink[],
  view: View,
  decor: Decor,
  theme: NetworkTheme,
  opts: DrawOptions,
): void {
  const { k, x, y } = view;
  ctx.setTransform(opts.ratio, 0, 0, opts.ratio, 0, 0);
  ctx.fillStyle = theme.background;
  ctx.fillRect(0, 0, opts.width, opts.height);
  ctx.setTransform(opts.ratio * k, 0, 0, opts.ratio * k, opts.ratio * x, opts.ratio * y);
  const pad = 40 / k;
  const box = { x0: -x / k - pad, y0: -y / k - pad, x1: (opts.width - x) / k + pad, y1: (opts.height - y) / k + pad };
  const visible = (n: LayoutNode) => n.x >= box.x0 && n.x <= box.x1 && n.y >= box.y0 && n.y <= box.y1;
  const { dimNode, dimLink } = focusOf(decor, links);
  const frame: Frame = { ctx, k, box, visible, dimNode, dimLink, minWidth: 0.5 / k, theme };
  drawTies(frame, links);
  drawNodes(frame, nodes);
  drawRings(frame, nodes, decor);
  drawLabels(frame, nodes, view, decor, opts);
}

/**
 * Ties: batches keyed by (dimmed, reciprocal, width band). Software rasterizers draw strokes of
 * at most one device pixel on a fast path, so with many ties on screen widths are capped there
 * and strength also shows as opacity.
 */
function drawTies({ ctx, k, box, dimLink, minWidth, theme }: Frame, links: readonly LayoutLink[]): void {
  const { x0, y0, x1, y1 } = box;
  const batches = new Map<number, LayoutLink[]>();
  let visibleTies = 0;
  for (const l of links) {
    const s = l.source,
      t = l.target;
    if (Math.max(s.x, t.x) < x0 || Math.min(s.x, t.x) > x1 || Math.max(s.y, t.y) < y0 || Math.min(s.y, t.y) > y1) {
      continue;
    }
    const band = Math.min(BANDS - 1, Math.floor(l.strength * BANDS));
    const key = (dimLink(l) ? 0 : 1) * 2 * BANDS + (l.reciprocal ? BANDS : 0) + band;
    let list = batches.get(key);
    if (!list) batches.set(key, (list = []));
    list.push(l);
    visibleTies++;
  }
  const maxDevicePx = visibleTies > CROWDED ? 1 : Infinity;
  ctx.lineCap = 'butt';
  ctx.lineJoin = 'miter';
  for (const [key, list] of [...batches].sort((a, b) => a[0] - b[0])) {
    const dim = key < 2 * BANDS,
      reciprocal = key % (2 * BANDS) >= BANDS,
      band = key % BANDS;
    const strength = (band + 0.5) / BANDS;
    const width = Math.max(minWidth, Math.min(tieWidth(strength), maxDevicePx / k));
    const path = new Path2D();
    for (const l of list) {
      const shape = tieShape(l.source, l.target, l.source.radius, l.target.radius, width);
      if (shape) traceTie(path, shape);
    }
    ctx.strokeStyle = reciprocal ? theme.mutual : theme.tie;
    ctx.globalAlpha = dim ? 0.08 : (reciprocal ? 0.55 : 0.2) + (maxDevicePx === 1 ? 0.4 * strength : 0.25);
    ctx.lineWidth = width;
    ctx.stroke(path);
  }
  ctx.globalAlpha = 1;
}

/** Nodes: one fill per colour (dimmed ones apart), one outline pass. */
function drawNodes({ ctx, visible, dimNode, minWidth, theme }: Frame, nodes: readonly LayoutNode[]): void {
  const fills = new Map<string, Path2D>();
  const outline = new Path2D();
  for (const n of nodes) {
    if (!visible(n)) continue;
    const key = `${dimNode(n) ? 'd' : 'n'}${n.colour}`;
    let path = fills.get(key);
    if (!path) fills.set(key, (path = new Path2D()));
    path.moveTo(n.x + n.radius, n.y);
    path.arc(n.x, n.y, n.radius, 0, 2 * Math.PI);
    outline.moveTo(n.x + n.radius, n.y);
    outline.arc(n.x, n.y, n.radius, 0, 2 * Math.PI);
  }
  for (const [key, path] of fills) {
    ctx.globalAlpha = key[0] === 'd' ? 0.25 : 1;
    ctx.fillStyle = nodeColour(theme, Number(key.slice(1)));
    ctx.fill(path);
  }
  ctx.globalAlpha = 1;
  ctx.strokeStyle = theme.outline;
  ctx.lineWidth = Math.max(minWidth, 1);
  ctx.stroke(outline);
}

/** Rings: selection, debugger highlight, hover. */
function drawRings({ ctx, k, theme }: Frame, nodes: readonly LayoutNode[], decor: Decor): void {
  const ring = (ids: Iterable<string>, colour: string, width: number) => {
    const path = new Path2D();
    for (const id of ids) {
      const n = nodes.find((m) => m.id === id);
      if (!n) continue;
      path.moveTo(n.x + n.radius + 3 / k, n.y);
      path.arc(n.x, n.y, n.radius + 3 / k, 0, 2 * Math.PI);
    }
    ctx.strokeStyle = colour;
    ctx.lineWidth = width / k;
    ctx.stroke(path);
  };
  ring(decor.highlighted, theme.mutual, 3);
  ring(decor.selected, theme.focus, 2.5);
  if (decor.hovered) ring([decor.hovered], theme.focus, 1.5);
}

/** Labels where readable: all when zoomed in (or exporting), else the focused ones and hubs. */
function drawLabels(
  { ctx, k, visible, dimNode, theme }: Frame,
  nodes: readonly LayoutNode[],
  view: View,
  decor: Decor,
  opts: DrawOptions,
): void {
  ctx.font = theme.font;
  ctx.fillStyle = theme.foreground;
  ctx.textBaseline = 'middle';
  const fontPx = (opts.labelPx ?? 11) / Math.max(k, 0.6);
  ctx.font = `${fontPx}px ${theme.font.replace(/^\S+\s+/, '')}`;
  const focus = new Set([...decor.selected, ...decor.highlighted, ...(decor.hovered ? [decor.hovered] : [])]);
  const everyone = opts.allLabels || k >= 1.2 || nodes.length <= 60;
  // An export names the dimmed agents too (after the others): the picture has room, the screen not.
  const ranked = byLabelPriority(
    nodes.filter((n) => focus.has(n.id) || (visible(n) && (opts.allLabels || !dimNode(n)))),
    focus,
  ).sort((a, b) => Number(dimNode(a)) - Number(dimNode(b)));
  const candidates = (everyone ? ranked : ranked.filter((n, i) => focus.has(n.id) || i < focus.size + 12)).slice(
    0,
    LABELS_MAX,
  );
  // Overlapping names are left out and names keep off the circles of the agents on screen where
  // they can (core/analysis/report/labelPlacement.ts), on screen and in an export alike.
  const places = placeNames(
    candidates,
    nodes.filter(visible),
    view,
    (n) => k * ctx.measureText(n.label).width,
    k * fontPx * 1.2,
    2,
    focus,
    opts,
  );
  // A halo in the background colour, as the SVG names have: where a name has to cross circles
  // and ties (a dense network leaves no clear place), it still reads.
  ctx.strokeStyle = theme.background;
  ctx.lineWidth = 3 / k;
  ctx.lineJoin = 'round';
  for (const n of candidates) {
    const place = places.get(n.id);
    if (place === undefined) continue;
    // The same places as `around`, in layout units.
    const a = labelAnchor(place, n.x, n.y, n.radius + 2 / k, fontPx * 0.6);
    ctx.textAlign = a.align === 'middle' ? 'center' : a.align;
    ctx.strokeText(n.label, a.x, a.y);
    ctx.fillText(n.label, a.x, a.y);
  }
  ctx.textAlign = 'left';
  ctx.lineJoin = 'miter';
}
