// Clustering on an undirected graph: local clustering coefficients, their average and the
// global transitivity. Hand-written: graphology-metrics provides neither. Triangles are counted on
// a compact adjacency (node positions, sorted neighbour rows) so the random baseline, which draws
// twenty 10,000-node graphs for one summary, can count them without building graphology graphs.
import type { AnyGraph } from './tieGraph';

/** Undirected simple adjacency: node i's neighbours are `neighbours[start[i] .. start[i + 1])`, no self-loops. */
export interface Adjacency {
  start: Int32Array;
  neighbours: Int32Array;
}

/** A graph's adjacency with nodes numbered in graph order. */
export function adjacencyOf(graph: AnyGraph): Adjacency {
  const position = new Map<string, number>();
  graph.forEachNode((node) => position.set(node, position.size));
  const rows: number[][] = [];
  graph.forEachNode((node) => {
    const own = new Set<number>();
    graph.forEachNeighbor(node, (other) => {
      if (other !== node) own.add(position.get(other)!);
    });
    rows.push([...own]);
  });
  return packRows(rows);
}

/**
 * Adjacency from undirected links given as pairs `links[2k], links[2k + 1]` over nodes 0..n−1
 * (either direction, repeats and self-loops ignored).
 */
export function adjacencyFromLinks(n: number, links: ArrayLike<number>): Adjacency {
  const rows: number[][] = Array.from({ length: n }, () => []);
  for (let k = 0; k + 1 < links.length; k += 2) {
    const u = links[k],
      v = links[k + 1];
    if (u !== v) {
      rows[u].push(v);
      rows[v].push(u);
    }
  }
  for (let i = 0; i < n; i++) if (rows[i].length > 1) rows[i] = [...new Set(rows[i])];
  return packRows(rows);
}

function packRows(rows: number[][]): Adjacency {
  const start = new Int32Array(rows.length + 1);
  rows.forEach((r, i) => {
    start[i + 1] = start[i] + r.length;
  });
  const neighbours = new Int32Array(start[rows.length]);
  rows.forEach((r, i) => neighbours.set(r, start[i]));
  return { start, neighbours };
}

/** Triangles through each node (edges between two of its neighbours), by node position. */
function trianglesPerNode({ start, neighbours }: Adjacency): Float64Array {
  const n = start.length - 1;
  const triangles = new Float64Array(n);
  // mark[x] === node + 1 ⇔ x is a neighbour of `node` (no clearing between nodes).
  const mark = new Int32Array(n);
  for (let node = 0; node < n; node++) {
    for (let j = start[node]; j < start[node + 1]; j++) mark[neighbours[j]] = node + 1;
    let links = 0; // each link between two neighbours is seen from both ends
    for (let j = start[node]; j < start[node + 1]; j++) {
      const other = neighbours[j];
      for (let k = start[other]; k < start[other + 1]; k++) if (mark[neighbours[k]] === node + 1) links++;
    }
    triangles[node] = links / 2;
  }
  return triangles;
}

/** Local clustering by node position: 2T / (k (k − 1)), 0 when there is no triangle. */
function localValues(adj: Adjacency, triangles: Float64Array): Float64Array {
  const values = new Float64Array(triangles.length);
  for (let i = 0; i < triangles.length; i++) {
    const k = adj.start[i + 1] - adj.start[i];
    values[i] = triangles[i] === 0 ? 0 : (2 * triangles[i]) / (k * (k - 1));
  }
  return values;
}

export interface Clustering {
  /** Mean local clustering (NetworkX `average_clustering`); null without nodes. */
  average: number | null;
  /** 3 × triangles / connected triples (NetworkX `transitivity`); 0 without a triangle. */
  transitivity: number;
}

/** Average clustering and transitivity from one triangle count. */
export function clusteringOf(adj: Adjacency): Clustering {
  const n = adj.start.length - 1;
  const triangles = trianglesPerNode(adj);
  const local = localValues(adj, triangles);
  let sum = 0,
    all = 0,
    triples = 0;
  for (let i = 0; i < n; i++) {
    sum += local[i];
    all += triangles[i];
    const k = adj.start[i + 1] - adj.start[i];
    triples += (k * (k - 1)) / 2;
  }
  return { average: n === 0 ? null : sum / n, transitivity: all === 0 ? 0 : all / triples };
}

/** Local clustering of every node: 2T / (k (k − 1)), 0 when the degree k is below 2. */
export function localClustering(graph: AnyGraph): Map<string, number> {
  const adj = adjacencyOf(graph);
  const local = localValues(adj, trianglesPerNode(adj));
  const values = new Map<string, number>();
  graph.nodes().forEach((node, i) => values.set(node, local[i]));
  return values;
}

/** Mean local clustering over all nodes (NetworkX `average_clustering`); null without nodes. */
export function averageClustering(graph: AnyGraph): number | null {
  return clusteringOf(adjacencyOf(graph)).average;
}

/** 3 x triangles / connected triples (NetworkX `transitivity`); 0 when there is no triangle. */
export function transitivity(graph: AnyGraph): number {
  return clusteringOf(adjacencyOf(graph)).transitivity;
}
