// The network metrics of a tie network, under the key names of the NetworkX reference fixtures
// (shared/fixtures/graphs), so `society metrics --json` output can be diffed against them.
// Directed-graph metrics: density, reciprocity, mutual pairs, degree maxima and distributions,
// weak/strong components. Everything else is on the undirected projection, unweighted, as the
// fixtures' README defines; the one weighted metric says so in its name (`<attribute>_modularity_weighted`).
import type { AttributeKind } from './attributeHomophily';
import type { DegreeDistribution } from './degrees';
import type { TieGraph } from './tieGraph';
import { DEFAULT_ATTRIBUTE, MeasuredNetwork } from './table/measuredNetwork';
import { METRICS, isFamily } from './table/metrics';

export { density } from './table/density';
export { COUNT_METRICS } from './table/metrics';
export { DEFAULT_ATTRIBUTE };

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

export interface NetworkMetricsOptions {
  /** Node attribute for homophily (numeric or categorical by its values); default `group`. */
  attribute?: string;
  /** Random source for Louvain; default a generator seeded with 0. */
  rng?: () => number;
}

/** Every metric of the METRICS table measured on a tie network, in the table's order. */
export function computeNetworkMetrics(graph: TieGraph, options: NetworkMetricsOptions = {}): NetworkMetrics {
  const n = new MeasuredNetwork(graph, options.attribute ?? DEFAULT_ATTRIBUTE, options.rng);
  const entries = METRICS.flatMap((m) =>
    isFamily(m) ? Object.entries(m.network(n)) : m.network ? [[m.name, m.network(n)] as const] : [],
  );
  return Object.fromEntries(entries) as unknown as NetworkMetrics;
}
