// The two ways of drawing the network behind one interface: SVG (accessible DOM nodes, crisp
// text) for small societies, canvas for large ones, where thousands of DOM nodes would stall.
import type { Decor } from './decor';
import type { View } from './canvasDraw';
import type { LayoutLink, LayoutNode } from './layout';
import type { NetworkTheme } from './theme';
import type { PlacesShown } from '../model/placeGroups';

export interface NetworkRenderer {
  readonly kind: 'svg' | 'canvas';
  readonly element: Element;
  /** New nodes or ties (structure); positions follow in `draw`. `ties`: the society forms ties (labels speak of them). */
  setGraph(nodes: readonly LayoutNode[], links: readonly LayoutLink[], ties?: boolean): void;
  draw(view: View, decor: Decor, theme: NetworkTheme): void;
  resize(width: number, height: number): void;
  /** Where people are (traces with places): a caption above each place's cluster; undefined: none. */
  setPlaces?(shown: PlacesShown | undefined): void;
  /** Cheap frame for a pan or zoom of a still picture; false when a full draw is needed. */
  preview?(view: View): boolean;
}

/** Above this many agents the canvas renderer takes over. */
export const CANVAS_ABOVE = 300;
