// Which agents' names to write. In a small panel a force layout puts names on top of each other,
// and a pile of overlapping names is read as no names at all. Labels are placed in priority order
// (the focused agents, then the best connected) and a label is kept only if its box, in screen
// space, overlaps none already kept. A name left out is still the agent's tooltip and accessible
// name, and shows when zooming in makes room.

/** A place for a label on screen: its left edge and vertical centre. */
export interface LabelSpot { x: number; y: number }

/** A label of width `w` and height `h`, with the places it may take, in order of preference. */
export interface LabelBox { id: string; w: number; h: number; at: readonly LabelSpot[] }

/** Where each drawn label went: the index of its place in `at`. */
export type LabelPlaces = Map<string, number>;

/** An agent's circle on screen, which labels other than its own had better not cover. */
export interface LabelObstacle { id: string; x: number; y: number; r: number }

type Rect = { x: number; y: number; w: number; h: number };
const overlaps = (a: Rect, b: Rect): boolean => a.x < b.x + b.w && b.x < a.x + a.w && Math.abs(a.y - b.y) * 2 < a.h + b.h;

/** The visible area on screen, when names should not run off its edges. */
export interface LabelBounds { width: number; height: number }

/**
 * The labels drawn and where. `boxes` come in priority order; each takes the first of its places
 * that overlaps no label already placed, lies inside `bounds` and covers no other agent's circle
 * in `obstacles`; else the first free one inside `bounds` (a name over a circle still reads,
 * thanks to its halo); else the first free one. A label with no free place is left out. Ids in
 * `always` are drawn at their first place even where they overlap (the agent being debugged or
 * selected), and still take their room.
 */
export function declutter(boxes: readonly LabelBox[], always: ReadonlySet<string> = new Set(), obstacles: readonly LabelObstacle[] = [], bounds?: LabelBounds): LabelPlaces {
  const kept: Rect[] = [];
  const circles = obstacles.map((o) => ({ id: o.id, x: o.x - o.r, y: o.y, w: 2 * o.r, h: 2 * o.r }));
  const places: LabelPlaces = new Map();
  for (const b of boxes) {
    if (!b.at.length) continue;
    const rect = (i: number): Rect => ({ x: b.at[i].x, y: b.at[i].y, w: b.w, h: b.h });
    const free = (i: number): boolean => !kept.some((o) => overlaps(rect(i), o));
    const inside = (i: number): boolean => !bounds || (b.at[i].x >= 0 && b.at[i].x + b.w <= bounds.width && b.at[i].y - b.h / 2 >= 0 && b.at[i].y + b.h / 2 <= bounds.height);
    const clear = (i: number): boolean => free(i) && inside(i) && !circles.some((c) => c.id !== b.id && overlaps(rect(i), c));
    let i = always.has(b.id) ? 0 : b.at.findIndex((_, k) => clear(k));
    if (i < 0) i = b.at.findIndex((_, k) => free(k) && inside(k));
    if (i < 0) i = b.at.findIndex((_, k) => free(k));
    if (i < 0) continue;
    kept.push(rect(i));
    places.set(b.id, i);
  }
  return places;
}

/** The sides of an agent a name may take, in order of preference (the index declutter returns). */
export const AROUND = ['right', 'left', 'above', 'below'] as const;
export type Side = (typeof AROUND)[number];

/**
 * The four places around a circle at (cx, cy) of radius r, `gap` away from its edge, for a label
 * w × h (all on screen): right of it, left of it, centred above it, centred below it.
 */
export function around(cx: number, cy: number, r: number, gap: number, w: number, h: number): LabelSpot[] {
  const d = r + gap;
  return [{ x: cx + d, y: cy }, { x: cx - d - w, y: cy }, { x: cx - w / 2, y: cy - d - h / 2 }, { x: cx - w / 2, y: cy + d + h / 2 }];
}

/** Priority of a name: focused agents first, then more ties, then the name itself (stable). */
export function byLabelPriority<N extends { id: string; name: string; inDegree: number; outDegree: number }>(nodes: readonly N[], focus: ReadonlySet<string>): N[] {
  return [...nodes].sort((a, b) => Number(focus.has(b.id)) - Number(focus.has(a.id))
    || (b.inDegree + b.outDegree) - (a.inDegree + a.outDegree) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
