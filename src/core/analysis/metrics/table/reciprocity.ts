// Ties returned: the share of ties whose other direction exists, and the pairs tied both ways.
import { mutualPairs, reciprocity } from '../reciprocity';
import { COUNT, SHARE, type Metric } from './metric';

export const RECIPROCITY = {
  name: 'reciprocity',
  label: 'Reciprocity',
  description: 'Share of ties that are returned (A→B with B→A).',
  kind: 'real',
  bounds: SHARE,
  needs: ['ties'],
  network: (n) => reciprocity(n.graph),
  outcome: { order: 2, of: (r) => reciprocity(r.network.graph) },
  series: { order: 2, of: (r) => reciprocity(r.network.graph), chart: 1 },
  baseline: true,
} as const satisfies Metric;

export const MUTUAL_PAIRS = {
  name: 'mutual_pairs',
  label: 'Mutual pairs',
  description: 'Pairs of agents tied in both directions.',
  kind: 'count',
  bounds: COUNT,
  needs: ['ties'],
  network: (n) => mutualPairs(n.graph),
  baseline: false,
} as const satisfies Metric;
