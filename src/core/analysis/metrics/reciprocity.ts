// Reciprocity of a directed tie network. Hand-written: graphology-metrics has no reciprocity.
import type { TieGraph } from './tieGraph';

/** Unordered pairs {A, B} with both A -> B and B -> A. */
export function mutualPairs(graph: TieGraph): number {
  let reciprocated = 0;
  graph.forEachDirectedEdge((_edge, _attrs, source, target) => {
    if (graph.hasDirectedEdge(target, source)) reciprocated++;
  });
  return reciprocated / 2;
}

/**
 * NetworkX `overall_reciprocity`: the share of directed edges whose reverse edge also exists.
 * null for a graph without edges (undefined there).
 */
export function reciprocity(graph: TieGraph): number | null {
  if (graph.size === 0) return null;
  return (2 * mutualPairs(graph)) / graph.size;
}
