// What `society report` says about a run, computed from its trace: the final tie network and its
// metrics against a density-matched random baseline, how the network grew round by round, and
// the reward curves of the five behavioral drivers.
import type { TraceEvent, TraceHeader, UsageTotals } from '../trace/events';
import { Replayer } from '../trace/replay';
import { averageClustering } from './clustering';
import { louvainCommunities } from './communities';
import { medianDegree } from './degrees';
import { computeNetworkMetrics, DEFAULT_ATTRIBUTE, density, type NetworkMetrics } from './networkMetrics';
import { randomBaseline, type RandomBaseline } from './randomBaseline';
import { mutualPairs, reciprocity } from './reciprocity';
import { rewardCurves, type RewardCurves } from './rewardCurves';
import { seededRandom } from './seededRandom';
import { tieNetworkOf } from './traceNetwork';
import { tieTurnover } from './tieTurnover';
import { undirectedProjection, type TieGraph } from './tieGraph';

/** The network at the end of one round, and how it changed since the round before. */
export interface RoundNetwork {
  round: number;
  agents: number;
  ties: number;
  density: number;
  reciprocity: number | null;
  mutual_pairs: number;
  average_clustering: number | null;
  median_undirected_degree: number | null;
  /** Tie turnover against the previous round (null for round 0). */
  jaccard: number | null;
  gained: number | null;
  lost: number | null;
}

export interface RunReport {
  header: TraceHeader;
  /** The last round in the trace (the network shown). */
  round: number;
  /** The trace ends with run_end. */
  complete: boolean;
  /** Tie threshold in force at that round. */
  threshold: number;
  /** Homophily attribute. */
  attribute: string;
  /** Whether any agent carries the attribute (else the picture is coloured by community). */
  attributePresent: boolean;
  graph: TieGraph;
  metrics: NetworkMetrics;
  /** Louvain community of every agent (same seed as the metrics). */
  communities: Record<string, number>;
  baseline: RandomBaseline;
  overRounds: RoundNetwork[];
  rewards: RewardCurves;
  usage?: UsageTotals;
}

export interface RunReportOptions {
  attribute?: string;
  /** Seed of Louvain, the random baseline and the layout (default: the run's seed). */
  seed?: number;
  /** G(n, m) samples for the baseline (default 20). */
  baselineSamples?: number;
}

function roundNetwork(round: number, graph: TieGraph, previous: TieGraph | undefined): RoundNetwork {
  const projection = undirectedProjection(graph);
  const turnover = previous ? tieTurnover(previous, graph) : undefined;
  return {
    round,
    agents: graph.order,
    ties: graph.size,
    density: density(graph),
    reciprocity: reciprocity(graph),
    mutual_pairs: mutualPairs(graph),
    average_clustering: averageClustering(projection),
    median_undirected_degree: medianDegree(projection),
    jaccard: turnover ? turnover.jaccard : null,
    gained: turnover ? turnover.gained : null,
    lost: turnover ? turnover.lost : null,
  };
}

export function buildRunReport(header: TraceHeader, events: readonly TraceEvent[], options: RunReportOptions = {}): RunReport {
  const attribute = options.attribute ?? DEFAULT_ATTRIBUTE;
  const seed = options.seed ?? header.seed;
  const lastRound = events.reduce((max, e) => Math.max(max, e.round), 0);
  const replayer = new Replayer(header, events);
  const overRounds: RoundNetwork[] = [];
  let previous: TieGraph | undefined;
  for (let round = 0; round <= lastRound; round++) {
    const graph = tieNetworkOf(replayer.stateAt(round));
    overRounds.push(roundNetwork(round, graph, previous));
    previous = graph;
  }
  const final = replayer.stateAt(lastRound);
  const graph = previous!;
  const metrics = computeNetworkMetrics(graph, { attribute, rng: seededRandom(seed) });
  const communities = louvainCommunities(undirectedProjection(graph), seededRandom(seed)).communities;
  const runEnd = events.find((e) => e.type === 'run_end');
  return {
    header,
    round: lastRound,
    complete: final.complete,
    threshold: final.settings.ties.threshold,
    attribute,
    attributePresent: graph.someNode((_node, attrs) => attrs[attribute] !== undefined && attrs[attribute] !== null),
    graph,
    metrics,
    communities,
    baseline: randomBaseline(graph.order, graph.size, seed, options.baselineSamples ?? 20),
    overRounds,
    rewards: rewardCurves(events),
    ...(runEnd?.type === 'run_end' ? { usage: runEnd.usage } : {}),
  };
}
