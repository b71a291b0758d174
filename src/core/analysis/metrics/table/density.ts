// The share of possible directed ties that exist.
import { density as graphDensity } from 'graphology-metrics/graph/density';
import type { TieGraph } from '../tieGraph';
import { SHARE, type Metric } from './metric';

/** Directed density m / (n (n - 1)); 0 for fewer than two nodes (as NetworkX). */
export function density(graph: TieGraph): number {
  return graph.order < 2 ? 0 : graphDensity(graph);
}

// With fewer than two agents there is no possible tie (0/0): NetworkX says 0, but an empty
// network averaged in as 0 would pull a condition's mean down and "test" the coaching claim.
const outcomeDensity = (graph: TieGraph): number | null => (graph.order >= 2 ? density(graph) : null);

export const DENSITY = {
  name: 'density',
  label: 'Density',
  description: 'Share of all possible directed ties that exist.',
  kind: 'real',
  bounds: SHARE,
  needs: ['ties'],
  network: (n) => density(n.graph),
  outcome: { order: 0, of: (r) => outcomeDensity(r.network.graph) },
  series: { order: 0, of: (r) => outcomeDensity(r.network.graph), chart: 0 },
  baseline: false,
} as const satisfies Metric;
