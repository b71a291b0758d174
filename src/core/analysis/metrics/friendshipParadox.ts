// The friendship paradox ("your friends have more friends than you") on an undirected graph.
// Hand-written: no graphology package measures it.
import type { AnyGraph } from './tieGraph';

export interface FriendshipParadox {
  /** Mean over nodes with degree >= 1 of (mean neighbour degree - own degree); null if none. */
  friendship_paradox_mean_gap: number | null;
  /** Share of those nodes whose degree is below their neighbours' mean degree; null if none. */
  friendship_paradox_fraction: number | null;
}

export function friendshipParadox(graph: AnyGraph): FriendshipParadox {
  let nodes = 0,
    gapSum = 0,
    below = 0;
  graph.forEachNode((node) => {
    const degree = graph.degree(node);
    if (degree === 0) return;
    let neighbourDegrees = 0;
    graph.forEachNeighbor(node, (other) => {
      neighbourDegrees += graph.degree(other);
    });
    nodes++;
    gapSum += neighbourDegrees / degree - degree;
    // Compared in integers: degree < neighbourDegrees / degree.
    if (degree * degree < neighbourDegrees) below++;
  });
  return nodes === 0
    ? { friendship_paradox_mean_gap: null, friendship_paradox_fraction: null }
    : { friendship_paradox_mean_gap: gapSum / nodes, friendship_paradox_fraction: below / nodes };
}
