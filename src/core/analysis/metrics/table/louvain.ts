// Communities found by Louvain (seeded) and the modularity of their split.
import { COUNT, SHARE, type Metric } from './metric';

export const LOUVAIN_COMMUNITIES = {
  name: 'louvain_communities',
  label: 'Communities',
  description: 'Communities found by Louvain (seeded).',
  kind: 'count',
  bounds: COUNT,
  needs: ['ties'],
  network: (n) => n.louvain.count,
  outcome: { order: 7, of: (r) => r.network.louvain.count },
  baseline: false,
} as const satisfies Metric;

export const LOUVAIN_MODULARITY = {
  name: 'louvain_modularity',
  label: 'Modularity',
  description: 'Modularity of the Louvain communities (undirected, unweighted).',
  kind: 'real',
  // Louvain's split scores at least what one community holding everyone scores: 0.
  bounds: SHARE,
  needs: ['ties'],
  network: (n) => n.louvain.modularity,
  outcome: { order: 6, of: (r) => r.network.louvain.modularity },
  // Louvain every round: at 1,000 agents it is a small part of a round's measuring, which the
  // graph's build dominates (`npm run bench`, "series").
  series: { order: 6, of: (r) => r.network.louvain.modularity, chart: 5 },
  baseline: false,
} as const satisfies Metric;
