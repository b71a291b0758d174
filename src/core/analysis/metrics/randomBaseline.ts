// A density-matched random baseline for a directed tie network: directed G(n, m) graphs with the
// same number of nodes and ties, to tell whether observed reciprocity and clustering exceed
// what chance alone produces at that density.
import { adjacencyFromLinks, clusteringOf, type Clustering } from './clustering';
import { seededRandom } from '../../random/seededRandom';
import { createTieGraph, type TieGraph } from './tieGraph';

/**
 * The edges of a uniformly random simple directed graph with n nodes and exactly m edges, no
 * self-loops, as ascending slots: slot s is the ordered pair (u, v) of `pairOfSlot`. Samples
 * distinct slots by rejection, or the complement when m is over half of all n (n - 1) pairs, so
 * it stays fast at any density.
 */
function gnmSlots(n: number, m: number, rng: () => number): number[] {
  const slots = n * (n - 1);
  if (!Number.isInteger(n) || n < 0) throw new Error(`node count must be a non-negative integer, got ${n}`);
  if (!Number.isInteger(m) || m < 0 || m > slots) {
    throw new Error(`edge count must be an integer in 0..${slots}, got ${m}`);
  }
  const pick = (count: number): Set<number> => {
    const chosen = new Set<number>();
    while (chosen.size < count) chosen.add(Math.floor(rng() * slots));
    return chosen;
  };
  const complement = m > slots / 2;
  const chosen = pick(complement ? slots - m : m);
  // Sparse: the chosen slots are the edges. Dense: every slot not chosen is an edge.
  return complement
    ? Array.from({ length: slots }, (_, slot) => slot).filter((slot) => !chosen.has(slot))
    : [...chosen].sort((a, b) => a - b);
}

/** Slot → ordered pair (u, v), v ≠ u: row u holds the n − 1 targets other than u. */
function pairOfSlot(slot: number, n: number): [number, number] {
  const u = Math.floor(slot / (n - 1));
  const column = slot % (n - 1);
  return [u, column < u ? column : column + 1];
}

function slotOfPair(u: number, v: number, n: number): number {
  return u * (n - 1) + (v < u ? v : v - 1);
}

/**
 * A uniformly random simple directed graph with n nodes ("0".."n-1") and exactly m edges, no
 * self-loops. Hand-written: graphology-generators offers only G(n, p), whose edge count varies.
 */
export function randomDirectedGnm(n: number, m: number, rng: () => number): TieGraph {
  const edgeSlots = gnmSlots(n, m, rng);
  const graph = createTieGraph();
  for (let i = 0; i < n; i++) graph.addNode(String(i));
  for (const slot of edgeSlots) {
    const [u, v] = pairOfSlot(slot, n);
    graph.addDirectedEdge(String(u), String(v), { weight: 1 });
  }
  return graph;
}

/**
 * Reciprocity, average clustering and transitivity of one G(n, m) draw: the values
 * `reciprocity(randomDirectedGnm(...))` and the clustering of its undirected projection give
 * (the same draw, node order and arithmetic), without building the graphs.
 */
export function gnmSample(
  n: number,
  m: number,
  rng: () => number,
): { reciprocity: number | null; clustering: Clustering } {
  const edgeSlots = gnmSlots(n, m, rng);
  const present = new Set(edgeSlots);
  const links = new Int32Array(2 * edgeSlots.length);
  let reciprocated = 0;
  edgeSlots.forEach((slot, k) => {
    const [u, v] = pairOfSlot(slot, n);
    links[2 * k] = u;
    links[2 * k + 1] = v;
    if (present.has(slotOfPair(v, u, n))) reciprocated++;
  });
  return { reciprocity: m === 0 ? null : reciprocated / m, clustering: clusteringOf(adjacencyFromLinks(n, links)) };
}

export interface RandomBaseline {
  nodes: number;
  edges: number;
  density: number;
  /**
   * Expected reciprocity of G(n, m): the chance that a tie's reverse is among the other m − 1 ties,
   * (m − 1) / (n (n − 1) − 1) (the density, up to O(1 / n²)); null with no ties, where reciprocity
   * is undefined. Exact, so the run summary, the report and experiments all give this one figure.
   */
  expected_reciprocity: number | null;
  samples: number;
  /** Means over the sampled G(n, m) graphs (null where undefined for every sample). */
  mean_reciprocity: number | null;
  mean_average_clustering: number | null;
  mean_transitivity: number | null;
}

function mean(values: (number | null)[]): number | null {
  const defined = values.filter((v): v is number => v !== null);
  return defined.length === 0 ? null : defined.reduce((a, b) => a + b, 0) / defined.length;
}

/**
 * G(n, m) draws per baseline, everywhere (run summary, report, experiments), so a run's baseline
 * is the same figure wherever it is shown (same n, m and seed → same draws).
 */
export const BASELINE_SAMPLES = 20;

/**
 * The baseline for a network of n nodes and m directed ties: the exact expected reciprocity of
 * G(n, m), and the mean reciprocity, average clustering and transitivity (undirected projection,
 * as in `computeNetworkMetrics`) over `samples` seeded G(n, m) draws.
 */
export function randomBaseline(n: number, m: number, seed: number, samples = BASELINE_SAMPLES): RandomBaseline {
  if (!Number.isInteger(samples) || samples < 1) throw new Error(`samples must be a positive integer, got ${samples}`);
  const rng = seededRandom(seed);
  const recip: (number | null)[] = [];
  const clustering: (number | null)[] = [];
  const transitivities: number[] = [];
  // G(n, 0) has one graph: it is measured once and counted for every draw.
  for (let i = 0; i < (m === 0 ? 1 : samples); i++) {
    const sample = gnmSample(n, m, rng);
    for (let k = m === 0 ? samples : 1; k > 0; k--) {
      recip.push(sample.reciprocity);
      clustering.push(sample.clustering.average);
      transitivities.push(sample.clustering.transitivity);
    }
  }
  const density = n < 2 ? 0 : m / (n * (n - 1));
  return {
    nodes: n,
    edges: m,
    density,
    expected_reciprocity: m > 0 ? (m - 1) / (n * (n - 1) - 1) : null,
    samples,
    mean_reciprocity: mean(recip),
    mean_average_clustering: mean(clustering),
    mean_transitivity: mean(transitivities),
  };
}
