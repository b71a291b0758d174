// A tie network as the metrics measure it: each shared piece (the undirected projection, the
// triangle count, Louvain, components) computed once, when a metric first asks for it, so a
// table of metrics costs what the metrics it is asked for cost.
import { attributeHomophily, type AttributeHomophily } from '../attributeHomophily';
import { adjacencyOf, clusteringOf, type Clustering } from '../clustering';
import { louvainCommunities, type LouvainResult } from '../communities';
import { componentSummary, type ComponentSummary } from '../components';
import { friendshipParadox, type FriendshipParadox } from '../friendshipParadox';
import { undirectedProjection, type AnyGraph, type TieGraph } from '../tieGraph';
import { seededRandom } from '../../../random/seededRandom';

/** The default homophily attribute: a persona's `group`. */
export const DEFAULT_ATTRIBUTE = 'group';

export class MeasuredNetwork {
  private cache = new Map<string, unknown>();

  constructor(
    readonly graph: TieGraph,
    /** Node attribute for homophily; default `group`. */
    readonly attribute: string = DEFAULT_ATTRIBUTE,
    /** Random source for Louvain; default a generator seeded with 0, as every Louvain of a run. */
    private readonly rng: () => number = seededRandom(0),
  ) {}

  private once<T>(key: string, make: () => T): T {
    if (!this.cache.has(key)) this.cache.set(key, make());
    return this.cache.get(key) as T;
  }

  get projection(): AnyGraph {
    return this.once('projection', () => undirectedProjection(this.graph));
  }
  get clustering(): Clustering {
    return this.once('clustering', () => clusteringOf(adjacencyOf(this.projection)));
  }
  get louvain(): LouvainResult {
    return this.once('louvain', () => louvainCommunities(this.projection, this.rng));
  }
  get components(): ComponentSummary {
    return this.once('components', () => componentSummary(this.graph, this.projection));
  }
  get paradox(): FriendshipParadox {
    return this.once('paradox', () => friendshipParadox(this.projection));
  }
  get homophily(): AttributeHomophily {
    return this.once('homophily', () => attributeHomophily(this.projection, this.attribute));
  }
}
