// Degrees: the most ties one agent holds or receives, the median contacts, the distributions.
import {
  inDegreeDistribution,
  inDegrees,
  maxDegree,
  medianDegree,
  outDegreeDistribution,
  outDegrees,
} from '../degrees';
import { COUNT, type Metric } from './metric';

export const MAX_IN_DEGREE = {
  name: 'max_in_degree',
  label: 'Most ties received',
  description: 'Most ties received by one agent.',
  kind: 'count',
  bounds: COUNT,
  needs: ['ties'],
  network: (n) => maxDegree(inDegrees(n.graph)),
  baseline: false,
} as const satisfies Metric;

export const MAX_OUT_DEGREE = {
  name: 'max_out_degree',
  label: 'Most ties held',
  description: 'Most ties held by one agent.',
  kind: 'count',
  bounds: COUNT,
  needs: ['ties'],
  network: (n) => maxDegree(outDegrees(n.graph)),
  baseline: false,
} as const satisfies Metric;

export const MEDIAN_UNDIRECTED_DEGREE = {
  name: 'median_undirected_degree',
  label: 'Median contacts',
  description:
    'Median number of contacts (undirected; with an even number of agents the mean of the two middle values, the usual median).',
  // A median of an even count may fall between two integers.
  kind: 'real',
  bounds: COUNT,
  needs: ['ties'],
  network: (n) => medianDegree(n.projection),
  outcome: { order: 1, of: (r) => medianDegree(r.network.projection) },
  series: { order: 5, of: (r) => medianDegree(r.network.projection) },
  baseline: false,
} as const satisfies Metric;

export const DEGREE_DISTRIBUTIONS = [
  {
    name: 'in_degree_distribution',
    label: 'In-degrees',
    description: 'Agents by ties received (degree:count).',
    kind: 'distribution',
    bounds: null,
    needs: ['ties'],
    network: (n) => inDegreeDistribution(n.graph),
    baseline: false,
  },
  {
    name: 'out_degree_distribution',
    label: 'Out-degrees',
    description: 'Agents by ties held (degree:count).',
    kind: 'distribution',
    bounds: null,
    needs: ['ties'],
    network: (n) => outDegreeDistribution(n.graph),
    baseline: false,
  },
] as const satisfies readonly Metric[];
