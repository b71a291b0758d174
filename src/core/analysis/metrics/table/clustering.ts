// Closed triangles on the undirected projection: the mean local clustering and transitivity.
import { SHARE, type Metric } from './metric';

export const AVERAGE_CLUSTERING = {
  name: 'average_clustering',
  label: 'Clustering',
  description: "Mean share of an agent's contacts who are tied to each other (undirected).",
  kind: 'real',
  bounds: SHARE,
  needs: ['ties'],
  network: (n) => n.clustering.average,
  outcome: { order: 3, of: (r) => r.network.clustering.average },
  series: { order: 3, of: (r) => r.network.clustering.average, chart: 2 },
  baseline: true,
} as const satisfies Metric;

export const TRANSITIVITY = {
  name: 'transitivity',
  label: 'Transitivity',
  description: 'Share of connected triples that close into triangles (undirected).',
  kind: 'real',
  bounds: SHARE,
  needs: ['ties'],
  network: (n) => n.clustering.transitivity,
  outcome: { order: 4, of: (r) => r.network.clustering.transitivity },
  series: { order: 4, of: (r) => r.network.clustering.transitivity, chart: 3 },
  baseline: false,
} as const satisfies Metric;

export const CLUSTERING = [AVERAGE_CLUSTERING, TRANSITIVITY] as const;
