// Clustering on an undirected graph: local clustering coefficients, their average and the
// global transitivity. Hand-written: graphology-metrics provides neither.
import type { AnyGraph } from './tieGraph';

interface NodeTriangles { degree: number; triangles: number }

/** For every node (in graph order): its degree and the number of triangles through it. */
function trianglesPerNode(graph: AnyGraph): NodeTriangles[] {
  const neighbours = new Map<string, Set<string>>();
  graph.forEachNode((node) => {
    const set = new Set<string>();
    graph.forEachNeighbor(node, (other) => { if (other !== node) set.add(other); });
    neighbours.set(node, set);
  });
  const result: NodeTriangles[] = [];
  for (const [node, own] of neighbours) {
    let links = 0; // edges between two neighbours of `node`, each seen from both ends
    for (const other of own) {
      for (const third of neighbours.get(other)!) if (third !== node && own.has(third)) links++;
    }
    result.push({ degree: own.size, triangles: links / 2 });
  }
  return result;
}

/** Local clustering of every node: 2T / (k (k - 1)), 0 when the degree k is below 2. */
export function localClustering(graph: AnyGraph): Map<string, number> {
  const nodes = graph.nodes();
  const values = new Map<string, number>();
  trianglesPerNode(graph).forEach(({ degree, triangles }, i) => {
    values.set(nodes[i], triangles === 0 ? 0 : (2 * triangles) / (degree * (degree - 1)));
  });
  return values;
}

/** Mean local clustering over all nodes (NetworkX `average_clustering`); null without nodes. */
export function averageClustering(graph: AnyGraph): number | null {
  if (graph.order === 0) return null;
  let sum = 0;
  for (const value of localClustering(graph).values()) sum += value;
  return sum / graph.order;
}

/** 3 x triangles / connected triples (NetworkX `transitivity`); 0 when there is no triangle. */
export function transitivity(graph: AnyGraph): number {
  let triangles = 0;
  let triples = 0;
  for (const { degree, triangles: t } of trianglesPerNode(graph)) {
    triangles += t;
    triples += (degree * (degree - 1)) / 2;
  }
  return triangles === 0 ? 0 : triangles / triples;
}
