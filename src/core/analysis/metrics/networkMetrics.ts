// The network metrics of a tie network, under the key names of the NetworkX reference fixtures
// (shared/fixtures/graphs), so `society metrics --json` output can be diffed against them.
// Directed-graph metrics: density, reciprocity, mutual pairs, degree maxima and distributions,
// weak/strong components. Everything else is on the undirected projection, unweighted, as the
// fixtures' README defines; the one weighted metric says so in its name (`<attribute>_modularity_weighted`).
import type { TieGraph } from './tieGraph';
import { DEFAULT_ATTRIBUTE, MeasuredNetwork } from './table/measuredNetwork';
import { METRICS, isFamily, type MetricTableEntry } from './table/metrics';

export { density } from './table/density';
export { COUNT_METRICS } from './table/metrics';
export { DEFAULT_ATTRIBUTE };

type Measured<V = unknown> = { network: (n: MeasuredNetwork) => V };

/** The named entries measured on a network: each name with what its `network` returns. */
type NamedNetworkMetrics = {
  [E in MetricTableEntry as E extends { name: string } & Measured ? E['name'] : never]: E extends Measured<infer V>
    ? V
    : never;
};

/** Each family's values as a function's parameter, so that inferring from them all intersects them. */
type FamilyValues<E> = E extends { matches: unknown } & Measured<infer V> ? (values: V) => void : never;

/** The families' keys (homophily: `<attribute>_assortativity`, … as attributeHomophily names them), all of them. */
type FamilyNetworkMetrics = FamilyValues<MetricTableEntry> extends (values: infer V) => void ? V : never;

/**
 * The network metrics, read off the METRICS table: an entry with a `network` adds its key and
 * value type here, with nothing else to edit.
 */
export type NetworkMetrics = NamedNetworkMetrics & FamilyNetworkMetrics;

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
  // The entries are the table's, so the object is the type read off the table; only their
  // heterogeneous walk is beyond the compiler.
  return Object.fromEntries(entries) as NetworkMetrics;
}
