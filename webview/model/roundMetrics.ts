// The network metrics the view charts per round — density, reciprocity, average clustering and
// Louvain modularity — computed with the analysis layer's own functions, so the numbers equal
// those of `society report`, `society metrics` and the run's closing summary for the same round:
// Louvain is seeded with 0 there too (not with the run's seed, which gave the view other
// communities and another modularity than the report's table on the same page).
import {
  averageClustering,
  louvainCommunities,
  graphFromTies,
  density,
  reciprocity,
  undirectedProjection,
} from '../../src/core/analysis/pure';
import type { NetworkData } from './networkData';

export interface RoundMetrics {
  round: number;
  agents: number;
  ties: number;
  density: number;
  reciprocity: number | null;
  clustering: number | null;
  modularity: number | null;
  /** Louvain community of every agent. */
  communities: Record<string, number>;
}

export function roundMetrics(data: NetworkData): RoundMetrics {
  const graph = graphFromTies(
    data.nodes.map((n) => ({ id: n.id })),
    data.edges,
    data.threshold,
  );
  const projection = undirectedProjection(graph);
  const louvain = louvainCommunities(projection);
  return {
    round: data.round,
    agents: graph.order,
    ties: graph.size,
    density: density(graph),
    reciprocity: reciprocity(graph),
    clustering: averageClustering(projection),
    modularity: louvain.modularity,
    communities: louvain.communities,
  };
}
