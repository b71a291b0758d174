import * as assert from 'node:assert/strict';
import {
  degreePreservingBaseline,
  directedEdgeSwap,
  type IndexedEdges,
} from '../../../src/core/analysis/metrics/degreePreservingBaseline';
import { randomBaseline, randomDirectedGnm } from '../../../src/core/analysis/metrics/randomBaseline';
import { assortativityBaseline } from '../../../src/core/analysis/metrics/assortativityBaseline';
import { seededRandom } from '../../../src/core/random/seededRandom';

function edgesOf(n: number, m: number, seed: number): IndexedEdges {
  const g = randomDirectedGnm(n, m, seededRandom(seed));
  const sources: number[] = [],
    targets: number[] = [];
  g.forEachEdge((_e, _a, from, to) => {
    sources.push(Number(from));
    targets.push(Number(to));
  });
  return { n, sources: Int32Array.from(sources), targets: Int32Array.from(targets) };
}

const degrees = (e: IndexedEdges): string => {
  const out = new Array(e.n).fill(0),
    inn = new Array(e.n).fill(0);
  e.sources.forEach((s, i) => {
    out[s]++;
    inn[e.targets[i]]++;
  });
  return JSON.stringify([out, inn]);
};
const keys = (e: IndexedEdges): Set<number> => new Set(Array.from(e.sources, (s, i) => s * e.n + e.targets[i]));

describe('degree-preserving baseline (directed edge swaps)', () => {
  it("keeps every node's in- and out-degree and the graph simple, while rewiring most ties", () => {
    for (const seed of [1, 2, 3]) {
      const original = edgesOf(40, 160, seed);
      const { edges, swapped } = directedEdgeSwap(original, 1600, seededRandom(seed));
      assert.equal(degrees(edges), degrees(original));
      assert.equal(keys(edges).size, edges.sources.length, 'no parallel ties');
      edges.sources.forEach((s, i) => assert.notEqual(s, edges.targets[i], 'no self-ties'));
      assert.ok(swapped > 1000, `swaps made: ${swapped}`);
      const kept = [...keys(edges)].filter((k) => keys(original).has(k)).length;
      assert.ok(kept < 0.3 * original.sources.length, `ties left in place: ${kept}`);
    }
  });

  it('is seeded: the same seed gives the same samples', () => {
    const e = edgesOf(30, 90, 5);
    const groups = Array.from({ length: 30 }, (_, i) => (i % 3 ? 'x' : 'y'));
    assert.deepEqual(degreePreservingBaseline(e, groups, 7), degreePreservingBaseline(e, groups, 7));
    assert.notDeepEqual(degreePreservingBaseline(e, groups, 7), degreePreservingBaseline(e, groups, 8));
  });

  it('keeps reciprocity where degrees force it, and loses what the ties alone made', () => {
    // A directed cycle over 3 nodes cannot be swapped at all (no four distinct nodes): nothing changes.
    const cycle: IndexedEdges = { n: 3, sources: Int32Array.from([0, 1, 2]), targets: Int32Array.from([1, 2, 0]) };
    assert.equal(directedEdgeSwap(cycle, 30, seededRandom(1)).swapped, 0);
    // Fully reciprocated pairs among 60 nodes: rewiring keeps the degrees but breaks most pairs.
    const sources: number[] = [],
      targets: number[] = [];
    for (let i = 0; i < 60; i += 2) {
      for (const [a, b] of [
        [i, i + 1],
        [i + 1, i],
      ]) {
        sources.push(a);
        targets.push(b);
      }
    }
    for (let i = 0; i < 60; i++) {
      sources.push(i);
      targets.push((i + 7) % 60);
    }
    const base = degreePreservingBaseline(
      { n: 60, sources: Int32Array.from(sources), targets: Int32Array.from(targets) },
      null,
      1,
    );
    assert.ok(base.mean_reciprocity! < 0.3, String(base.mean_reciprocity));
    assert.equal(base.mean_attribute_assortativity, null);
  });

  it('bounds the work on large graphs by drawing fewer samples', () => {
    const big = edgesOf(2000, 40_000, 1);
    const base = degreePreservingBaseline(big, null, 1);
    assert.equal(base.samples, 5);
    assert.equal(base.swaps_per_sample, 400_000);
  });

  it('a network without ties (a game world) has the empty graph’s baselines, every draw counted', () => {
    const none = { n: 12, sources: new Int32Array(0), targets: new Int32Array(0) };
    const cats = Array.from({ length: 12 }, (_, i) => (i % 2 ? 'a' : 'b'));
    assert.deepEqual(degreePreservingBaseline(none, cats, 4), {
      samples: 20,
      swaps_per_sample: 0,
      mean_swaps_made: 0,
      mean_reciprocity: null,
      mean_average_clustering: 0,
      mean_transitivity: 0,
      mean_attribute_assortativity: null,
    });
    const g = randomBaseline(12, 0, 4);
    assert.deepEqual(
      [g.samples, g.expected_reciprocity, g.mean_reciprocity, g.mean_average_clustering, g.mean_transitivity],
      [20, null, null, 0, 0],
    );
    assert.equal(assortativityBaseline(cats, 0, 4), null);
  });
});
