// Community structure on an undirected graph: modularity of a given partition (e.g. by
// persona group) and Louvain communities, both through graphology's packages.
import modularity from 'graphology-metrics/graph/modularity';
import louvain from 'graphology-communities-louvain';
import type { AnyGraph } from './tieGraph';
import { seededRandom } from './seededRandom';

/** Edge weight for modularity: the `weight` attribute (tie strength), 1 when absent. */
function edgeWeight(_edge: string, attrs: Record<string, unknown>): number {
  return typeof attrs.weight === 'number' ? attrs.weight : 1;
}

/**
 * Newman modularity (resolution 1, weighted by `weight` as NetworkX's default) of the partition
 * that `communityOf` assigns. null when the graph has no edge weight, where it is undefined.
 */
export function partitionModularity(graph: AnyGraph, communityOf: (node: string) => string | number): number | null {
  let total = 0;
  graph.forEachEdge((edge, attrs) => { total += edgeWeight(edge, attrs); });
  if (graph.size === 0 || total === 0) return null;
  return modularity(graph, { getNodeCommunity: (node) => communityOf(node), getEdgeWeight: edgeWeight });
}

export interface LouvainResult {
  /** Community index of every node. */
  communities: Record<string, number>;
  /** Number of communities found. */
  count: number;
  /** Modularity of the Louvain partition; null without edges. */
  modularity: number | null;
}

/**
 * Louvain communities, maximising the same weighted modularity. Louvain visits nodes in random
 * order, so the rng is seeded (default seed 0) to make the partition reproducible.
 */
export function louvainCommunities(graph: AnyGraph, rng: () => number = seededRandom(0)): LouvainResult {
  if (partitionModularity(graph, () => 0) === null) {
    // No edge weight: Louvain has nothing to merge, every node is its own community.
    const communities: Record<string, number> = {};
    graph.forEachNode((node) => { communities[node] = Object.keys(communities).length; });
    return { communities, count: graph.order, modularity: null };
  }
  const communities = louvain(graph, { getEdgeWeight: edgeWeight, rng });
  const count = new Set(Object.values(communities)).size;
  return { communities, count, modularity: partitionModularity(graph, (node) => communities[node]) };
}
