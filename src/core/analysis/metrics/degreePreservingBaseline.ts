// A degree-preserving null model for a directed tie network: the observed graph rewired by
// directed three-edge swaps (the move of NetworkX's `directed_edge_swap`), which keep every
// agent's in- and out-degree. G(n, m) keeps only the tie count, so it is a weak null when every
// conversation is rated by both sides (degrees are near-symmetric by construction): this one asks
// whether reciprocity, clustering and homophily exceed what the agents' own degrees produce.
import { pushAll } from '../../text/pushAll';
import { attributeAssortativity, categoryOf } from './assortativity';
import { adjacencyFromLinks, clusteringOf } from './clustering';
import { BASELINE_SAMPLES } from './randomBaseline';
import { seededRandom } from '../../random/seededRandom';
import { createTieGraph, undirectedProjection, type TieGraph } from './tieGraph';

/** Swaps attempted per edge in each sample (NetworkX's examples use a few per edge). */
export const SWAPS_PER_EDGE = 10;
/** Tries allowed per swap before a sample stops rewiring (a graph too dense or too small to swap). */
const TRIES_PER_SWAP = 100;
/** Sample budget: samples shrink on large graphs so that swaps stay under this count per baseline. */
const SWAP_BUDGET = 2_000_000;

/** A directed graph as node indices 0..n-1 and edges (sources[i] → targets[i]). */
export interface IndexedEdges {
  n: number;
  sources: Int32Array;
  targets: Int32Array;
}

/**
 * Rewires `edges` in place of a copy by up to `swaps` directed three-edge swaps: a path
 * a→b→c→d (four distinct nodes) becomes a→c→b→d when none of a→c, c→b, b→d exists. Every node
 * keeps its in- and out-degree, and the graph stays simple. The start node is drawn with
 * probability proportional to its out-degree (which swaps never change), the next steps uniformly
 * among successors. Returns the rewired edges and the swaps made (fewer than asked when tries run out).
 */
export function directedEdgeSwap(
  edges: IndexedEdges,
  swaps: number,
  rng: () => number,
): { edges: IndexedEdges; swapped: number } {
  const { n } = edges;
  const m = edges.sources.length;
  const succ: number[][] = Array.from({ length: n }, () => []);
  const present = new Set<number>();
  for (let i = 0; i < m; i++) {
    succ[edges.sources[i]].push(edges.targets[i]);
    present.add(edges.sources[i] * n + edges.targets[i]);
  }
  // Cumulative out-degrees: a start drawn ∝ out-degree is the source of a uniformly drawn edge slot.
  const cumulative = new Int32Array(n);
  let total = 0;
  for (let u = 0; u < n; u++) {
    total += succ[u].length;
    cumulative[u] = total;
  }
  const startOf = (slot: number): number => {
    let lo = 0,
      hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid] > slot) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };
  const pick = (list: number[]): number => list[Math.floor(rng() * list.length)];
  const replace = (u: number, from: number, to: number): void => {
    const list = succ[u];
    list[list.indexOf(from)] = to;
    present.delete(u * n + from);
    present.add(u * n + to);
  };
  let swapped = 0;
  const maxTries = swaps * TRIES_PER_SWAP;
  for (let tries = 0; swapped < swaps && tries < maxTries && total > 0; tries++) {
    const a = startOf(Math.floor(rng() * total));
    const b = pick(succ[a]);
    if (!succ[b].length) continue;
    const c = pick(succ[b]);
    if (c === a || !succ[c].length) continue;
    const d = pick(succ[c]);
    if (d === a || d === b) continue;
    if (present.has(a * n + c) || present.has(c * n + b) || present.has(b * n + d)) continue;
    // a→b, b→c, c→d become a→c, c→b, b→d: each node's out- and in-degree is unchanged.
    replace(a, b, c);
    replace(b, c, d);
    replace(c, d, b);
    swapped++;
  }
  const sources = new Int32Array(m),
    targets = new Int32Array(m);
  let k = 0;
  for (let u = 0; u < n; u++) {
    for (const v of succ[u]) {
      sources[k] = u;
      targets[k] = v;
      k++;
    }
  }
  return { edges: { n, sources, targets }, swapped };
}

export interface DegreePreservingBaseline {
  /** Samples drawn (fewer than BASELINE_SAMPLES on very large graphs, to bound the work). */
  samples: number;
  /** Swaps asked per sample (SWAPS_PER_EDGE × ties) and the mean made. */
  swaps_per_sample: number;
  mean_swaps_made: number;
  mean_reciprocity: number | null;
  mean_average_clustering: number | null;
  mean_transitivity: number | null;
  /** Categorical assortativity of the agents' own categories on the rewired graphs; null without categories. */
  mean_attribute_assortativity: number | null;
}

const meanOf = (xs: number[]): number | null => (xs.length ? xs.reduce((s, x) => s + x, 0) / xs.length : null);

/**
 * The degree-preserving baseline of a directed network (nodes 0..n-1, node k of `categories[k]`,
 * '' for none; pass null to skip assortativity): means over seeded rewired samples.
 */
export function degreePreservingBaseline(
  edges: IndexedEdges,
  categories: readonly string[] | null,
  seed: number,
  samples = BASELINE_SAMPLES,
): DegreePreservingBaseline {
  const m = edges.sources.length;
  const swaps = SWAPS_PER_EDGE * m;
  const drawn = swaps === 0 ? samples : Math.max(1, Math.min(samples, Math.floor(SWAP_BUDGET / swaps)));
  // A stream of its own, apart from the G(n, m) draws, so those stay as they were.
  const rng = seededRandom(seed ^ 0x2545f491);
  const recip: number[] = [],
    clustering: number[] = [],
    transitivity: number[] = [],
    assort: number[] = [];
  const withCategories = categories !== null && categories.some((c) => c !== '');
  let made = 0;
  // Without ties every draw is the same empty graph: measured once, counted `drawn` times.
  for (let s = 0; s < (m === 0 ? Math.min(drawn, 1) : drawn); s++) {
    const { edges: rewired, swapped } = directedEdgeSwap(edges, swaps, rng);
    made += swapped;
    const r = reciprocityOf(rewired);
    if (r !== null) recip.push(r);
    const links = new Int32Array(2 * m);
    for (let i = 0; i < m; i++) {
      links[2 * i] = rewired.sources[i];
      links[2 * i + 1] = rewired.targets[i];
    }
    const c = clusteringOf(adjacencyFromLinks(edges.n, links));
    if (c.average !== null) clustering.push(c.average);
    transitivity.push(c.transitivity);
    if (withCategories) {
      const a = categoricalAssortativity(rewired, categories!);
      if (a !== null) assort.push(a);
    }
  }
  if (m === 0) for (const list of [recip, clustering, transitivity, assort]) pushAll(list, repeated(list, drawn));
  return {
    samples: drawn,
    swaps_per_sample: swaps,
    mean_swaps_made: drawn ? made / drawn : 0,
    mean_reciprocity: meanOf(recip),
    mean_average_clustering: meanOf(clustering),
    mean_transitivity: meanOf(transitivity),
    mean_attribute_assortativity: withCategories ? meanOf(assort) : null,
  };
}

/** The one draw's values again, so the list holds `drawn` of them as the draws would have. */
function repeated(list: readonly number[], drawn: number): number[] {
  return list.length ? Array.from({ length: drawn - list.length }, () => list[0]) : [];
}

/** Share of directed edges whose reverse exists; null without edges. */
function reciprocityOf(edges: IndexedEdges): number | null {
  const m = edges.sources.length;
  if (m === 0) return null;
  const present = new Set<number>();
  for (let i = 0; i < m; i++) present.add(edges.sources[i] * edges.n + edges.targets[i]);
  let mutual = 0;
  for (let i = 0; i < m; i++) if (present.has(edges.targets[i] * edges.n + edges.sources[i])) mutual++;
  return mutual / m;
}

function categoricalAssortativity(edges: IndexedEdges, categories: readonly string[]): number | null {
  const g = createTieGraph();
  for (let k = 0; k < edges.n; k++) g.addNode(String(k), { category: categories[k] });
  for (let i = 0; i < edges.sources.length; i++) {
    g.addDirectedEdge(String(edges.sources[i]), String(edges.targets[i]), { weight: 1 });
  }
  return attributeAssortativity(undirectedProjection(g), 'category');
}

/** The degree-preserving baseline of a tie graph, with each node's `attribute` as its category (null: none). */
export function degreePreservingBaselineOf(
  graph: TieGraph,
  attribute: string | null,
  seed: number,
  samples = BASELINE_SAMPLES,
): DegreePreservingBaseline {
  const index = new Map<string, number>();
  graph.forEachNode((node) => {
    index.set(node, index.size);
  });
  const sources = new Int32Array(graph.size),
    targets = new Int32Array(graph.size);
  let i = 0;
  graph.forEachEdge((_edge, _attrs, from, to) => {
    sources[i] = index.get(from)!;
    targets[i] = index.get(to)!;
    i++;
  });
  const categories = attribute === null ? null : graph.mapNodes((node) => categoryOf(graph, node, attribute));
  return degreePreservingBaseline({ n: graph.order, sources, targets }, categories, seed, samples);
}
