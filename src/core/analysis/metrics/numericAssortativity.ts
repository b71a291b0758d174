// Homophily by a numeric node attribute (age, a Big Five trait, a motivation): do agents tie to
// others with similar values? Categorical assortativity would treat every distinct value as its
// own group, so ages 34 and 35 would count as different as 34 and 70.
import type { AnyGraph } from './tieGraph';

/** The attribute's value on a node when it is a finite number, else undefined. */
export function numericValueOf(graph: AnyGraph, node: string, attribute: string): number | undefined {
  const value: unknown = graph.getNodeAttribute(node, attribute);
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/**
 * Newman's numeric assortativity (NetworkX `numeric_assortativity_coefficient`, Eq. 21 of
 * "Mixing patterns in networks", 2003): the Pearson correlation of the values at either end of
 * an edge, every undirected edge counted in both orientations, unweighted. Nodes without a
 * numeric value are left out with their edges, as NetworkX's `nodes=` argument does. null
 * without such edges or when every counted edge end has the same value (NetworkX gives NaN).
 */
export function numericAssortativity(graph: AnyGraph, attribute: string): number | null {
  const ends: [number, number][] = [];
  const values = new Set<number>();
  graph.forEachEdge((_edge, _attrs, source, target) => {
    const a = numericValueOf(graph, source, attribute);
    const b = numericValueOf(graph, target, attribute);
    if (a === undefined || b === undefined) return;
    ends.push([a, b]);
    values.add(a).add(b);
  });
  // Checked on the values themselves: a rounded mean could make a constant look varied.
  if (values.size < 2) return null;
  // Both orientations give both ends the same mean and variance, so r = cov / var, centred
  // first (two passes) so large values such as ages lose no precision to cancellation.
  let sum = 0;
  for (const [a, b] of ends) sum += a + b;
  const mean = sum / (2 * ends.length);
  let covariance = 0,
    variance = 0;
  for (const [a, b] of ends) {
    const da = a - mean,
      db = b - mean;
    covariance += 2 * da * db;
    variance += da * da + db * db;
  }
  return covariance / variance;
}
