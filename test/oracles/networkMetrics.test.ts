// Every network metric of computeNetworkMetrics against NetworkX, called live on seeded random
// graphs and on the edge cases (graphs.ts), under the fixtures' conventions (conventions.ts).
// Louvain's partition is the project's own (seeded); NetworkX scores that partition, so the check
// is of the modularity reported for it, not of Louvain's random choices.
import * as assert from 'node:assert/strict';
import { graphFromFixture } from '../../src/core/analysis/metrics/graphFixture';
import { COUNT_METRICS, computeNetworkMetrics } from '../../src/core/analysis/metrics/networkMetrics';
import { louvainCommunities } from '../../src/core/analysis/metrics/communities';
import { nodeId } from '../../src/core/analysis/metrics/nodeKeys';
import { undirectedProjection } from '../../src/core/analysis/metrics/tieGraph';
import { seededRandom } from '../../src/core/random/seededRandom';
import {
  EXACT,
  MISSING_CATEGORY,
  REAL,
  UNDEFINED_THERE,
  assertAgrees,
  networkAsOurs,
  nodesForNetworkX,
} from './conventions';
import { EDGE_CASES, RANDOM_CASES, type GraphCase } from './graphs';
import { askOracle, type OracleCase, type OracleResult } from './python';

const LOUVAIN_SEED = 11;
/** Values NetworkX gives that are lists or counts: compared exactly. */
const EXACT_METRICS = new Set([
  ...COUNT_METRICS,
  'nodes',
  'edges',
  'in_degree_distribution',
  'out_degree_distribution',
  'max_in_degree',
  'max_out_degree',
]);

interface Measured {
  c: GraphCase;
  ours: Record<string, unknown>;
  request: OracleCase;
}

function measure(c: GraphCase, i: number): Measured {
  const graph = graphFromFixture(c.graph, c.name);
  const ours = computeNetworkMetrics(graph, {
    attribute: c.attribute,
    rng: seededRandom(LOUVAIN_SEED),
  }) as unknown as Record<string, unknown>;
  // The same seed gives the partition computeNetworkMetrics scored.
  const louvain = louvainCommunities(undirectedProjection(graph), seededRandom(LOUVAIN_SEED));
  const partition = Object.fromEntries(Object.entries(louvain.communities).map(([key, k]) => [nodeId(key), k]));
  const request: OracleCase = {
    id: String(i),
    kind: 'network',
    nodes: nodesForNetworkX(c.graph.nodes, c.attribute, c.kind),
    edges: c.graph.edges,
    attribute: c.attribute,
    attribute_kind: c.kind,
    missing_category: MISSING_CATEGORY,
    louvain_partition: partition,
  };
  return { c, ours, request };
}

const measured = [...EDGE_CASES, ...RANDOM_CASES].map(measure);

describe('network metrics against NetworkX (live)', () => {
  let answers: Map<string, OracleResult>;
  before(() => {
    answers = askOracle(measured.map((m) => m.request));
  });

  for (const { c, ours, request } of measured) {
    it(c.name, () => {
      const { values, raised } = answers.get(request.id)!;
      for (const [metric, why] of Object.entries(raised)) {
        assert.ok(
          UNDEFINED_THERE.some((re) => re.test(why)),
          `oracle.py failed on ${metric}: ${why}`,
        );
      }
      assert.equal(values.louvain_is_partition, true, "Louvain's communities are a partition of the nodes");
      assert.equal(ours[`${c.attribute}_assortativity_kind`], c.kind, 'the attribute read as it should be');
      const graph = {
        edges: c.graph.edges.length,
        attribute: c.attribute,
        categorical: c.kind === 'categorical',
        attributed: c.graph.nodes.some((n) => n[c.attribute] !== undefined && n[c.attribute] !== null),
      };
      for (const [metric, theirs] of Object.entries(values)) {
        if (metric === 'louvain_is_partition') continue;
        assert.ok(metric in ours, `${c.name}: the project has no '${metric}'`);
        const why = raised[metric] ? ` (NetworkX raised ${raised[metric]})` : '';
        assertAgrees(
          `${c.name}: ${metric}${why}`,
          ours[metric],
          networkAsOurs(metric, theirs, graph),
          EXACT_METRICS.has(metric) ? EXACT : REAL,
        );
      }
    });
  }

  it('covers every metric the project reports', () => {
    const compared = new Set(Object.keys(answers.get(measured[0].request.id)!.values));
    // Kinds are labels, not numbers; the numeric and categorical families are split across cases.
    const numericOnly = (k: string) => k.endsWith('_assortativity_missing');
    const uncompared = Object.keys(measured[0].ours).filter(
      (k) => !compared.has(k) && !k.endsWith('_assortativity_kind') && !numericOnly(k),
    );
    assert.deepEqual(uncompared, []);
  });
});
