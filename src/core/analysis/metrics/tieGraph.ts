// The graph types the analysis layer works on: a directed tie network (who holds a tie to whom)
// and its undirected projection (an edge wherever either direction exists).
import Graph, { DirectedGraph } from 'graphology';
import toUndirected from 'graphology-operators/to-undirected';

/** Node attributes: whatever the persona or fixture carries (group, openness, name, ...). */
export type TieNodeAttributes = Record<string, unknown>;
/** Edge attributes: `weight` is the tie strength. */
export interface TieEdgeAttributes {
  weight: number;
  [key: string]: unknown;
}

export type TieGraph = DirectedGraph<TieNodeAttributes, TieEdgeAttributes>;
/** Any graphology graph; the undirected projection is one of these. */
export type AnyGraph = Graph;

/** An empty directed tie network: simple (no parallel edges) and without self-ties. */
export function createTieGraph(): TieGraph {
  return new DirectedGraph<TieNodeAttributes, TieEdgeAttributes>({ allowSelfLoops: false });
}

/**
 * The undirected projection U of a directed graph: one undirected edge wherever either
 * direction exists. Metrics on U ignore weights; the one weighted metric (named `_weighted`) reads
 * the `weight` U keeps, chosen as NetworkX's `DiGraph.to_undirected()` does: for a reciprocated
 * pair, the weight of the direction whose source node comes later in node order (NetworkX walks
 * adjacency in node order and overwrites).
 */
export function undirectedProjection(graph: TieGraph): AnyGraph {
  const projection = toUndirected(graph) as unknown as AnyGraph;
  const position = new Map(graph.nodes().map((node, i) => [node, i]));
  projection.forEachEdge((edge, _attrs, u, v) => {
    const [first, later] = position.get(u)! < position.get(v)! ? [u, v] : [v, u];
    const from = graph.hasDirectedEdge(later, first)
      ? graph.directedEdge(later, first)!
      : graph.directedEdge(first, later)!;
    projection.setEdgeAttribute(edge, 'weight', graph.getEdgeAttribute(from, 'weight'));
  });
  return projection;
}
