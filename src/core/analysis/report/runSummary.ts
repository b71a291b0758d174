// The closing numbers of a run: network metrics of the tie graph (from src/core/analysis) and the
// mean reward per driver. Used by `society run` and the coaching experiment test.
import { DRIVERS, type DriverWeights } from '../../format';
import { graphFromTies, type Tie } from '../metrics/graphFromTies';
import { adjacencyOf, clusteringOf } from '../metrics/clustering';
import { louvainCommunities } from '../metrics/communities';
import { medianDegree } from '../metrics/degrees';
import { density } from '../metrics/networkMetrics';
import { reciprocity } from '../metrics/reciprocity';
import { seededRandom } from '../../random/seededRandom';
import { undirectedProjection } from '../metrics/tieGraph';
import { randomBaseline } from '../metrics/randomBaseline';
import { formatReal } from '../../text/realFormat';
import type { RewardTally, Simulation } from '../../engine';
import { maxOf } from '../../stats/extremes';
export { RewardTally, type RewardTallyJSON } from '../../engine';

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

export function summarize(
  agents: { id: string; group?: string }[],
  ties: Iterable<[string, string, number, ...unknown[]]>,
  threshold: number,
  reward: DriverWeights,
  seed = 1,
): RunSummary {
  const ids = new Set(agents.map((a) => a.id));
  // The ties between agents still here, made one at a time as the graph reads them (it keeps those
  // at or above the threshold): every tie as an array and an object was ≈ 0.4 GB at the end of a
  // million-agent round, most of them below the threshold.
  function* known(): Generator<Tie> {
    for (const [from, to, strength] of ties) if (ids.has(from) && ids.has(to)) yield { from, to, strength };
  }
  const graph = graphFromTies(
    agents.map((a) => ({ id: a.id, attrs: a.group ? { group: a.group } : {} })),
    known(),
    threshold,
  );
  // Only the metrics the summary shows, as computeNetworkMetrics computes them (Louvain with its
  // default generator): the rest of its list (components, assortativity, …) took ≈ 0.2 s at 10,000 agents.
  const projection = undirectedProjection(graph);
  const base = graph.order >= 2 ? randomBaseline(graph.order, graph.size, seed) : undefined;
  return {
    agents: graph.order,
    ties: graph.size,
    density: density(graph),
    reciprocity: reciprocity(graph),
    average_clustering: clusteringOf(adjacencyOf(projection)).average,
    communities: louvainCommunities(projection, seededRandom(0)).count,
    median_degree: medianDegree(projection),
    reward,
    baseline: {
      reciprocity: base?.expected_reciprocity ?? null,
      average_clustering: base?.mean_average_clustering ?? null,
    },
  };
}

/** The summary of a simulation as it stands (after its run), with the reward means `tally` heard. */
export function summarizeRun(sim: Simulation, tally: RewardTally): RunSummary {
  const w = sim.world;
  return summarize(
    [...w.agents.values()].map((a) => ({ id: a.id, group: a.persona.group })),
    w.ties.entries(),
    w.settings.ties.threshold,
    tally.means(),
    sim.seed,
  );
}

/**
 * What the closing table shows besides the agents: the tie rows (not for a society that forms
 * none: a public goods game is not an empty friendship network), the reward rows (not when no
 * reward was given: a round without `learn`), and rows of declared state.
 */
export interface SummaryShape {
  ties?: boolean;
  rewards?: boolean;
  state?: [string, string][];
}

/** A two-column text table of a summary. */
export function formatSummary(s: RunSummary, shape: SummaryShape = {}): string {
  const f = (x: number | null, d = 3): string => (x === null ? '—' : formatReal(x, d));
  const rows: [string, string][] = [
    ['agents', String(s.agents)],
    ...(shape.ties === false
      ? []
      : ([
          ['ties', String(s.ties)],
          ['density', f(s.density)],
          ['reciprocity', `${f(s.reciprocity)}  (random: ${f(s.baseline.reciprocity)})`],
          ['clustering', `${f(s.average_clustering)}  (random: ${f(s.baseline.average_clustering)})`],
          ['communities', String(s.communities)],
          ['median degree', f(s.median_degree, 1)],
        ] as [string, string][])),
    ...(shape.rewards === false ? [] : DRIVERS.map((d): [string, string] => [`reward ${d}`, f(s.reward[d])])),
    ...(shape.state ?? []),
  ];
  const w = maxOf(rows.map((r) => r[0].length));
  return rows.map(([k, v]) => `  ${k.padEnd(w)}  ${v}`).join('\n');
}
