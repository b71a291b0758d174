// Assortativity on an undirected graph: degree assortativity (do well-connected agents tie to
// each other?) and attribute assortativity, i.e. homophily by a categorical node attribute
// (numeric attributes: numericAssortativity.ts; attributeHomophily.ts picks between them).
// Hand-written: graphology-metrics has no assortativity. Both follow NetworkX, which counts
// every undirected edge in both orientations; sums are kept in integers so the only rounding
// is the final division.
import type { AnyGraph } from './tieGraph';

/** Pearson correlation of the degrees at either end of an edge; null when undefined. */
export function degreeAssortativity(graph: AnyGraph): number | null {
  let pairs = 0,
    sum = 0,
    sumSquares = 0,
    sumProducts = 0;
  graph.forEachEdge((_edge, _attrs, source, target) => {
    const a = graph.degree(source);
    const b = graph.degree(target);
    // The edge in both orientations: (a, b) and (b, a).
    pairs += 2;
    sum += a + b;
    sumSquares += a * a + b * b;
    sumProducts += 2 * a * b;
  });
  const variance = pairs * sumSquares - sum * sum;
  if (pairs === 0 || variance === 0) return null;
  return (pairs * sumProducts - sum * sum) / variance;
}

/** The category of a node for homophily: its attribute value as text, or '' when absent. */
export function categoryOf(graph: AnyGraph, node: string, attribute: string): string {
  const value: unknown = graph.getNodeAttribute(node, attribute);
  return value === undefined || value === null ? '' : String(value);
}

/**
 * Newman's categorical assortativity coefficient of `attribute` (NetworkX
 * `attribute_assortativity_coefficient`): (sum e_ii - sum a_i^2) / (1 - sum a_i^2), where e is
 * the mixing matrix of the attribute over edge ends. null without edges or when every edge end
 * falls in one category.
 */
export function attributeAssortativity(graph: AnyGraph, attribute: string): number | null {
  let ends = 0,
    sameCategory = 0;
  const endsByCategory = new Map<string, number>();
  graph.forEachEdge((_edge, _attrs, source, target) => {
    const a = categoryOf(graph, source, attribute);
    const b = categoryOf(graph, target, attribute);
    ends += 2;
    if (a === b) sameCategory += 2;
    endsByCategory.set(a, (endsByCategory.get(a) ?? 0) + 1);
    endsByCategory.set(b, (endsByCategory.get(b) ?? 0) + 1);
  });
  let squares = 0;
  for (const count of endsByCategory.values()) squares += count * count;
  const denominator = ends * ends - squares;
  if (ends === 0 || denominator === 0) return null;
  return (ends * sameCategory - squares) / denominator;
}
