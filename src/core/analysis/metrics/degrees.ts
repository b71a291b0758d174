// Degree statistics: in/out degree distributions and maxima on the directed tie network,
// median degree on the undirected projection.
import type { AnyGraph, TieGraph } from './tieGraph';
import { maxOf } from '../../stats/extremes';

/** `distribution[k]` = number of nodes with degree k (k = 0 .. max degree). */
export type DegreeDistribution = number[];

function distribution(degrees: number[]): DegreeDistribution {
  const counts: number[] = new Array(degrees.length === 0 ? 0 : maxOf(degrees) + 1).fill(0);
  for (const d of degrees) counts[d]++;
  return counts;
}

export function inDegrees(graph: TieGraph): number[] {
  return graph.mapNodes((node) => graph.inDegree(node));
}

export function outDegrees(graph: TieGraph): number[] {
  return graph.mapNodes((node) => graph.outDegree(node));
}

export function inDegreeDistribution(graph: TieGraph): DegreeDistribution {
  return distribution(inDegrees(graph));
}

export function outDegreeDistribution(graph: TieGraph): DegreeDistribution {
  return distribution(outDegrees(graph));
}

/** The largest degree, or null for no nodes. */
export function maxDegree(degrees: number[]): number | null {
  return degrees.length === 0 ? null : maxOf(degrees);
}

/**
 * The usual median (Python's `statistics.median`, `numpy.median`): the middle value, or the mean
 * of the two middle values when n is even. null for an empty list.
 */
export function medianOf(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const half = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[half] : (sorted[half - 1] + sorted[half]) / 2;
}

/** Median degree on an undirected graph (the usual median); null without nodes. */
export function medianDegree(graph: AnyGraph): number | null {
  return medianOf(graph.mapNodes((node) => graph.degree(node)));
}
