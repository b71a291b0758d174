// The closing numbers of a run: network metrics of the tie graph (from src/core/analysis) and the
// mean reward per driver. Used by `society run` and the coaching experiment test.
import { DRIVERS, type DriverWeights } from '../format/model';
import type { TraceEvent } from '../trace/events';
import { graphFromTies } from '../analysis/graphFromTies';
import { adjacencyOf, clusteringOf } from '../analysis/clustering';
import { louvainCommunities } from '../analysis/communities';
import { medianDegree } from '../analysis/degrees';
import { density } from '../analysis/networkMetrics';
import { reciprocity } from '../analysis/reciprocity';
import { seededRandom } from '../analysis/seededRandom';
import { undirectedProjection } from '../analysis/tieGraph';
import { randomBaseline } from '../analysis/randomBaseline';
import { formatReal } from '../analysis/realFormat';
import type { Simulation } from './simulation';

export interface RunSummary {
  agents: number;
  ties: number;
  density: number;
  reciprocity: number | null;
  average_clustering: number | null;
  communities: number;
  median_degree: number | null;
  /** Mean raw reward per driver over every reward phase of the run. */
  reward: DriverWeights;
  /** A density-matched random directed graph (G(n, m)), for comparison. */
  baseline: { reciprocity: number | null; average_clustering: number | null };
}

/** What a RewardTally has heard so far: per-driver sums, the sum of totals and the count of reward events. */
export interface RewardTallyJSON { sum: DriverWeights; n: number; total?: number }

/**
 * Collects reward means from the event stream (attach with sim.on). A checkpoint keeps its state,
 * so a resumed run's means cover the whole run: it goes on adding in the same order, so they equal
 * the uninterrupted run's to the last bit.
 */
export class RewardTally {
  private sum = Object.fromEntries(DRIVERS.map((d) => [d, 0])) as DriverWeights;
  private n = 0;
  private total = 0;
  constructor(from?: RewardTallyJSON) {
    if (!from) return;
    for (const d of DRIVERS) this.sum[d] = from.sum[d] ?? 0;
    this.n = from.n;
    this.total = from.total ?? 0;
  }
  readonly listener = (e: TraceEvent): void => {
    if (e.type !== 'reward') return;
    for (const d of DRIVERS) this.sum[d] += e.raw[d];
    this.total += e.total;
    this.n++;
  };
  /** Mean of the reward events' totals (motivation-weighted), the quantity of round_end's mean_reward. */
  meanTotal(): number { return this.n ? this.total / this.n : 0; }
  means(): DriverWeights {
    return Object.fromEntries(DRIVERS.map((d) => [d, this.n ? this.sum[d] / this.n : 0])) as DriverWeights;
  }
  toJSON(): RewardTallyJSON { return { sum: { ...this.sum }, n: this.n, total: this.total }; }
}

export function summarize(
  agents: { id: string; group?: string }[], ties: Iterable<[string, string, number, ...unknown[]]>, threshold: number,
  reward: DriverWeights, seed = 1,
): RunSummary {
  const ids = new Set(agents.map((a) => a.id));
  const tieList = [...ties].filter(([f, t]) => ids.has(f) && ids.has(t)).map(([from, to, strength]) => ({ from, to, strength }));
  const graph = graphFromTies(agents.map((a) => ({ id: a.id, attrs: a.group ? { group: a.group } : {} })), tieList, threshold);
  // Only the metrics the summary shows, as computeNetworkMetrics computes them (Louvain with its
  // default generator): the rest of its list (components, assortativity, …) took ≈ 0.2 s at 10,000 agents.
  const projection = undirectedProjection(graph);
  const base = graph.order >= 2 ? randomBaseline(graph.order, graph.size, seed) : undefined;
  return {
    agents: graph.order, ties: graph.size, density: density(graph), reciprocity: reciprocity(graph),
    average_clustering: clusteringOf(adjacencyOf(projection)).average, communities: louvainCommunities(projection, seededRandom(0)).count,
    median_degree: medianDegree(projection),
    reward, baseline: { reciprocity: base?.expected_reciprocity ?? null, average_clustering: base?.mean_average_clustering ?? null },
  };
}

/** The summary of a simulation as it stands (after its run), with the reward means `tally` heard. */
export function summarizeRun(sim: Simulation, tally: RewardTally): RunSummary {
  const w = sim.world;
  return summarize([...w.agents.values()].map((a) => ({ id: a.id, group: a.persona.group })), w.ties.entries(), w.settings.ties.threshold, tally.means(), sim.seed);
}

/** A two-column text table of a summary. */
export function formatSummary(s: RunSummary): string {
  const f = (x: number | null, d = 3): string => (x === null ? '—' : formatReal(x, d));
  const rows: [string, string][] = [
    ['agents', String(s.agents)], ['ties', String(s.ties)], ['density', f(s.density)],
    ['reciprocity', `${f(s.reciprocity)}  (random: ${f(s.baseline.reciprocity)})`],
    ['clustering', `${f(s.average_clustering)}  (random: ${f(s.baseline.average_clustering)})`],
    ['communities', String(s.communities)], ['median degree', f(s.median_degree, 1)],
    ...DRIVERS.map((d): [string, string] => [`reward ${d}`, f(s.reward[d])]),
  ];
  const w = Math.max(...rows.map((r) => r[0].length));
  return rows.map(([k, v]) => `  ${k.padEnd(w)}  ${v}`).join('\n');
}
