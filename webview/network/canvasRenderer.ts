// Canvas rendering for large networks (above a few hundred agents): the whole picture is redrawn
// by drawNetwork, sized for the device pixel ratio so it stays sharp. While the user pans or
// zooms a still layout, frames show a transformed snapshot of the last full drawing (a blit),
// and the full drawing follows once the gesture pauses.
import { counted } from '../dom';
import { networkName } from './agentText';
import { drawNetwork, type View } from './canvasDraw';
import type { Decor } from './decor';
import type { LayoutLink, LayoutNode } from './layout';
import type { NetworkRenderer } from './renderer';
import type { NetworkTheme } from './theme';
import { placeCaptions, type PlacesShown } from '../model/placeGroups';

export class CanvasRenderer implements NetworkRenderer {
  readonly kind = 'canvas' as const;
  readonly element: HTMLCanvasElement;
  private readonly ctx: CanvasRenderingContext2D;
  private nodes: readonly LayoutNode[] = [];
  private links: readonly LayoutLink[] = [];
  private width = 300;
  private height = 150;
  private snapshot?: { image: HTMLCanvasElement; view: View };

  constructor() {
    this.element = document.createElement('canvas');
    this.element.className = 'network-canvas';
    this.element.setAttribute('role', 'img');
    this.ctx = this.element.getContext('2d', { alpha: false })!;
  }

  setGraph(nodes: readonly LayoutNode[], links: readonly LayoutLink[], ties = true): void {
    this.nodes = nodes;
    this.links = links;
    const counts = [counted(nodes.length, 'agent'), ...(ties ? [counted(links.length, 'tie')] : [])];
    this.element.setAttribute(
      'aria-label',
      `${networkName(ties)}: ${counts.join(', ')} (use the agent list to select)`,
    );
  }

  draw(view: View, decor: Decor, theme: NetworkTheme): void {
    drawNetwork(this.ctx, this.nodes, this.links, view, decor, theme, {
      width: this.width,
      height: this.height,
      ratio: window.devicePixelRatio || 1,
    });
    this.drawPlaces(view, theme);
    this.theme = theme;
    const image = this.snapshot?.image ?? document.createElement('canvas');
    if (image.width !== this.element.width || image.height !== this.element.height) {
      image.width = this.element.width;
      image.height = this.element.height;
    }
    image.getContext('2d')!.drawImage(this.element, 0, 0);
    this.snapshot = { image, view };
  }

  private theme?: NetworkTheme;
  private places: PlacesShown | undefined;

  setPlaces(shown: PlacesShown | undefined): void {
    this.places = shown;
  }

  /** Each place's caption above its cluster, in screen pixels, with a halo as the names have. */
  private drawPlaces(view: View, theme: NetworkTheme): void {
    if (!this.places) return;
    const ctx = this.ctx;
    const ratio = window.devicePixelRatio || 1;
    ctx.save();
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.font = `600 ${theme.font}`;
    ctx.textAlign = 'center';
    ctx.lineWidth = 4;
    ctx.lineJoin = 'round';
    ctx.strokeStyle = theme.background;
    ctx.fillStyle = theme.foreground;
    // The captions' size in layout units, so placeCaptions keeps them apart at this zoom.
    const px = parseFloat(theme.font) || 12;
    for (const c of placeCaptions(this.nodes, this.places, px / view.k)) {
      const x = view.x + c.x * view.k,
        y = view.y + c.y * view.k;
      ctx.strokeText(c.text, x, y);
      ctx.fillText(c.text, x, y);
    }
    ctx.restore();
  }

  /** The last full drawing moved and scaled to `view`; false when there is none to move. */
  preview(view: View): boolean {
    if (!this.snapshot || !this.theme) return false;
    const ratio = window.devicePixelRatio || 1;
    const s = view.k / this.snapshot.view.k;
    this.ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    this.ctx.fillStyle = this.theme.background;
    this.ctx.fillRect(0, 0, this.width, this.height);
    this.ctx.setTransform(1, 0, 0, 1, 0, 0);
    const x = (view.x - this.snapshot.view.x * s) * ratio,
      y = (view.y - this.snapshot.view.y * s) * ratio;
    this.ctx.drawImage(this.snapshot.image, x, y, this.element.width * s, this.element.height * s);
    return true;
  }

  resize(width: number, height: number): void {
    const ratio = window.devicePixelRatio || 1;
    this.width = width;
    this.height = height;
    this.element.width = Math.max(1, Math.round(width * ratio));
    this.element.height = Math.max(1, Math.round(height * ratio));
    this.element.style.width = `${width}px`;
    this.element.style.height = `${height}px`;
    this.snapshot = undefined;
  }
}
