// Which agents' names to write. In a small panel a force layout puts names on top of each other,
// and a pile of overlapping names is read as no names at all. Labels are placed in priority order
// (the focused agents, then the best connected) and a label is kept only if its box, in screen
// space, overlaps none already kept. A name left out is still the agent's tooltip and accessible
// name, and shows when zooming in makes room.

/**
 * A label's box on screen: left edge, vertical centre, width and height. `alt` is a second place
 * (left edge and centre) the label may take when the first is taken: the other side of the agent.
 */
export interface LabelBox { id: string; x: number; y: number; w: number; h: number; alt?: { x: number; y: number } }

/** Where each drawn label went: its first place, or its `alt` one. */
export type LabelPlaces = Map<string, 'first' | 'alt'>;

/**
 * The labels drawn and where. `boxes` come in priority order; each takes its first place if that
 * overlaps no label already placed, else its `alt` place if that is free. Ids in `always` are drawn
 * even where they overlap (the agent being debugged or selected), and still take their room.
 */
export function declutter(boxes: readonly LabelBox[], always: ReadonlySet<string> = new Set()): LabelPlaces {
  const kept: LabelBox[] = [];
  const places: LabelPlaces = new Map();
  const clash = (b: LabelBox): boolean => kept.some((o) => b.x < o.x + o.w && o.x < b.x + b.w && Math.abs(b.y - o.y) * 2 < b.h + o.h);
  for (const b of boxes) {
    if (always.has(b.id) || !clash(b)) { kept.push(b); places.set(b.id, 'first'); continue; }
    if (b.alt === undefined) continue;
    const moved = { ...b, ...b.alt };
    if (!clash(moved)) { kept.push(moved); places.set(b.id, 'alt'); }
  }
  return places;
}

/** Priority of a name: focused agents first, then more ties, then the name itself (stable). */
export function byLabelPriority<N extends { id: string; name: string; inDegree: number; outDegree: number }>(nodes: readonly N[], focus: ReadonlySet<string>): N[] {
  return [...nodes].sort((a, b) => Number(focus.has(b.id)) - Number(focus.has(a.id))
    || (b.inDegree + b.outDegree) - (a.inDegree + a.outDegree) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
