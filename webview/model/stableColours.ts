// Community colours that follow from the communities on screen, not from the way the view got
// there. Louvain numbers its communities arbitrarily; chaining colours from round to round (each
// community taking the colour most of its members had the round before) kept them within a run,
// but a branch — its parent's society up to its round, then its own — drifted to other colours
// than its parent for the same communities (issue 73), since every round's colours hung on all
// the rounds before it. Now a community is named by its anchor, its smallest member id: the same
// in a parent and its branch, and from round to round while that member stays in it. Each anchor
// has a home colour (a hash of its id); communities take their home colour in anchor order, one
// whose home is taken the next free colour. With more communities than colours, the nine largest
// keep distinct colours and the rest share the palette's grey (its tenth colour), as the report's
// picture does (core/analysis/report/categoryKey.ts): cycling the palette gave two communities one colour.

/** Colours in the palette (palette.ts CATEGORY_COLORS); the last is the grey "other" shares. */
const PALETTE = 10;
const OTHER = PALETTE - 1;

/** A community's members, smallest id first (its anchor). */
type Community = string[];

/**
 * Colour index per node for a partition (node -> community id, Louvain's numbering). Nodes in
 * `neutral` (no tie: drawn in the neutral colour) take no colour from the communities that have one.
 */
export function anchoredColours(
  communities: Readonly<Record<string, number>>,
  neutral: ReadonlySet<string> = new Set(),
): Map<string, number> {
  const byId = new Map<number, Community>();
  for (const [node, c] of Object.entries(communities)) {
    if (neutral.has(node)) continue;
    let list = byId.get(c);
    if (!list) byId.set(c, (list = []));
    list.push(node);
  }
  const all = [...byId.values()].map((m) => m.sort(byId_));
  const colours = all.length > PALETTE ? OTHER : PALETTE;
  // The largest communities get the colours (ties: the smaller anchor); they pick in anchor order.
  const coloured = [...all].sort((a, b) => b.length - a.length || byId_(a[0], b[0])).slice(0, colours);
  const taken = new Set<number>();
  const next = new Map<string, number>();
  for (const group of coloured.sort((a, b) => byId_(a[0], b[0]))) {
    let colour = homeColour(group[0]);
    while (taken.has(colour)) colour = (colour + 1) % colours;
    taken.add(colour);
    for (const node of group) next.set(node, colour);
  }
  for (const group of all) if (!next.has(group[0])) for (const node of group) next.set(node, OTHER);
  return next;
}

const byId_ = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** An anchor's home colour: FNV-1a of its id over the nine distinct colours (not the shared grey). */
export function homeColour(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    h ^= id.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h % OTHER;
}
