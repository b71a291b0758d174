// Tie networks for the network oracle, in the graph fixture format (nodes with attributes,
// weighted directed edges): seeded random graphs of several sizes and densities, and the edge
// cases where a metric is undefined, degenerate or easy to get subtly wrong.
import type { FixtureEdge, FixtureNode, GraphFixture } from '../../src/core/analysis/metrics/graphFixture';
import { seededRandom } from '../../src/core/random/seededRandom';

export interface GraphCase {
  name: string;
  graph: GraphFixture;
  /** The homophily attribute measured, and how the project should read it. */
  attribute: string;
  kind: 'categorical' | 'numeric';
}

const GROUPS = ['art', 'chess', 'music', 'hiking'];

/** Node i's id: plain, except a few ids every plain object already "has" (nodeKeys.ts). */
const idOf = (i: number): string => ['__proto__', 'constructor', 'toString'][i] ?? `n${i}`;

interface RandomSpec {
  n: number;
  /** Chance of each directed tie. */
  p: number;
  /** Chance that a tie drawn is returned. */
  reciprocate: number;
  seed: number;
  /** Share of nodes without `group`. */
  missingGroup?: number;
  /** Share of nodes without `openness`. */
  missingOpenness?: number;
}

/** A directed G(n, p) with extra reciprocation, groups and a numeric trait, from one seed. */
export function randomGraph(spec: RandomSpec): GraphFixture {
  const rng = seededRandom(spec.seed);
  const nodes: FixtureNode[] = Array.from({ length: spec.n }, (_, i) => {
    const node: FixtureNode = { id: idOf(i) };
    if (rng() >= (spec.missingGroup ?? 0)) node.group = GROUPS[Math.floor(rng() * GROUPS.length)];
    // Ties in openness on purpose (one decimal): equal values at both ends of an edge.
    if (rng() >= (spec.missingOpenness ?? 0)) node.openness = Math.round(rng() * 50) / 10;
    return node;
  });
  const edges: FixtureEdge[] = [];
  const has = new Set<string>();
  const add = (s: number, t: number) => {
    const key = `${s}>${t}`;
    if (s === t || has.has(key)) return;
    has.add(key);
    edges.push({ source: idOf(s), target: idOf(t), weight: Math.round(rng() * 1000) / 100 + 0.01 });
  };
  for (let s = 0; s < spec.n; s++) {
    for (let t = 0; t < spec.n; t++) {
      if (s === t || rng() >= spec.p) continue;
      add(s, t);
      if (rng() < spec.reciprocate) add(t, s);
    }
  }
  return { nodes, edges };
}

function nodesOf(n: number, attrs: (i: number) => Record<string, unknown> = (i) => ({ group: GROUPS[i % 2] })) {
  return Array.from({ length: n }, (_, i) => ({ id: idOf(i), ...attrs(i) }));
}

const edge = (s: number, t: number, weight = 1): FixtureEdge => ({ source: idOf(s), target: idOf(t), weight });

function complete(n: number): GraphFixture {
  const edges: FixtureEdge[] = [];
  for (let s = 0; s < n; s++) for (let t = 0; t < n; t++) if (s !== t) edges.push(edge(s, t, 1 + ((s * 7 + t) % 5)));
  return { nodes: nodesOf(n, (i) => ({ group: GROUPS[i % 3], openness: i / 2 })), edges };
}

const categorical = (name: string, graph: GraphFixture): GraphCase => ({
  name,
  graph,
  attribute: 'group',
  kind: 'categorical',
});
const numeric = (name: string, graph: GraphFixture): GraphCase => ({
  name,
  graph,
  attribute: 'openness',
  kind: 'numeric',
});

/** Small graphs where a metric is undefined, degenerate, or takes one exact value. */
export const EDGE_CASES: GraphCase[] = [
  categorical('empty graph', { nodes: [], edges: [] }),
  categorical('one node', { nodes: nodesOf(1), edges: [] }),
  categorical('five nodes, no edges', { nodes: nodesOf(5), edges: [] }),
  numeric('five nodes, no edges (numeric)', { nodes: nodesOf(5, (i) => ({ openness: i })), edges: [] }),
  categorical('one tie', { nodes: nodesOf(2), edges: [edge(0, 1)] }),
  categorical('one reciprocated pair and isolated nodes', {
    nodes: nodesOf(5),
    edges: [edge(0, 1, 2), edge(1, 0, 5)],
  }),
  categorical('reciprocal pairs only', {
    nodes: nodesOf(6),
    edges: [edge(0, 1), edge(1, 0), edge(2, 3, 3), edge(3, 2), edge(4, 5), edge(5, 4, 0.5)],
  }),
  categorical('directed cycle', { nodes: nodesOf(4), edges: [edge(0, 1), edge(1, 2), edge(2, 3), edge(3, 0)] }),
  categorical('out-star', { nodes: nodesOf(6), edges: [1, 2, 3, 4, 5].map((t) => edge(0, t)) }),
  categorical('star, every tie returned', {
    nodes: nodesOf(6),
    edges: [1, 2, 3, 4, 5].flatMap((t) => [edge(0, t), edge(t, 0, 2)]),
  }),
  categorical('complete, 6 nodes', complete(6)),
  numeric('complete, 6 nodes (numeric)', complete(6)),
  categorical('two triangles apart', {
    nodes: nodesOf(7),
    edges: [edge(0, 1), edge(1, 2), edge(2, 0), edge(3, 4), edge(4, 5), edge(5, 3), edge(3, 5)],
  }),
  categorical('everyone in one group', {
    nodes: nodesOf(4, () => ({ group: 'art' })),
    edges: [edge(0, 1), edge(1, 2), edge(2, 3)],
  }),
  categorical('no node has the attribute', { nodes: nodesOf(4, () => ({})), edges: [edge(0, 1), edge(2, 3)] }),
  categorical('groups missing on some nodes', {
    nodes: nodesOf(6, (i) => (i % 3 === 0 ? {} : { group: GROUPS[i % 2] })),
    edges: [edge(0, 1), edge(1, 2), edge(2, 3), edge(3, 4), edge(4, 5), edge(5, 0), edge(0, 3)],
  }),
  numeric('numeric attribute missing on some nodes', {
    nodes: nodesOf(6, (i) => (i % 3 === 0 ? {} : { openness: i * 1.5 })),
    edges: [edge(0, 1), edge(1, 2), edge(2, 3), edge(3, 4), edge(4, 5), edge(5, 0), edge(1, 4)],
  }),
  numeric('numeric attribute the same everywhere', {
    nodes: nodesOf(4, () => ({ openness: 3.5 })),
    edges: [edge(0, 1), edge(1, 2), edge(2, 3)],
  }),
  numeric('large numeric values (ages in seconds)', {
    nodes: nodesOf(5, (i) => ({ openness: 1e9 + i * 0.25 })),
    edges: [edge(0, 1), edge(1, 2), edge(2, 3), edge(3, 4), edge(4, 0), edge(0, 2)],
  }),
  categorical('regular ring (degree assortativity undefined)', {
    nodes: nodesOf(5),
    edges: [edge(0, 1), edge(1, 2), edge(2, 3), edge(3, 4), edge(4, 0)],
  }),
];

/** Seeded random graphs: sizes 8 to 300, sparse to dense, with and without returned ties. */
export const RANDOM_CASES: GraphCase[] = [
  { n: 8, p: 0.3, reciprocate: 0.5, seed: 1 },
  { n: 20, p: 0.05, reciprocate: 0, seed: 2 },
  { n: 20, p: 0.2, reciprocate: 0.3, seed: 3, missingGroup: 0.2, missingOpenness: 0.2 },
  { n: 40, p: 0.5, reciprocate: 0.5, seed: 4 },
  { n: 60, p: 0.02, reciprocate: 0.2, seed: 5 },
  { n: 100, p: 0.08, reciprocate: 0.4, seed: 6, missingGroup: 0.1 },
  { n: 150, p: 0.9, reciprocate: 1, seed: 7 },
  { n: 300, p: 0.015, reciprocate: 0.5, seed: 8, missingOpenness: 0.3 },
].flatMap((spec) => {
  const graph = randomGraph(spec);
  const name = `G(${spec.n}, ${spec.p}), ${spec.reciprocate} returned, seed ${spec.seed}`;
  return [categorical(name, graph), numeric(`${name} (numeric)`, graph)];
});
