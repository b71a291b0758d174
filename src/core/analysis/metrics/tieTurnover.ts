// Tie turnover between two snapshots of a tie network (e.g. two rounds): which directed ties
// were kept, gained and lost, and the Jaccard similarity of the two edge sets.
// Hand-written: graphology has no snapshot comparison.
import type { TieGraph } from './tieGraph';

export interface DirectedPair {
  from: string;
  to: string;
}

export interface TieTurnover {
  /** |A ∩ B| / |A ∪ B| of the directed edge sets; null when both snapshots have no tie. */
  jaccard: number | null;
  kept: number;
  gained: number;
  lost: number;
  /** Ties in the later snapshot only, in its edge order. */
  gained_ties: DirectedPair[];
  /** Ties in the earlier snapshot only, in its edge order. */
  lost_ties: DirectedPair[];
}

function pairs(graph: TieGraph): DirectedPair[] {
  return graph.mapDirectedEdges((_edge, _attrs, from, to) => ({ from, to }));
}

/** Turnover from snapshot `before` to snapshot `after`; nodes are matched by key. */
export function tieTurnover(before: TieGraph, after: TieGraph): TieTurnover {
  const has = (graph: TieGraph, p: DirectedPair) =>
    graph.hasNode(p.from) && graph.hasNode(p.to) && graph.hasDirectedEdge(p.from, p.to);
  const beforePairs = pairs(before);
  const afterPairs = pairs(after);
  const kept = beforePairs.filter((p) => has(after, p)).length;
  const lost_ties = beforePairs.filter((p) => !has(after, p));
  const gained_ties = afterPairs.filter((p) => !has(before, p));
  const union = kept + lost_ties.length + gained_ties.length;
  return {
    jaccard: union === 0 ? null : kept / union,
    kept,
    gained: gained_ties.length,
    lost: lost_ties.length,
    gained_ties,
    lost_ties,
  };
}
