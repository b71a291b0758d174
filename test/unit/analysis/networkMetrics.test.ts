// Hand-computed cases for the network metrics, including the undefined (null) ones.
import assert from 'node:assert/strict';
import { graphFromTies, type Tie, type TieNode } from '../../../src/core/analysis/metrics/graphFromTies';
import { computeNetworkMetrics } from '../../../src/core/analysis/metrics/networkMetrics';
import { louvainCommunities, partitionModularity } from '../../../src/core/analysis/metrics/communities';
import { medianOf } from '../../../src/core/analysis/metrics/degrees';
import { seededRandom } from '../../../src/core/random/seededRandom';
import { undirectedProjection } from '../../../src/core/analysis/metrics/tieGraph';
import {
  adjacencyFromLinks,
  adjacencyOf,
  averageClustering,
  clusteringOf,
  localClustering,
  transitivity,
} from '../../../src/core/analysis/metrics/clustering';

const node = (id: string, group?: string): TieNode => ({ id, attrs: group === undefined ? {} : { group } });
const tie = (from: string, to: string, strength = 1): Tie => ({ from, to, strength });
/** Both directions. */
const pair = (a: string, b: string): Tie[] => [tie(a, b), tie(b, a)];

describe('computeNetworkMetrics', () => {
  it('returns nulls and zeros for an empty graph', () => {
    const m = computeNetworkMetrics(graphFromTies([], [], 0.5));
    assert.equal(m.nodes, 0);
    assert.equal(m.edges, 0);
    assert.equal(m.density, 0);
    assert.equal(m.reciprocity, null);
    assert.equal(m.average_clustering, null);
    assert.equal(m.transitivity, 0);
    assert.equal(m.degree_assortativity, null);
    assert.equal(m.group_assortativity, null);
    assert.equal(m.group_modularity, null);
    assert.equal(m.louvain_modularity, null);
    assert.equal(m.connected_components, 0);
    assert.equal(m.largest_component, 0);
    assert.equal(m.friendship_paradox_mean_gap, null);
    assert.equal(m.max_in_degree, null);
    assert.equal(m.median_undirected_degree, null);
    assert.deepEqual(m.in_degree_distribution, []);
  });

  it('treats isolated nodes as components without defined reciprocity', () => {
    const m = computeNetworkMetrics(graphFromTies([node('a'), node('b'), node('c')], [], 0.5));
    assert.equal(m.density, 0);
    assert.equal(m.reciprocity, null);
    assert.equal(m.average_clustering, 0);
    assert.equal(m.connected_components, 3);
    assert.equal(m.weakly_connected_components, 3);
    assert.equal(m.strongly_connected_components, 3);
    assert.equal(m.largest_component, 1);
    assert.equal(m.louvain_communities, 3);
    assert.deepEqual(m.out_degree_distribution, [3]);
    assert.equal(m.friendship_paradox_fraction, null);
  });

  it('measures a directed triangle with one reciprocated tie', () => {
    const g = graphFromTies(
      [node('a'), node('b'), node('c')],
      [tie('a', 'b'), tie('b', 'c'), tie('c', 'a'), tie('b', 'a')],
      0.5,
    );
    const m = computeNetworkMetrics(g);
    assert.equal(m.edges, 4);
    assert.equal(m.density, 4 / 6);
    assert.equal(m.mutual_pairs, 1);
    assert.equal(m.reciprocity, 0.5);
    assert.equal(m.average_clustering, 1);
    assert.equal(m.transitivity, 1);
    assert.equal(m.degree_assortativity, null, 'every degree is 2: zero variance');
    assert.equal(m.strongly_connected_components, 1);
    assert.equal(m.friendship_paradox_mean_gap, 0);
    assert.equal(m.friendship_paradox_fraction, 0);
    assert.equal(m.max_in_degree, 2);
    assert.equal(m.max_out_degree, 2);
    assert.deepEqual(m.in_degree_distribution, [0, 2, 1]);
    assert.deepEqual(m.out_degree_distribution, [0, 2, 1]);
  });

  it('finds a star disassortative with a friendship paradox', () => {
    const g = graphFromTies(
      ['hub', 'x', 'y', 'z'].map((id) => node(id)),
      [tie('hub', 'x'), tie('y', 'hub'), ...pair('hub', 'z')],
      0.5,
    );
    const m = computeNetworkMetrics(g);
    assert.ok(Math.abs(m.degree_assortativity! - -1) < 1e-12);
    assert.equal(m.average_clustering, 0);
    assert.equal(m.transitivity, 0);
    // Leaves: degree 1, neighbour mean 3 (gap 2); hub: degree 3, neighbour mean 1 (gap -2).
    assert.equal(m.friendship_paradox_mean_gap, (3 * 2 - 2) / 4);
    assert.equal(m.friendship_paradox_fraction, 3 / 4);
    assert.equal(m.median_undirected_degree, 1);
    // hub->x, y->hub, hub<->z: only z and hub are mutually reachable.
    assert.equal(m.strongly_connected_components, 3);
    assert.equal(m.weakly_connected_components, 1);
  });

  it('measures homophily by group: +1 within groups, -1 across', () => {
    const nodes = [node('a', 'x'), node('b', 'x'), node('c', 'y'), node('d', 'y')];
    const within = computeNetworkMetrics(graphFromTies(nodes, [tie('a', 'b'), tie('c', 'd')], 0.5));
    assert.equal(within.group_assortativity, 1);
    // Two disjoint unit edges, one per group: Q = 2 (1/2 - (2/4)^2) = 0.5.
    assert.equal(within.group_modularity, 0.5);
    const across = computeNetworkMetrics(graphFromTies(nodes, [tie('a', 'c'), tie('b', 'd')], 0.5));
    assert.equal(across.group_assortativity, -1);
    assert.equal(across.group_modularity, -0.5);
  });

  it('gives null homophily when every node shares the category', () => {
    const m = computeNetworkMetrics(graphFromTies([node('a', 'x'), node('b', 'x')], pair('a', 'b'), 0.5));
    assert.equal(m.group_assortativity, null);
    assert.equal(m.group_modularity, 0);
  });

  it('names the homophily metrics after the chosen attribute', () => {
    const nodes: TieNode[] = [
      { id: 'a', attrs: { team: 'red', group: 'g' } },
      { id: 'b', attrs: { team: 'red', group: 'h' } },
      { id: 'c', attrs: { team: 'blue', group: 'g' } },
      { id: 'd', attrs: { team: 'blue', group: 'h' } },
    ];
    const m = computeNetworkMetrics(graphFromTies(nodes, [tie('a', 'b'), tie('c', 'd')], 0.5), { attribute: 'team' });
    assert.equal(m.team_assortativity, 1);
    assert.equal(m.team_modularity, 0.5);
    assert.ok(!('group_assortativity' in m));
  });

  it('gives null homophily when no node has the attribute', () => {
    const m = computeNetworkMetrics(
      graphFromTies([node('a'), node('b'), node('c')], [...pair('a', 'b'), tie('b', 'c')], 0.5),
    );
    assert.equal(m.group_assortativity, null);
    assert.equal(m.group_modularity, null);
    assert.equal(typeof m.louvain_modularity, 'number');
  });

  it('uses the usual median: the mean of the two middle values for even n', () => {
    assert.equal(medianOf([3, 1, 2, 1]), 1.5);
    assert.equal(medianOf([4, 1, 2, 1]), 1.5);
    assert.equal(medianOf([4, 1, 3, 1]), 2);
    assert.equal(medianOf([5, 1, 3]), 3);
    assert.equal(medianOf([]), null);
  });
});

describe('undirected projection weights', () => {
  it('keeps the weight of the direction whose source comes later in node order (as NetworkX)', () => {
    const ties = [tie('a', 'b', 0.2), tie('b', 'a', 0.9)];
    const ab = undirectedProjection(graphFromTies([node('a'), node('b')], ties, 0));
    assert.equal(ab.getEdgeAttribute(ab.edges()[0], 'weight'), 0.9);
    const ba = undirectedProjection(graphFromTies([node('b'), node('a')], ties, 0));
    assert.equal(ba.getEdgeAttribute(ba.edges()[0], 'weight'), 0.2);
  });

  it('leaves modularity unweighted unless the weighted variant is asked for', () => {
    const nodes = [node('a', 'x'), node('b', 'x'), node('c', 'y')];
    const g = undirectedProjection(graphFromTies(nodes, [tie('a', 'b', 3), tie('b', 'c', 1)], 0));
    const byGroup = (n: string): string => g.getNodeAttribute(n, 'group') as string;
    // Unweighted: m = 2; L_x = 1, d_x = 1 + 2 = 3; d_y = 1: Q = 1/2 - (3/4)^2 - (1/4)^2.
    const q = partitionModularity(g, byGroup)!;
    assert.ok(Math.abs(q - (1 / 2 - 9 / 16 - 1 / 16)) < 1e-12, String(q));
    // Weighted: m = 4; L_x = 3, d_x = 3 + 4 = 7; L_y = 0, d_y = 1: Q = 3/4 - (7/8)^2 - (1/8)^2.
    const w = partitionModularity(g, byGroup, { weighted: true })!;
    assert.ok(Math.abs(w - (3 / 4 - 49 / 64 - 1 / 64)) < 1e-12, String(w));
  });

  it('names the weighted modularity as such beside the unweighted one', () => {
    const nodes = [node('a', 'x'), node('b', 'x'), node('c', 'y')];
    const m = computeNetworkMetrics(graphFromTies(nodes, [tie('a', 'b', 3), tie('b', 'c', 1)], 0));
    assert.ok(Math.abs(m.group_modularity! - (1 / 2 - 9 / 16 - 1 / 16)) < 1e-12);
    assert.ok(Math.abs(m.group_modularity_weighted! - (3 / 4 - 49 / 64 - 1 / 64)) < 1e-12);
  });
});

describe('louvainCommunities', () => {
  const cliques = () => {
    const ids = ['a1', 'a2', 'a3', 'a4', 'b1', 'b2', 'b3', 'b4'];
    const ties: Tie[] = [];
    for (const side of ['a', 'b']) {
      for (let i = 1; i <= 4; i++) for (let j = i + 1; j <= 4; j++) ties.push(...pair(`${side}${i}`, `${side}${j}`));
    }
    ties.push(tie('a1', 'b1'));
    return undirectedProjection(
      graphFromTies(
        ids.map((id) => node(id)),
        ties,
        0.5,
      ),
    );
  };

  it('separates two cliques joined by one tie', () => {
    const result = louvainCommunities(cliques(), seededRandom(7));
    assert.equal(result.count, 2);
    assert.equal(result.communities.a1, result.communities.a4);
    assert.notEqual(result.communities.a1, result.communities.b1);
    assert.ok(result.modularity! > 0.4);
  });

  it('is reproducible from its seed', () => {
    assert.deepEqual(louvainCommunities(cliques(), seededRandom(3)), louvainCommunities(cliques(), seededRandom(3)));
  });
});

describe('clustering on a compact adjacency', () => {
  it('ignores repeated links, either direction and self-loops', () => {
    // A triangle 0-1-2 (given twice over, both ways, with a loop) and a pendant 3 on node 2.
    const adj = adjacencyFromLinks(4, [0, 1, 1, 0, 1, 2, 2, 0, 0, 2, 2, 2, 2, 3]);
    assert.deepEqual([...adj.start], [0, 2, 4, 7, 8]);
    const c = clusteringOf(adj);
    // Local: 1, 1, 1/3, 0 → mean 7/12; transitivity 3 triangles-through-nodes / (1 + 1 + 3) triples.
    assert.equal(c.average, (1 + 1 + 1 / 3 + 0) / 4);
    assert.equal(c.transitivity, 3 / 5);
  });

  it('gives the same figures as the graph it was read from', () => {
    const g = undirectedProjection(
      graphFromTies(
        ['a', 'b', 'c', 'd'].map((id) => node(id)),
        [...pair('a', 'b'), tie('b', 'c'), tie('c', 'a'), tie('c', 'd')],
        0.5,
      ),
    );
    const c = clusteringOf(adjacencyOf(g));
    assert.deepEqual([...localClustering(g).values()], [1, 1, 1 / 3, 0]);
    assert.equal(c.average, averageClustering(g));
    assert.equal(c.transitivity, transitivity(g));
  });

  it('has no average without nodes', () => {
    assert.deepEqual(clusteringOf(adjacencyFromLinks(0, [])), { average: null, transitivity: 0 });
  });
});
