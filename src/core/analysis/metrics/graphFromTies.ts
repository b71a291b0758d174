// Builds the directed tie network of a simulation: a tie from A to B exists when A's tie
// strength towards B has reached the threshold.
import { createTieGraph, type TieGraph } from './tieGraph';

export interface TieNode { id: string; attrs?: Record<string, unknown> }
export interface Tie { from: string; to: string; strength: number }

/**
 * A graphology DirectedGraph with one node per entry of `nodes` (attributes copied) and one edge
 * `from -> to` (attribute `weight` = strength) for every tie with `strength >= threshold`.
 * Ties to oneself are not social ties and are skipped. A tie naming an unknown node, or the
 * same directed pair twice, is an error.
 */
export function graphFromTies(nodes: TieNode[], ties: Tie[], threshold: number): TieGraph {
  if (!Number.isFinite(threshold)) throw new Error(`tie threshold must be a finite number, got ${threshold}`);
  const graph = createTieGraph();
  for (const node of nodes) {
    // graphology keeps neighbours in plain objects, where these names already "exist".
    if (node.id === '__proto__' || node.id in Object.prototype) throw new Error(`node id '${node.id}' is a reserved name that the network library cannot handle; rename it`);
    if (graph.hasNode(node.id)) throw new Error(`duplicate node '${node.id}'`);
    graph.addNode(node.id, { ...(node.attrs ?? {}) });
  }
  for (const tie of ties) {
    for (const end of [tie.from, tie.to]) {
      if (!graph.hasNode(end)) throw new Error(`tie ${tie.from} -> ${tie.to} names unknown node '${end}'`);
    }
    if (tie.from === tie.to || !(tie.strength >= threshold)) continue;
    if (graph.hasDirectedEdge(tie.from, tie.to)) throw new Error(`duplicate tie ${tie.from} -> ${tie.to}`);
    graph.addDirectedEdge(tie.from, tie.to, { weight: tie.strength });
  }
  return graph;
}
