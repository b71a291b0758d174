// Homophily by a numeric attribute is a correlation (NetworkX numeric_assortativity_coefficient),
// not categorical assortativity with one category per distinct value.
import assert from 'node:assert/strict';
import path from 'node:path';
import { graphFromFixture, readGraphFixture } from '../../../src/core/analysis/metrics/graphFixture';
import { graphFromTies, type Tie, type TieNode } from '../../../src/core/analysis/metrics/graphFromTies';
import { computeNetworkMetrics } from '../../../src/core/analysis/metrics/networkMetrics';
import { numericAssortativity } from '../../../src/core/analysis/metrics/numericAssortativity';
import { undirectedProjection } from '../../../src/core/analysis/metrics/tieGraph';
import { graphFixturesDir } from './sharedFixtures';

const tie = (from: string, to: string): Tie => ({ from, to, strength: 1 });
const aged = (id: string, age?: unknown): TieNode => ({ id, attrs: age === undefined ? {} : { age } });
const close = (got: number | null, want: number, tolerance = 1e-12) =>
  assert.ok(got !== null && Math.abs(got - want) <= tolerance, `expected ${want}, got ${got}`);

/**
 * The path a-b-c-d, ages 20, 30, 40, 50, with a-b tied both ways (one projected edge). By hand,
 * over both orientations of the three edges: mean 35, deviations -15, -5, 5, 15;
 * covariance sum 2((-15)(-5) + (-5)(5) + (5)(15)) = 250, variance sum 250 + 50 + 250 = 550;
 * r = 250 / 550 = 5/11. Categorical (each age its own category) would be -5/13.
 */
const pathNodes = [aged('a', 20), aged('b', 30), aged('c', 40), aged('d', 50)];
const pathTies = [tie('a', 'b'), tie('b', 'a'), tie('b', 'c'), tie('d', 'c')];

describe('numeric assortativity', () => {
  it('is the Pearson correlation of endpoint values over both orientations (hand computed)', () => {
    const m = computeNetworkMetrics(graphFromTies(pathNodes, pathTies, 0.5), { attribute: 'age' });
    close(m.age_assortativity, 5 / 11);
    assert.equal(m.age_assortativity_kind, 'numeric');
    assert.equal(m.age_assortativity_missing, 0);
  });

  it('gives no modularity of a split by value for a numeric attribute', () => {
    const m = computeNetworkMetrics(graphFromTies(pathNodes, pathTies, 0.5), { attribute: 'age' });
    assert.ok(!('age_modularity' in m));
  });

  it("matches NetworkX's documented example: +1 when equal values pair up", () => {
    const nodes = [aged('0', 2), aged('1', 2), aged('2', 3), aged('3', 3)];
    close(
      numericAssortativity(undirectedProjection(graphFromTies(nodes, [tie('0', '1'), tie('2', '3')], 0.5)), 'age'),
      1,
    );
  });

  it('leaves out agents without a numeric value, with their ties, and counts them', () => {
    // e has no age and ties to a: as NetworkX with nodes=[a, b, c, d], r stays 5/11.
    const nodes = [...pathNodes, aged('e'), { id: 'f', attrs: { age: null } }];
    const m = computeNetworkMetrics(graphFromTies(nodes, [...pathTies, tie('e', 'a'), tie('f', 'd')], 0.5), {
      attribute: 'age',
    });
    close(m.age_assortativity, 5 / 11);
    assert.equal(m.age_assortativity_kind, 'numeric');
    assert.equal(m.age_assortativity_missing, 2);
  });

  it('is null when every counted value is the same, even where a mean would round', () => {
    const nodes = [aged('a', 0.1), aged('b', 0.1), aged('c', 0.1)];
    const m = computeNetworkMetrics(graphFromTies(nodes, [tie('a', 'b'), tie('b', 'c')], 0.5), { attribute: 'age' });
    assert.equal(m.age_assortativity, null);
    assert.equal(m.age_assortativity_kind, 'numeric');
  });

  it('keeps text and mixed text/number attributes categorical, with their modularity', () => {
    const text = computeNetworkMetrics(
      graphFromTies(
        pathNodes.map((n) => aged(n.id, String(n.attrs!.age))),
        pathTies,
        0.5,
      ),
      { attribute: 'age' },
    );
    close(text.age_assortativity, -5 / 13);
    assert.equal(text.age_assortativity_kind, 'categorical');
    assert.equal(typeof text.age_modularity, 'number');
    assert.ok(!('age_assortativity_missing' in text));
    const mixed = computeNetworkMetrics(
      graphFromTies([...pathNodes.slice(0, 3), aged('d', 'unknown')], pathTies, 0.5),
      { attribute: 'age' },
    );
    assert.equal(mixed.age_assortativity_kind, 'categorical');
  });

  it('is categorical (both null) when no agent has the attribute', () => {
    const m = computeNetworkMetrics(graphFromTies([aged('a'), aged('b')], [tie('a', 'b')], 0.5), { attribute: 'age' });
    assert.equal(m.age_assortativity, null);
    assert.equal(m.age_assortativity_kind, 'categorical');
    assert.equal(m.age_modularity, null);
  });

  describe('agrees with NetworkX on the reference fixtures (openness)', () => {
    // numeric_assortativity_coefficient(G.to_undirected(), 'openness'), NetworkX 3.6.1; the
    // categorical figure this used to print is given for contrast.
    const networkx: Record<string, [numeric: number, categorical: number]> = {
      'graph-100.json': [-0.026435145050659904, -0.04142011834319529],
      'graph-101.json': [-0.0030704437127189016, -0.0033814102949805145],
      'graph-102.json': [0.09880130397821854, -0.040054963929921],
      'graph-103.json': [0.02455287709838354, -0.0069810490316032],
      'graph-104.json': [-0.07086523304617974, -0.14150943396226415],
      'graph-105.json': [-0.018233365963095192, -0.0019542961058511728],
    };
    for (const [file, [numeric, categorical]] of Object.entries(networkx)) {
      it(file, () => {
        const graph = graphFromFixture(readGraphFixture(path.join(graphFixturesDir(), file)), file);
        const m = computeNetworkMetrics(graph, { attribute: 'openness' });
        assert.equal(m.openness_assortativity_kind, 'numeric');
        close(m.openness_assortativity, numeric, 1e-9);
        assert.ok(Math.abs(m.openness_assortativity! - categorical) > 1e-4, 'not the categorical figure');
      });
    }
  });
});
