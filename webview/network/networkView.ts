// The network panel: a persistent force layout drawn by the SVG or canvas renderer (switching at
// CANVAS_ABOVE agents), with pan and zoom (mouse, wheel, keys), node drag, hover details and
// click-to-select. Data arrives per round through `show`; positions survive every update.
import { drag, type D3DragEvent } from 'd3-drag';
import { pointer, select } from 'd3-selection';
import { tieAt } from './tieHit';
import { zoom, zoomIdentity, type D3ZoomEvent, type ZoomBehavior, type ZoomTransform } from 'd3-zoom';
import { networkName } from './agentText';
import { AgentTooltip } from './agentTooltip';
import type { NetworkData } from '../model/networkData';
import { CanvasRenderer } from './canvasRenderer';
import type { View } from './canvasDraw';
import { NO_DECOR, type Decor } from './decor';
import { fitView } from './fit';
import { ForceLayout, type LayoutNode } from './layout';
import { CANVAS_ABOVE, type NetworkRenderer } from './renderer';
import { SvgRenderer } from './svgRenderer';
import { onThemeChange, readTheme, type NetworkTheme } from './theme';

export interface NetworkCallbacks {
  select(ids: string[], additive: boolean): void;
  /** A tie was clicked (from → to): the Why panel explains it. */
  tie?(from: string, to: string): void;
  /** Layout moved (for persisting positions). */
  moved?(): void;
}

interface DragSubject {
  node: LayoutNode;
  x: number;
  y: number;
}

/** Pause in a pan or zoom after which the picture is drawn in full again. */
const SETTLE_MS = 120;

export class NetworkView {
  readonly element: HTMLDivElement;
  readonly layout: ForceLayout;
  private renderer?: NetworkRenderer;
  private view: View = { k: 1, x: 0, y: 0 };
  private decor: Decor = NO_DECOR;
  private theme: NetworkTheme;
  private readonly zoomer: ZoomBehavior<HTMLDivElement, unknown>;
  private readonly tooltip = new AgentTooltip();
  /**
   * The agent the tooltip is about. The tooltip follows the agent, not the pointer: it is placed
   * and filled in at every draw, so a new round (slider, play, Latest), the layout moving or a
   * zoom never leave it pointing at nothing with another round's figures.
   */
  private tipped?: string;
  /** The society forms ties: the tooltip and labels speak of them. */
  private ties = true;
  private width = 0;
  private height = 0;
  private pendingFit = true;
  /** Keep fitting while a fresh layout unfolds, until the user pans or zooms. */
  private autoFit = false;
  /** A fresh layout (not restored positions) is still unfolding: Fit then turns autoFit back on. */
  private unfolding = false;
  /**
   * The view is moving the picture itself (fit, reveal, keeping the user's view on a resize).
   * d3-zoom runs such a move inside a wheel gesture that is still open (one ends 150 ms after its
   * last wheel event) and hands it that gesture's wheel event as its source: without this, Fit
   * pressed just after a wheel zoom counted as a view of the user's own.
   */
  private applying = false;
  /**
   * The user has panned or zoomed on purpose (wheel, drag, touch, arrow and +/- keys) since the
   * last fit. Until then the picture is refitted whenever the panel changes size, so a narrowed
   * panel never cuts nodes off; after it, a resize keeps their scale and the point they were
   * looking at in the middle, as map apps do, and Fit (or 0) hands the view back. Dragging a node
   * and the app's own moves (reveal) are not view choices of the user and do not count.
   */
  private userView = false;
  /** The last visible size of the panel, which the view was made for. */
  private viewSize = { width: 0, height: 0 };
  /** The view when the current pan or zoom gesture began. */
  private gestureFrom: View = { k: 1, x: 0, y: 0 };
  private ticks = 0;
  private frame = 0;
  private fullPending = false;
  private settleTimer?: ReturnType<typeof setTimeout>;

  constructor(private readonly callbacks: NetworkCallbacks) {
    this.element = document.createElement('div');
    this.element.className = 'network';
    this.element.tabIndex = 0;
    this.element.setAttribute(
      'aria-label',
      'Tie network. Arrow keys pan, plus and minus zoom, 0 fits, Escape clears the selection.',
    );
    this.element.append(this.tooltip.element);
    this.theme = readTheme();
    onThemeChange(() => {
      this.theme = readTheme();
      this.requestDraw();
    });
    this.layout = new ForceLayout(() => {
      // Whether the layout still moves, for tests and tools that read the picture.
      if (this.element.dataset.layout !== 'moving') this.element.dataset.layout = 'moving';
      if (this.autoFit && ++this.ticks % 15 === 0) this.fitNow();
      this.draw();
      this.callbacks.moved?.();
    });
    this.layout.simulation.on('end', () => {
      this.unfolding = false;
      if (this.autoFit) {
        this.fitNow();
        this.autoFit = false;
      }
      this.element.dataset.layout = 'settled';
    });

    const el = select(this.element);
    const dragger = drag<HTMLDivElement, unknown, DragSubject | undefined>()
      .container(function container() {
        return this;
      })
      .subject((event: D3DragEvent<HTMLDivElement, unknown, unknown>) => {
        const node = this.nodeAt(event.x, event.y);
        return node
          ? { node, x: this.view.x + node.x * this.view.k, y: this.view.y + node.y * this.view.k }
          : undefined;
      })
      .on('start', (event: D3DragEvent<HTMLDivElement, unknown, DragSubject>) => {
        this.autoFit = false;
        if (!event.active) this.layout.simulation.alphaTarget(0.1).restart();
        event.subject.node.fx = event.subject.node.x;
        event.subject.node.fy = event.subject.node.y;
      })
      .on('drag', (event: D3DragEvent<HTMLDivElement, unknown, DragSubject>) => {
        event.subject.node.fx = (event.x - this.view.x) / this.view.k;
        event.subject.node.fy = (event.y - this.view.y) / this.view.k;
      })
      .on('end', (event: D3DragEvent<HTMLDivElement, unknown, DragSubject>) => {
        if (!event.active) this.layout.simulation.alphaTarget(0);
        event.subject.node.fx = null;
        event.subject.node.fy = null;
      });
    this.zoomer = zoom<HTMLDivElement, unknown>()
      .scaleExtent([0.02, 8])
      .on('start', () => {
        this.gestureFrom = this.view;
      })
      .on('zoom', (event: D3ZoomEvent<HTMLDivElement, unknown>) => {
        if (event.sourceEvent && !this.applying) {
          this.autoFit = false;
          // A click on the background jitters the view by a pixel: not a view of one's own.
          const f = this.gestureFrom;
          if (
            Math.abs(event.transform.k - f.k) > 1e-6 * f.k ||
            Math.abs(event.transform.x - f.x) + Math.abs(event.transform.y - f.y) > 4
          ) {
            this.userView = true;
          }
        }
        this.view = { k: event.transform.k, x: event.transform.x, y: event.transform.y };
        this.requestDraw(true);
      });
    el.call(dragger).call(this.zoomer).on('dblclick.zoom', null);
    el.on('click', (event: MouseEvent) => {
      const [x, y] = pointer(event, this.element);
      const node = this.nodeAt(x, y);
      const additive = event.shiftKey || event.ctrlKey || event.metaKey;
      const tie = node || !this.ties ? undefined : tieAt(this.layout.links, ...this.toLayout(x, y), 5 / this.view.k);
      if (node) this.callbacks.select([node.id], additive);
      else if (tie && this.callbacks.tie) this.callbacks.tie(tie.source.id, tie.target.id);
      else if (!additive) this.callbacks.select([], false);
    });
    el.on('pointermove', (event: PointerEvent) => {
      const [x, y] = pointer(event, this.element);
      this.hover(this.nodeAt(x, y));
    });
    el.on('pointerleave', () => this.hover(undefined));
    el.on('keydown', (event: KeyboardEvent) => this.key(event));
    new ResizeObserver(() => this.resize()).observe(this.element);
  }

  get renderKind(): 'svg' | 'canvas' | undefined {
    return this.renderer?.kind;
  }

  /**
   * Shows the network of a round. `fresh` marks a new trace: the layout is settled before the
   * first frame and fitted to the panel; otherwise the running layout just absorbs the change.
   */
  show(
    data: NetworkData,
    colours: Map<string, number>,
    opts: { fresh?: boolean; positions?: Record<string, [number, number]>; ties?: boolean } = {},
  ): void {
    const changed = this.layout.update(data, colours, opts.positions);
    this.ties = opts.ties ?? true;
    this.element.setAttribute(
      'aria-label',
      `${networkName(this.ties)}. Arrow keys pan, plus and minus zoom, 0 fits, Escape clears the selection.`,
    );
    // A new trace, or the agent is not in this round: no tooltip.
    if (this.tipped && (opts.fresh || !this.layout.get(this.tipped))) this.hover(undefined);
    this.useRenderer(data.nodes.length > CANVAS_ABOVE ? 'canvas' : 'svg');
    this.renderer!.setGraph(this.layout.nodes, this.layout.links, this.ties);
    this.renderer!.setPlaces?.(data.places);
    this.element.dataset.nodes = String(this.layout.nodes.length);
    this.element.dataset.edges = String(this.layout.links.length);
    this.element.dataset.round = String(data.round);
    if (opts.fresh) {
      this.pendingFit = true;
      this.autoFit = this.unfolding = !opts.positions;
      if (!opts.positions) {
        this.layout.settle(Math.max(10, Math.min(120, Math.round(30000 / Math.max(1, data.nodes.length)))));
      }
      this.layout.reheat(opts.positions ? 0.05 : 0.3);
    } else if (changed) {
      this.layout.reheat();
    }
    if (this.pendingFit && this.width > 0) this.fitNow();
    this.draw();
  }

  setDecor(decor: Partial<Decor>): void {
    this.decor = { ...this.decor, ...decor };
    this.requestDraw();
  }

  /**
   * Fit (the button, or 0): fits the whole network into the panel and hands the view back, always,
   * even in the middle of a wheel gesture. A resize refits again, and a fresh layout still
   * unfolding is followed again until it comes to rest.
   */
  fit(): void {
    const sim = this.layout.simulation;
    if (this.unfolding && sim.alpha() >= sim.alphaMin()) this.autoFit = true;
    this.fitNow();
  }

  /** Fits the whole network into the panel. */
  private fitNow(): void {
    this.userView = false;
    if (this.width === 0) {
      this.pendingFit = true;
      return;
    }
    this.pendingFit = false;
    const v = fitView(this.layout.nodes, this.width, this.height);
    this.setView(zoomIdentity.translate(v.x, v.y).scale(v.k));
  }

  /** Centres an agent without changing the zoom. */
  reveal(id: string): void {
    const n = this.layout.get(id);
    if (!n || this.width === 0) return;
    this.setView(
      zoomIdentity
        .translate(this.width / 2 - n.x * this.view.k, this.height / 2 - n.y * this.view.k)
        .scale(this.view.k),
    );
  }

  /** Moves the picture for the view's own reasons: never taken for a pan or zoom of the user's. */
  private setView(t: ZoomTransform): void {
    this.applying = true;
    try {
      select(this.element).call(this.zoomer.transform, t);
    } finally {
      this.applying = false;
    }
  }

  get currentTheme(): NetworkTheme {
    return this.theme;
  }
  get currentDecor(): Decor {
    return this.decor;
  }

  private useRenderer(kind: 'svg' | 'canvas'): void {
    if (this.renderer?.kind === kind) return;
    this.renderer?.element.remove();
    this.renderer =
      kind === 'svg' ? new SvgRenderer((id, additive) => this.callbacks.select([id], additive)) : new CanvasRenderer();
    this.element.insertBefore(this.renderer.element, this.tooltip.element);
    this.element.dataset.renderer = kind;
    if (this.width > 0) this.renderer.resize(this.width, this.height);
  }

  private resize(): void {
    const { width, height } = this.element.getBoundingClientRect();
    if (width === this.width && height === this.height) return;
    this.width = width;
    this.height = height;
    this.zoomer.extent([
      [0, 0],
      [Math.max(1, width), Math.max(1, height)],
    ]);
    this.renderer?.resize(width, height);
    // A hidden panel (a background tab) measures 0: its view waits for it to be shown again.
    if (width > 0 && height > 0) {
      const before = this.viewSize;
      this.viewSize = { width, height };
      if (this.pendingFit || !this.userView || before.width === 0) this.fitNow();
      else {
        // The user's own view: the same scale, and the same point of the network in the middle.
        this.setView(
          zoomIdentity
            .translate(this.view.x + (width - before.width) / 2, this.view.y + (height - before.height) / 2)
            .scale(this.view.k),
        );
      }
    }
    this.draw();
  }

  /**
   * Draws at the next frame. A `moveOnly` request (pan, zoom) of a still layout shows the
   * renderer's preview and leaves the full drawing for when the gesture pauses.
   */
  private requestDraw(moveOnly = false): void {
    if (!moveOnly) this.fullPending = true;
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      const still = this.layout.simulation.alpha() < this.layout.simulation.alphaMin();
      if (!this.fullPending && still && this.renderer?.preview?.(this.view)) {
        this.placeTooltip();
        clearTimeout(this.settleTimer);
        this.settleTimer = setTimeout(() => this.draw(), SETTLE_MS);
        return;
      }
      this.draw();
    });
  }

  private draw(): void {
    this.fullPending = false;
    clearTimeout(this.settleTimer);
    if (this.renderer && this.width > 0) this.renderer.draw(this.view, this.decor, this.theme);
    this.placeTooltip();
  }

  private toLayout(x: number, y: number): [number, number] {
    return [(x - this.view.x) / this.view.k, (y - this.view.y) / this.view.k];
  }

  private nodeAt(x: number, y: number): LayoutNode | undefined {
    return this.layout.find((x - this.view.x) / this.view.k, (y - this.view.y) / this.view.k, 4 / this.view.k);
  }

  private hover(node: LayoutNode | undefined): void {
    if (node?.id !== this.decor.hovered) this.setDecor({ hovered: node?.id });
    this.tipped = node?.id;
    this.placeTooltip();
  }

  /** Shows the tooltip beside its agent, with the figures of the round on screen. */
  private placeTooltip(): void {
    const node = this.tipped ? this.layout.get(this.tipped) : undefined;
    this.tooltip.place(node, this.view, this.width, this.height, this.ties);
  }

  private key(event: KeyboardEvent): void {
    const el = select(this.element);
    const pan = (dx: number, dy: number) => this.zoomer.translateBy(el, dx / this.view.k, dy / this.view.k);
    switch (event.key) {
      case 'ArrowLeft':
        pan(40, 0);
        break;
      case 'ArrowRight':
        pan(-40, 0);
        break;
      case 'ArrowUp':
        pan(0, 40);
        break;
      case 'ArrowDown':
        pan(0, -40);
        break;
      case '+':
      case '=':
        this.zoomer.scaleBy(el, 1.25);
        break;
      case '-':
      case '_':
        this.zoomer.scaleBy(el, 0.8);
        break;
      case '0':
        this.fit();
        break;
      case 'Escape':
        this.callbacks.select([], false);
        break;
      default:
        return;
    }
    if (event.key !== '0' && event.key !== 'Escape') {
      this.autoFit = false;
      this.userView = true;
    }
    event.preventDefault();
  }
}
