// SVG rendering for small networks: one path per tie, one focusable group per agent (Tab moves
// between agents, Enter selects), and the names above both in a layer of their own, with a halo,
// only those that fit (core/analysis/report/labelPlacement.ts) — every string set with d3's .text().
import { select, type Selection } from 'd3-selection';
import { agentLabel, networkName } from './agentText';
import type { View } from './canvasDraw';
import { focusOf, type Decor } from './decor';
import {
  byLabelPriority,
  labelAnchor,
  placeNames,
  type LabelBounds,
  type LabelPlaces,
} from '../../src/core/analysis/pure';
import { tiePath, tieShape, tieWidth } from './geometry';
import type { LayoutLink, LayoutNode } from './layout';
import type { NetworkRenderer } from './renderer';
import { placeCaptions, type PlacesShown } from '../model/placeGroups';
import { nodeColour, type NetworkTheme } from './theme';

const SVG = 'http://www.w3.org/2000/svg';
/** Font size of names in layout units at zoom 1 and closer (styles.css `.network text.label`). */
const LABEL_EM = 10;
/** Halo width at that size (styles.css). */
const HALO = 3;

/**
 * Font size of names in layout units: LABEL_EM on screen when zoomed out, so names stay readable
 * in a fitted overview (as on the canvas), and growing with the zoom when zoomed in.
 */
const labelFont = (k: number): number => LABEL_EM / Math.min(1, k);

export class SvgRenderer implements NetworkRenderer {
  readonly kind = 'svg' as const;
  readonly element: SVGSVGElement;
  private readonly viewport: Selection<SVGGElement, unknown, null, undefined>;
  private ties: Selection<SVGPathElement, LayoutLink, SVGGElement, unknown>;
  private agents: Selection<SVGGElement, LayoutNode, SVGGElement, unknown>;
  private names: Selection<SVGTextElement, LayoutNode, SVGGElement, unknown>;
  /** The places' captions (traces with places), under the ties. */
  private readonly placeLayer: Selection<SVGGElement, unknown, null, undefined>;
  private places: PlacesShown | undefined;
  private links: readonly LayoutLink[] = [];
  private nodes: readonly LayoutNode[] = [];
  /** Each name's width at LABEL_EM, measured once per graph. */
  private readonly nameWidth = new Map<string, number>();
  /** The names' font size now (layout units). */
  private font = LABEL_EM;
  /** The panel, so names near its edges go on the side that stays in view. */
  private size?: LabelBounds;

  constructor(private readonly onActivate: (id: string, additive: boolean) => void) {
    this.element = document.createElementNS(SVG, 'svg');
    const svg = select(this.element)
      .attr('class', 'network-svg')
      .attr('role', 'group')
      .attr('aria-label', 'Tie network');
    this.viewport = svg.append('g').attr('class', 'viewport');
    this.placeLayer = this.viewport.append('g').attr('class', 'places').attr('aria-hidden', 'true');
    this.ties = this.viewport.append('g').attr('class', 'ties').selectAll<SVGPathElement, LayoutLink>('path');
    this.agents = this.viewport.append('g').attr('class', 'agents').selectAll<SVGGElement, LayoutNode>('g');
    this.names = this.viewport
      .append('g')
      .attr('class', 'labels')
      .attr('aria-hidden', 'true')
      .selectAll<SVGTextElement, LayoutNode>('text');
  }

  setGraph(nodes: readonly LayoutNode[], links: readonly LayoutLink[], ties = true): void {
    select(this.element).attr('aria-label', networkName(ties));
    this.links = links;
    this.ties = this.ties
      .data(links, (l) => `${l.source.id}\u0000${l.target.id}`)
      .join((enter) => enter.append('path').attr('class', 'tie'))
      .attr('data-from', (l) => l.source.id)
      .attr('data-to', (l) => l.target.id)
      .classed('mutual', (l) => l.reciprocal)
      .attr('stroke-width', (l) => tieWidth(l.strength));
    this.agents = this.agents
      .data(nodes, (n) => n.id)
      .join((enter) => {
        const g = enter.append('g').attr('class', 'agent').attr('tabindex', 0).attr('role', 'button');
        g.append('circle');
        g.append('title');
        g.on('keydown', (event: KeyboardEvent, n) => {
          if (event.key === 'Enter' || event.key === ' ') {
            event.preventDefault();
            this.onActivate(n.id, event.shiftKey || event.ctrlKey || event.metaKey);
          }
        });
        return g;
      })
      .attr('aria-label', (n) => agentLabel(n, ties))
      .attr('data-id', (n) => n.id);
    this.agents.select('circle').attr('r', (n) => n.radius);
    this.agents
      .select('title')
      .text((n) => (n.quantity ? `${n.name}\n${n.quantity.name}: ${n.quantity.value}` : n.name));
    this.names = this.names
      .data(nodes, (n) => n.id)
      .join((enter) => enter.append('text').attr('class', 'label').attr('dy', '0.35em'))
      .text((n) => n.label)
      .style('font-size', `${this.font}px`)
      .style('stroke-width', `${(HALO * this.font) / LABEL_EM}px`);
    this.nodes = nodes;
    this.nameWidth.clear();
    this.measureNames();
  }

  /** Widths of the names not measured yet: 0 while the panel is not laid out, so tried again at each drawing until then. */
  private measureNames(): void {
    const widths = this.nameWidth;
    if (widths.size === this.nodes.length) return;
    const atEm = LABEL_EM / this.font;
    this.names.each(function (n) {
      if (widths.has(n.id)) return;
      let w = 0;
      try {
        w = this.getComputedTextLength();
      } catch {
        /* not rendered */
      }
      if (w > 0) widths.set(n.id, w * atEm);
    });
  }

  setPlaces(shown: PlacesShown | undefined): void {
    this.places = shown;
    select(this.element).attr('data-when', shown?.when ?? null);
  }

  /** Each place's caption above its cluster, at the names' size. */
  private drawPlaces(font: number): void {
    const captions = this.places ? placeCaptions(this.nodes, this.places, font * 1.2) : [];
    this.placeLayer
      .selectAll<SVGTextElement, (typeof captions)[number]>('text')
      .data(captions, (c) => c.id)
      .join((enter) => enter.append('text').attr('class', 'place').attr('text-anchor', 'middle'))
      .attr('data-place', (c) => c.id)
      .attr('x', (c) => c.x)
      .attr('y', (c) => c.y)
      .style('font-size', `${font * 1.2}px`)
      .text((c) => c.text);
  }

  draw(view: View, decor: Decor, theme: NetworkTheme): void {
    this.viewport.attr('transform', `translate(${view.x},${view.y}) scale(${view.k})`);
    const font = labelFont(view.k);
    if (font !== this.font) {
      this.font = font;
      this.names.style('font-size', `${font}px`).style('stroke-width', `${(HALO * font) / LABEL_EM}px`);
    }
    this.drawPlaces(font);
    const { dimNode, dimLink } = focusOf(decor, this.links);
    const labelled = this.labelled(view, decor, dimNode);
    this.ties
      .attr('d', (l) => {
        const s = tieShape(l.source, l.target, l.source.radius, l.target.radius, tieWidth(l.strength));
        return s ? tiePath(s) : '';
      })
      .classed('dim', dimLink);
    this.agents
      .classed('dim', dimNode)
      .classed('selected', (n) => decor.selected.has(n.id))
      .classed('highlighted', (n) => decor.highlighted.has(n.id))
      .classed('hovered', (n) => decor.hovered === n.id)
      .attr('aria-pressed', (n) => String(decor.selected.has(n.id)));
    // In layout units, matching the screen boxes of `labelled` (text is centred on y by dy 0.35em).
    const anchor = new Map(
      this.nodes.map((n) => [n.id, labelAnchor(labelled.get(n.id) ?? 0, n.x, n.y, n.radius + 3, font * 0.6)]),
    );
    this.names
      .attr('x', (n) => anchor.get(n.id)!.x)
      .attr('y', (n) => anchor.get(n.id)!.y)
      .attr('text-anchor', (n) => anchor.get(n.id)!.align)
      .classed('dim', dimNode)
      .classed('hidden', (n) => !labelled.has(n.id));
    // Positions as the circles' cx/cy, not a transform on each agent's group: Chromium restyles an
    // element whose transform attribute changes, which took 54 ms a frame at 290 agents while the
    // layout moved (cx/cy: 8 ms).
    this.agents
      .select('circle')
      .attr('cx', (n) => n.x)
      .attr('cy', (n) => n.y)
      .attr('fill', (n) => nodeColour(theme, n.colour));
  }

  /** Names that fit without overlapping, right of the agent or else left, above or below it, in screen space (see core/analysis/report/labelPlacement.ts): dimmed agents' last. */
  private labelled(view: View, decor: Decor, dimNode: (n: LayoutNode) => boolean): LabelPlaces {
    this.measureNames();
    const focus = new Set([...decor.selected, ...decor.highlighted, ...(decor.hovered ? [decor.hovered] : [])]);
    const ranked = byLabelPriority(this.nodes, focus);
    const ordered = [...ranked.filter((n) => !dimNode(n)), ...ranked.filter(dimNode)];
    const k = view.k,
      scale = labelFont(k) / LABEL_EM;
    const width = (n: LayoutNode) => k * scale * (this.nameWidth.get(n.id) ?? n.label.length * LABEL_EM * 0.6);
    return placeNames(ordered, this.nodes, view, width, k * scale * LABEL_EM * 1.2, k * 3, focus, this.size);
  }

  resize(width: number, height: number): void {
    select(this.element).attr('width', width).attr('height', height);
    this.size = width > 0 && height > 0 ? { width, height } : undefined;
  }
}
