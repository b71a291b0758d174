// The network metrics the view charts per round — density, reciprocity, average clustering and
// Louvain modularity — computed with the analysis layer's own functions, so the numbers equal
// those of `society report` and `society metrics` for the same round and seed.
import { averageClustering } from '../../src/core/analysis/clustering';
import { louvainCommunities } from '../../src/core/analysis/communities';
import { graphFromTies } from '../../src/core/analysis/graphFromTies';
import { density } from '../../src/core/analysis/networkMetrics';
import { reciprocity } from '../../src/core/analysis/reciprocity';
import { seededRandom } from '../../src/core/analysis/seededRandom';
import { undirectedProjection } from '../../src/core/analysis/tieGraph';
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

export function roundMetrics(data: NetworkData, seed: number): RoundMetrics {
  const graph = graphFromTies(data.nodes.map((n) => ({ id: n.id })), data.edges, data.threshold);
  const projection = undirectedProjection(graph);
  const louvain = louvainCommunities(projection, seededRandom(seed));
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
