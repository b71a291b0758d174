// Louvain numbers its communities arbitrarily, so recomputing them each round would reshuffle the
// colours. This keeps each community's colour from the round before: a new community takes the
// colour most of its members already had, largest communities choosing first. With more
// communities than colours, the nine largest keep distinct colours and the rest share the
// palette's grey (its tenth colour), as the report's picture does (core/analysis/categoryKey.ts):
// cycling the palette gave two communities one colour.

/** Colours in the palette (palette.ts CATEGORY_COLORS); the last is the grey "other" shares. */
const PALETTE = 10;
const OTHER = PALETTE - 1;

export class StableColours {
  private colourOf = new Map<string, number>();

  /** Colour index per node for a partition (node -> community id). */
  assign(communities: Record<string, number>): Map<string, number> {
    const members = new Map<number, string[]>();
    for (const [node, c] of Object.entries(communities)) {
      let list = members.get(c);
      if (!list) members.set(c, (list = []));
      list.push(node);
    }
    const groups = [...members.values()].sort((a, b) => b.length - a.length || (a[0] < b[0] ? -1 : 1));
    const colours = groups.length > PALETTE ? OTHER : PALETTE;
    const taken = new Set<number>();
    const next = new Map<string, number>();
    for (const group of groups) {
      const votes = new Map<number, number>();
      for (const node of group) {
        const previous = this.colourOf.get(node);
        if (previous !== undefined && previous < colours && !taken.has(previous)) votes.set(previous, (votes.get(previous) ?? 0) + 1);
      }
      let colour = -1, best = 0;
      for (const [c, n] of votes) if (n > best || (n === best && c < colour)) { colour = c; best = n; }
      if (colour < 0) { colour = 0; while (colour < colours && taken.has(colour)) colour++; }
      if (colour >= colours) { for (const node of group) next.set(node, OTHER); continue; }
      taken.add(colour);
      for (const node of group) next.set(node, colour);
    }
    this.colourOf = next;
    return next;
  }

  reset(): void { this.colourOf.clear(); }
}
