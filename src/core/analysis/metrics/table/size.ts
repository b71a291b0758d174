// How big the network is: its agents and its directed ties.
import { COUNT, type Metric } from './metric';

export const NODES = {
  name: 'nodes',
  label: 'Agents',
  description: 'Agents in the network.',
  kind: 'count',
  bounds: COUNT,
  // Every world has agents.
  needs: [],
  network: (n) => n.graph.order,
  baseline: false,
} as const satisfies Metric;

export const EDGES = {
  name: 'edges',
  label: 'Ties',
  description: 'Directed ties (strength at or above the threshold).',
  kind: 'count',
  bounds: COUNT,
  needs: ['ties'],
  network: (n) => n.graph.size,
  baseline: false,
} as const satisfies Metric;

/** The edges under the name runs and experiments give them. */
export const TIES = {
  name: 'ties',
  label: 'Ties',
  description: 'Directed ties at or above the threshold.',
  kind: 'count',
  bounds: COUNT,
  needs: ['ties'],
  outcome: { order: 8, of: (r) => r.network.graph.size },
  series: { order: 1, of: (r) => r.network.graph.size, chart: 4 },
  baseline: false,
} as const satisfies Metric;
