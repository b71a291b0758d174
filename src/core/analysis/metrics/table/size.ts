// How big the network is: its agents and its directed ties.
import { COUNT, type Metric } from './metric';

export const NODES: Metric = {
  name: 'nodes',
  label: 'Agents',
  description: 'Agents in the network.',
  kind: 'count',
  bounds: COUNT,
  // Every world has agents.
  needs: [],
  network: (n) => n.graph.order,
  baseline: false,
};

export const EDGES: Metric = {
  name: 'edges',
  label: 'Ties',
  description: 'Directed ties (strength at or above the threshold).',
  kind: 'count',
  bounds: COUNT,
  needs: ['ties'],
  network: (n) => n.graph.size,
  baseline: false,
};

/** The edges under the name runs and experiments give them. */
export const TIES: Metric = {
  name: 'ties',
  label: 'Ties',
  description: 'Directed ties at or above the threshold.',
  kind: 'count',
  bounds: COUNT,
  needs: ['ties'],
  outcome: { order: 8, of: (r) => r.network.graph.size },
  series: { order: 1, of: (r) => r.network.graph.size, chart: 4 },
  baseline: false,
};
