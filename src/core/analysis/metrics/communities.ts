// Community structure on an undirected graph: modularity of a given partition (e.g. by
// persona group) and Louvain communities, both through graphology's packages. Like every metric
// on the undirected projection, modularity is unweighted unless asked for by name: the weighted
// variant (tie strength as edge weight) is offered as `<attribute>_modularity_weighted`.
import modularity from 'graphology-metrics/graph/modularity';
import louvain from 'graphology-communities-louvain';
import type { AnyGraph } from './tieGraph';
import { seededRandom } from '../../random/seededRandom';

/** Every edge counts once. */
const unitWeight = (): number => 1;

/** Edge weight for the weighted variant: the `weight` attribute (tie strength), 1 when absent. */
function strengthWeight(_edge: string, attrs: Record<string, unknown>): number {
  return typeof attrs.weight === 'number' ? attrs.weight : 1;
}

export interface ModularityOptions {
  /** Weight edges by tie strength (`weight`); default false, as every metric on U. */
  weighted?: boolean;
}

/**
 * Newman modularity (resolution 1) of the partition that `communityOf` assigns, unweighted by
 * default (NetworkX's `modularity(U, partition, weight=None)`). null when the graph has no edge
 * (or, weighted, no edge weight), where it is undefined.
 */
export function partitionModularity(
  graph: AnyGraph,
  communityOf: (node: string) => string | number,
  options: ModularityOptions = {},
): number | null {
  const getEdgeWeight = options.weighted ? strengthWeight : unitWeight;
  let total = 0;
  graph.forEachEdge((edge, attrs) => {
    total += getEdgeWeight(edge, attrs);
  });
  if (graph.size === 0 || total === 0) return null;
  return modularity(graph, { getNodeCommunity: communityNumbers(communityOf), getEdgeWeight });
}

/**
 * The partition with each community as a number, first seen first: graphology tallies communities
 * in plain objects, where a group named `__proto__` is no key of its own (its counts were lost).
 */
function communityNumbers(communityOf: (node: string) => string | number): (node: string) => number {
  const numbers = new Map<string | number, number>();
  return (node) => {
    const community = communityOf(node);
    let n = numbers.get(community);
    if (n === undefined) numbers.set(community, (n = numbers.size));
    return n;
  };
}

export interface LouvainResult {
  /** Community index of every node. */
  communities: Record<string, number>;
  /** Number of communities found. */
  count: number;
  /** Unweighted modularity of the Louvain partition; null without edges. */
  modularity: number | null;
}

/**
 * Louvain communities, maximising the same unweighted modularity. Louvain visits nodes in random
 * order, so the rng is seeded (default seed 0) to make the partition reproducible.
 */
export function louvainCommunities(graph: AnyGraph, rng: () => number = seededRandom(0)): LouvainResult {
  if (graph.size === 0) {
    // No edge: Louvain has nothing to merge, every node is its own community.
    const communities: Record<string, number> = Object.create(null);
    let index = 0;
    graph.forEachNode((node) => {
      communities[node] = index++;
    });
    return { communities, count: graph.order, modularity: null };
  }
  const communities = louvain(graph, { getEdgeWeight: unitWeight, rng });
  const count = new Set(Object.values(communities)).size;
  return { communities, count, modularity: partitionModularity(graph, (node) => communities[node]) };
}
