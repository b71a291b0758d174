// Louvain numbers its communities arbitrarily, so recomputing them each round would reshuffle the
// colours. Each community keeps its colour from the round before: a new community takes the
// colour most of its members already had, largest communities choosing first. With more
// communities than colours, the nine largest keep distinct colours and the rest share the
// palette's grey (its tenth colour), as the report's picture does (core/analysis/report/categoryKey.ts):
// cycling the palette gave two communities one colour.

/** Colours in the palette (palette.ts CATEGORY_COLORS); the last is the grey "other" shares. */
const PALETTE = 10;
const OTHER = PALETTE - 1;

/** Colour index per node for a partition (node -> community id), given the colours before it. */
export function nextColours(
  communities: Record<string, number>,
  previous: ReadonlyMap<string, number>,
): Map<string, number> {
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
      const had = previous.get(node);
      if (had !== undefined && had < colours && !taken.has(had)) votes.set(had, (votes.get(had) ?? 0) + 1);
    }
    let colour = -1,
      best = 0;
    for (const [c, n] of votes) {
      if (n > best || (n === best && c < colour)) {
        colour = c;
        best = n;
      }
    }
    if (colour < 0) {
      colour = 0;
      while (colour < colours && taken.has(colour)) colour++;
    }
    if (colour >= colours) {
      for (const node of group) next.set(node, OTHER);
      continue;
    }
    taken.add(colour);
    for (const node of group) next.set(node, colour);
  }
  return next;
}

/**
 * The colours of every round, each inheriting from the round before, from round 0 on: what
 * playing the run through shows, whatever order the rounds are visited in. (Inheriting from the
 * round shown last made a round's colours depend on the way the user got there.) A round is
 * chained once the communities of all rounds before it are known (the view computes them in the
 * background, in round order); until then its colours are provisional, inherited from the last
 * chained round, and not kept. A round after the complete ones (a live run's) inherits from the
 * round before it like any other.
 */
export class RoundColours {
  private readonly chained: Map<string, number>[] = [];

  /** Rounds 0..chainedThrough have their final colours. */
  get chainedThrough(): number {
    return this.chained.length - 1;
  }

  /**
   * Colours at `round` for its partition `communities`; `known(r)` gives the communities of a
   * complete round when they are already computed (it computes nothing).
   */
  at(
    round: number,
    communities: Record<string, number>,
    known: (round: number) => Record<string, number> | undefined,
  ): { colours: Map<string, number>; provisional: boolean } {
    while (this.chained.length < round) {
      const next = known(this.chained.length);
      if (!next) break;
      this.chained.push(nextColours(next, this.chained[this.chained.length - 1] ?? new Map()));
    }
    if (round < this.chained.length) return { colours: this.chained[round], provisional: false };
    const colours = nextColours(communities, this.chained[this.chained.length - 1] ?? new Map());
    // Inherited from the round before: final (a live run's last round, still growing, is too).
    const provisional = this.chained.length < round;
    if (!provisional && known(round)) this.chained.push(colours);
    return { colours, provisional };
  }

  /** Whether every round before `round` has its communities now (so `at(round)` would be final). */
  canChain(round: number, known: (round: number) => Record<string, number> | undefined): boolean {
    for (let r = this.chained.length; r < round; r++) if (!known(r)) return false;
    return true;
  }

  reset(): void {
    this.chained.length = 0;
  }
}
