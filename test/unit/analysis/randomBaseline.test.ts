import assert from 'node:assert/strict';
import { gnmSample, randomBaseline, randomDirectedGnm } from '../../../src/core/analysis/metrics/randomBaseline';
import { averageClustering, transitivity } from '../../../src/core/analysis/metrics/clustering';
import { reciprocity } from '../../../src/core/analysis/metrics/reciprocity';
import { undirectedProjection } from '../../../src/core/analysis/metrics/tieGraph';
import { seededRandom } from '../../../src/core/random/seededRandom';

describe('randomDirectedGnm', () => {
  for (const [n, m] of [
    [20, 30],
    [10, 80],
    [6, 30],
    [1, 0],
    [0, 0],
  ] as const) {
    it(`draws exactly ${m} distinct directed edges on ${n} nodes without self-loops`, () => {
      const g = randomDirectedGnm(n, m, seededRandom(1));
      assert.equal(g.order, n);
      assert.equal(g.size, m);
      g.forEachEdge((_e, _a, s, t) => assert.notEqual(s, t));
    });
  }

  it('rejects more edges than ordered pairs', () => {
    assert.throws(() => randomDirectedGnm(4, 13, seededRandom(1)), /0\.\.12/);
  });

  it('is reproducible from its seed and varies with it', () => {
    const edges = (seed: number) =>
      randomDirectedGnm(30, 60, seededRandom(seed))
        .mapEdges((_e, _a, s, t) => `${s}>${t}`)
        .sort();
    assert.deepEqual(edges(5), edges(5));
    assert.notDeepEqual(edges(5), edges(6));
  });

  it('draws every ordered pair with equal probability (sparse and dense paths)', () => {
    for (const m of [1, 5]) {
      const rng = seededRandom(11);
      const counts = new Map<string, number>();
      const draws = 6000;
      for (let i = 0; i < draws; i++) {
        randomDirectedGnm(3, m, rng).forEachEdge((_e, _a, s, t) =>
          counts.set(`${s}>${t}`, (counts.get(`${s}>${t}`) ?? 0) + 1),
        );
      }
      assert.equal(counts.size, 6);
      const expected = (draws * m) / 6;
      for (const [pairKey, count] of counts) {
        assert.ok(Math.abs(count - expected) < 0.06 * expected, `${pairKey}: ${count} vs ${expected}`);
      }
    }
  });
});

describe('gnmSample', () => {
  // The baseline counts on arrays instead of graphs; it must give exactly what the graphs give.
  for (const [n, m, seed] of [
    [40, 90, 1],
    [40, 900, 2],
    [12, 100, 3],
    [200, 300, 4],
    [5, 0, 5],
    [2, 2, 6],
  ] as const) {
    it(`equals the graph path exactly for G(${n}, ${m})`, () => {
      const graph = randomDirectedGnm(n, m, seededRandom(seed));
      const projection = undirectedProjection(graph);
      const sample = gnmSample(n, m, seededRandom(seed));
      assert.equal(sample.reciprocity, reciprocity(graph));
      assert.equal(sample.clustering.average, averageClustering(projection));
      assert.equal(sample.clustering.transitivity, transitivity(projection));
    });
  }
});

describe('randomBaseline', () => {
  it("matches the density and gives G(n, m)'s exact expected reciprocity, (m − 1) / (n(n − 1) − 1)", () => {
    const b = randomBaseline(30, 87, 1, 3);
    assert.equal(b.density, 87 / 870);
    assert.equal(b.expected_reciprocity, 86 / 869);
    assert.equal(b.samples, 3);
    // No ties: reciprocity is undefined, observed and expected alike (the report showed n/a against 0).
    const empty = randomBaseline(2, 0, 1, 3);
    assert.equal(empty.expected_reciprocity, null);
    assert.equal(empty.mean_reciprocity, null);
  });

  it('samples reciprocity and clustering near their G(n, m) expectations', () => {
    const n = 60,
      m = 400,
      slots = n * (n - 1);
    const b = randomBaseline(n, m, 42, 100);
    // Given an edge, its reverse is one of the other m - 1 edges among slots - 1 pairs.
    assert.ok(Math.abs(b.mean_reciprocity! - (m - 1) / (slots - 1)) < 0.01, `reciprocity ${b.mean_reciprocity}`);
    assert.ok(Math.abs(b.mean_reciprocity! - b.expected_reciprocity!) < 0.01, 'the samples agree with the exact value');
    // The undirected projection is close to G(n, p_u), p_u = 1 - (1 - p)^2, whose clustering is p_u.
    const p = m / slots;
    const pu = 1 - (1 - p) ** 2;
    assert.ok(Math.abs(b.mean_average_clustering! - pu) < 0.02, `clustering ${b.mean_average_clustering} vs ${pu}`);
    assert.ok(Math.abs(b.mean_transitivity! - pu) < 0.02, `transitivity ${b.mean_transitivity} vs ${pu}`);
  });

  it('is reproducible from its seed', () => {
    assert.deepEqual(randomBaseline(25, 60, 9, 5), randomBaseline(25, 60, 9, 5));
    assert.notDeepEqual(randomBaseline(25, 60, 9, 5), randomBaseline(25, 60, 10, 5));
  });

  it('gives null means where every sample is undefined', () => {
    const b = randomBaseline(5, 0, 1, 4);
    assert.equal(b.mean_reciprocity, null);
    assert.equal(b.mean_average_clustering, 0);
    assert.equal(b.mean_transitivity, 0);
  });
});
