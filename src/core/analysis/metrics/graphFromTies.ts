// Builds the directed tie network of a simulation: a tie from A to B exists when A's tie
// strength towards B has reached the threshold.
import { createTieGraph, type TieGraph } from './tieGraph';
import { nodeKey } from './nodeKeys';

export interface TieNode {
  id: string;
  attrs?: Record<string, unknown>;
}
export interface Tie {
  from: string;
  to: string;
  strength: number;
}

/**
 * A graphology DirectedGraph with one node per entry of `nodes` (attributes copied) and one edge
 * `from -> to` (attribute `weight` = strength) for every tie with `strength >= threshold`.
 * Ties to oneself are not social ties and are skipped. A tie naming an unknown node, or the
 * same directed pair twice, is an error. `ties` is read once, one at a time (a generator may make
 * them as they are read).
 */
export function graphFromTies(nodes: TieNode[], ties: Iterable<Tie>, threshold: number): TieGraph {
  if (!Number.isFinite(threshold)) throw new Error(`tie threshold must be a finite number, got ${threshold}`);
  const graph = createTieGraph();
  // Ids as keys graphology can hold (nodeKeys.ts): an id such as `constructor` gets an escaped key.
  for (const node of nodes) {
    if (graph.hasNode(nodeKey(node.id))) throw new Error(`duplicate node '${node.id}'`);
    graph.addNode(nodeKey(node.id), { ...(node.attrs ?? {}) });
  }
  for (const tie of ties) {
    for (const end of [tie.from, tie.to]) {
      if (!graph.hasNode(nodeKey(end))) throw new Error(`tie ${tie.from} -> ${tie.to} names unknown node '${end}'`);
    }
    if (tie.from === tie.to || !(tie.strength >= threshold)) continue;
    const [from, to] = [nodeKey(tie.from), nodeKey(tie.to)];
    if (graph.hasDirectedEdge(from, to)) throw new Error(`duplicate tie ${tie.from} -> ${tie.to}`);
    graph.addDirectedEdge(from, to, { weight: tie.strength });
  }
  return graph;
}
