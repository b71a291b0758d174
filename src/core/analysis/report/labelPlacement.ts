// Which agents' names to write. In a small panel a force layout puts names on top of each other,
// and a pile of overlapping names is read as no names at all. Labels are placed in priority order
// (the focused agents, then the best connected) and a label is kept only if its box, in screen
// space, overlaps none already kept. A name left out is still the agent's tooltip and accessible
// name, and shows when zooming in makes room.
import { RectGrid, type Rect } from './rectGrid';

/** A place for a label on screen: its left edge and vertical centre. */
export interface LabelSpot {
  x: number;
  y: number;
}

/** A label of width `w` and height `h`, with the places it may take, in order of preference. */
export interface LabelBox {
  id: string;
  w: number;
  h: number;
  at: readonly LabelSpot[];
}

/** Where each drawn label went: the index of its place in `at`. */
export type LabelPlaces = Map<string, number>;

/** An agent's circle on screen, which labels other than its own had better not cover. */
export interface LabelObstacle {
  id: string;
  x: number;
  y: number;
  r: number;
}

/** The visible area on screen, when names should not run off its edges. */
export interface LabelBounds {
  width: number;
  height: number;
}

/**
 * Room kept clear around a name on screen (px). Names only touching were read as one ("Aroha
 * Walker Jack Thompson", issue 73): each name's halo (styles.css, 3 px stroke) reaches 1.5 px past
 * its box and ran into the next name's letters.
 */
export const LABEL_MARGIN = 3;

/**
 * The labels drawn and where. `boxes` come in priority order; each takes the first of its places
 * that overlaps no label already placed (nor comes within `margin` of one), lies inside `bounds`
 * and covers no other agent's circle in `obstacles`; else the first free one inside `bounds` (a
 * name over a circle still reads, thanks to its halo); else the first free one. A label with no
 * free place is left out. Ids in `always` are drawn at their first place even where they overlap
 * (the agent being debugged or selected), and still take their room.
 */
export function declutter(
  boxes: readonly LabelBox[],
  always: ReadonlySet<string> = new Set(),
  obstacles: readonly LabelObstacle[] = [],
  bounds?: LabelBounds,
  margin = 0,
): LabelPlaces {
  const kept = new RectGrid<Rect>();
  const circles = new RectGrid<Rect & { id: string }>();
  for (const o of obstacles) circles.add({ id: o.id, x: o.x - o.r, y: o.y, w: 2 * o.r, h: 2 * o.r });
  const places: LabelPlaces = new Map();
  for (const b of boxes) {
    // One pass over the places, each tested once (this runs every frame while the layout moves):
    // the first clear one wins; else the first free one inside, else the first free one.
    const rects = b.at.map((p): Rect => ({ x: p.x, y: p.y, w: b.w, h: b.h }));
    let i = always.has(b.id) && rects.length ? 0 : -1,
      freeInside = -1,
      free = -1;
    for (let k = 0; i < 0 && k < rects.length; k++) {
      const r = rects[k];
      if (kept.some(r)) continue;
      const inside =
        !bounds || (r.x >= 0 && r.x + r.w <= bounds.width && r.y - r.h / 2 >= 0 && r.y + r.h / 2 <= bounds.height);
      if (inside && !circles.some(r, (c) => c.id !== b.id)) i = k;
      if (inside && freeInside < 0) freeInside = k;
      if (free < 0) free = k;
    }
    if (i < 0) i = freeInside >= 0 ? freeInside : free;
    if (i < 0) continue;
    const r = rects[i];
    kept.add(margin ? { x: r.x - margin, y: r.y, w: r.w + 2 * margin, h: r.h + 2 * margin } : r);
    places.set(b.id, i);
  }
  return places;
}

/**
 * The sides of an agent a name may take, in order of preference (the index declutter returns):
 * the four sides, then the four corners, which often stay free where a crowd closes the sides
 * (the friends example lost one or two of its 16 names in a VS Code panel with sides only).
 */
export const AROUND = [
  'right',
  'left',
  'above',
  'below',
  'upper right',
  'lower right',
  'upper left',
  'lower left',
] as const;

/**
 * Where to write a name that took place `place` of `around` an agent at (x, y): the text's anchor
 * point (vertically centred) and alignment, in the drawing's own units; `d` is the centre-to-label
 * distance (radius + gap) and `half` the label's half height in those units.
 */
export function labelAnchor(
  place: number,
  x: number,
  y: number,
  d: number,
  half: number,
): { x: number; y: number; align: 'start' | 'end' | 'middle' } {
  switch (AROUND[place]) {
    case 'left':
      return { x: x - d, y, align: 'end' };
    case 'above':
      return { x, y: y - d - half, align: 'middle' };
    case 'below':
      return { x, y: y + d + half, align: 'middle' };
    case 'upper right':
      return { x: x + d * Math.SQRT1_2, y: y - d * Math.SQRT1_2 - half, align: 'start' };
    case 'lower right':
      return { x: x + d * Math.SQRT1_2, y: y + d * Math.SQRT1_2 + half, align: 'start' };
    case 'upper left':
      return { x: x - d * Math.SQRT1_2, y: y - d * Math.SQRT1_2 - half, align: 'end' };
    case 'lower left':
      return { x: x - d * Math.SQRT1_2, y: y + d * Math.SQRT1_2 + half, align: 'end' };
    default:
      return { x: x + d, y, align: 'start' };
  }
}

/**
 * The places around a circle at (cx, cy) of radius r, `gap` away from its edge, for a label w × h
 * (all on screen), as AROUND names them: right of it, left of it, centred above it, centred below
 * it, then off its four corners (the label's near corner on the circle's 45° points, pushed out).
 */
export function around(cx: number, cy: number, r: number, gap: number, w: number, h: number): LabelSpot[] {
  const d = r + gap,
    o = d * Math.SQRT1_2;
  return [
    { x: cx + d, y: cy },
    { x: cx - d - w, y: cy },
    { x: cx - w / 2, y: cy - d - h / 2 },
    { x: cx - w / 2, y: cy + d + h / 2 },
    { x: cx + o, y: cy - o - h / 2 },
    { x: cx + o, y: cy + o + h / 2 },
    { x: cx - o - w, y: cy - o - h / 2 },
    { x: cx - o - w, y: cy + o + h / 2 },
  ];
}

/** An agent as drawn: its layout position and radius. */
export interface PlacedAgent {
  id: string;
  x: number;
  y: number;
  radius: number;
}

/**
 * Where the names of `named` (in priority order) go on screen, for a drawing whose view maps
 * layout (x, y) to (vx + k·x, vy + k·y): each name `width(n)` × `h` screen pixels, `gap` pixels
 * off its circle, kept off the circles of `agents`. The screen, the canvas and the SVG export all
 * place names this way.
 */
export function placeNames<N extends PlacedAgent>(
  named: readonly N[],
  agents: readonly PlacedAgent[],
  view: { k: number; x: number; y: number },
  width: (n: N) => number,
  h: number,
  gap: number,
  focus: ReadonlySet<string>,
  bounds?: LabelBounds,
): LabelPlaces {
  const { k, x, y } = view;
  return declutter(
    named.map((n) => {
      const w = width(n);
      return { id: n.id, w, h, at: around(x + k * n.x, y + k * n.y, k * n.radius, gap, w, h) };
    }),
    focus,
    agents.map((n) => ({ id: n.id, x: x + k * n.x, y: y + k * n.y, r: k * n.radius })),
    bounds,
    LABEL_MARGIN,
  );
}

/** Priority of a name: focused agents first, then more ties, then the name itself (stable). */
export function byLabelPriority<N extends { id: string; name: string; inDegree: number; outDegree: number }>(
  nodes: readonly N[],
  focus: ReadonlySet<string>,
): N[] {
  return [...nodes].sort(
    (a, b) =>
      Number(focus.has(b.id)) - Number(focus.has(a.id)) ||
      b.inDegree + b.outDegree - (a.inDegree + a.outDegree) ||
      (a.name < b.name ? -1 : a.name > b.name ? 1 : 0),
  );
}
