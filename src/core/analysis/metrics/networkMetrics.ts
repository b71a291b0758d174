// The network metrics of a tie network, under the key names of the NetworkX reference fixtures
// (shared/fixtures/graphs), so `society metrics --json` output can be diffed against them.
// Directed-graph metrics: density, reciprocity, mutual pairs, degree maxima and distributions,
// weak/strong components. Everything else is on the undirected projection, unweighted, as the
// fixtures' README defines; the one weighted metric says so in its name (`<attribute>_modularity_weighted`).
import { density as graphDensity } from 'graphology-metrics/graph/density';
import { degreeAssortativity } from './assortativity';
import { attributeHomophily, type AttributeKind } from './attributeHomophily';
import { adjacencyOf, clusteringOf } from './clustering';
import { louvainCommunities } from './communities';
import { componentSummary } from './components';
import {
  inDegreeDistribution,
  inDegrees,
  maxOf,
  medianDegree,
  outDegreeDistribution,
  outDegrees,
  type DegreeDistribution,
} from './degrees';
import { friendshipParadox } from './friendshipParadox';
import { mutualPairs, reciprocity } from './reciprocity';
import { seededRandom } from '../../random/seededRandom';
import { undirectedProjection, type TieGraph } from './tieGraph';

/** The default homophily attribute: a persona's `group`. */
export const DEFAULT_ATTRIBUTE = 'group';

export interface NetworkMetrics {
  nodes: number;
  edges: number;
  density: number;
  reciprocity: number | null;
  mutual_pairs: number;
  average_clustering: number | null;
  transitivity: number;
  degree_assortativity: number | null;
  /**
   * Homophily by the chosen attribute (`group` by default): `<attribute>_assortativity`, and
   * `<attribute>_assortativity_kind` saying how it was measured. Categorical attributes add
   * `<attribute>_modularity` (modularity of the partition by that attribute; nodes without the
   * attribute form one category; both null when no node has it) and `<attribute>_modularity_weighted`
   * (the same with tie strength as edge weight). Numeric ones (every value
   * present a number) are a correlation instead, and add `<attribute>_assortativity_missing`,
   * the nodes left out for lacking a value. See attributeHomophily.
   */
  [attributeMetric: `${string}_assortativity` | `${string}_modularity` | `${string}_modularity_weighted`]:
    number | null;
  [attributeKind: `${string}_assortativity_kind`]: AttributeKind;
  [attributeMissing: `${string}_assortativity_missing`]: number;
  louvain_communities: number;
  louvain_modularity: number | null;
  connected_components: number;
  largest_component: number;
  weakly_connected_components: number;
  strongly_connected_components: number;
  friendship_paradox_mean_gap: number | null;
  friendship_paradox_fraction: number | null;
  max_in_degree: number | null;
  max_out_degree: number | null;
  median_undirected_degree: number | null;
  in_degree_distribution: DegreeDistribution;
  out_degree_distribution: DegreeDistribution;
}

/** Metrics that are counts (compared exactly); the other scalar metrics are real numbers. */
export const COUNT_METRICS: readonly string[] = [
  'nodes',
  'edges',
  'mutual_pairs',
  'louvain_communities',
  'connected_components',
  'largest_component',
  'weakly_connected_components',
  'strongly_connected_components',
  'max_in_degree',
  'max_out_degree',
];

export interface NetworkMetricsOptions {
  /** Node attribute for homophily (numeric or categorical by its values); default `group`. */
  attribute?: string;
  /** Random source for Louvain; default a generator seeded with 0. */
  rng?: () => number;
}

/** Directed density m / (n (n - 1)); 0 for fewer than two nodes (as NetworkX). */
export function density(graph: TieGraph): number {
  return graph.order < 2 ? 0 : graphDensity(graph);
}

export function computeNetworkMetrics(graph: TieGraph, options: NetworkMetricsOptions = {}): NetworkMetrics {
  const attribute = options.attribute ?? DEFAULT_ATTRIBUTE;
  const projection = undirectedProjection(graph);
  const louvain = louvainCommunities(projection, options.rng ?? seededRandom(0));
  const components = componentSummary(graph, projection);
  const paradox = friendshipParadox(projection);
  const clustering = clusteringOf(adjacencyOf(projection));
  // Built in display order; the attribute-named keys make the literal's type a plain record.
  const metrics: Record<keyof NetworkMetrics, unknown> = {
    nodes: graph.order,
    edges: graph.size,
    density: density(graph),
    reciprocity: reciprocity(graph),
    mutual_pairs: mutualPairs(graph),
    average_clustering: clustering.average,
    transitivity: clustering.transitivity,
    degree_assortativity: degreeAssortativity(projection),
    ...attributeHomophily(projection, attribute),
    louvain_communities: louvain.count,
    louvain_modularity: louvain.modularity,
    connected_components: components.connected_components,
    largest_component: components.largest_component,
    weakly_connected_components: components.weakly_connected_components,
    strongly_connected_components: components.strongly_connected_components,
    friendship_paradox_mean_gap: paradox.friendship_paradox_mean_gap,
    friendship_paradox_fraction: paradox.friendship_paradox_fraction,
    max_in_degree: maxOf(inDegrees(graph)),
    max_out_degree: maxOf(outDegrees(graph)),
    median_undirected_degree: medianDegree(projection),
    in_degree_distribution: inDegreeDistribution(graph),
    out_degree_distribution: outDegreeDistribution(graph),
  };
  return metrics as NetworkMetrics;
}
