// Components of the tie network through graphology-components: weakly and strongly connected
// components of the directed graph, connected components of the undirected projection.
import { connectedComponents, stronglyConnectedComponents } from 'graphology-components';
import type { AnyGraph, TieGraph } from './tieGraph';

export interface ComponentSummary {
  weakly_connected_components: number;
  strongly_connected_components: number;
  connected_components: number;
  /** Nodes in the largest connected component of the undirected projection. */
  largest_component: number;
}

/** Node sets of the weakly connected components (edge directions ignored). */
export function weakComponents(graph: TieGraph): string[][] {
  return connectedComponents(graph);
}

/** Node sets of the strongly connected components. */
export function strongComponents(graph: TieGraph): string[][] {
  return stronglyConnectedComponents(graph);
}

export function componentSummary(graph: TieGraph, projection: AnyGraph): ComponentSummary {
  const connected = connectedComponents(projection);
  return {
    weakly_connected_components: weakComponents(graph).length,
    strongly_connected_components: strongComponents(graph).length,
    connected_components: connected.length,
    largest_component: connected.reduce((max, c) => Math.max(max, c.length), 0),
  };
}
