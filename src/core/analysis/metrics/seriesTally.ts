// A run's outcomes over time (RunSeries), tallied as its events stream past: a live run's
// (`harness.sim.on`) and a finished trace's read back (`society report`) go through this same code,
// so a run, its report and an experiment's runs say the same. At each round's end it takes the
// declared state (StateTally.current), the knowledge (KnowledgeTally) and the tie network the
// replay holds then, measured by the same functions as the final network metrics.
import type { TraceEvent, TraceHeader } from '../../trace/events';
import { applyEvent, initialState, type WorldState } from '../../replay/replay';
import { seededRandom } from '../../random/seededRandom';
import { adjacencyOf, clusteringOf } from './clustering';
import { louvainCommunities } from './communities';
import { medianDegree } from './degrees';
import { density } from './networkMetrics';
import { reciprocity } from './reciprocity';
import type { RunSeries } from './runSeries';
import type { StateTally } from './stateTally';
import type { KnowledgeTally } from './knowledgeTally';
import { shapesNetwork, tieNetworkOf } from './traceNetwork';
import { undirectedProjection, type AnyGraph } from './tieGraph';

/** The network metrics of every round, in column order. */
export const SERIES_NETWORK_METRICS = [
  'density',
  'ties',
  'reciprocity',
  'average_clustering',
  'transitivity',
  'median_undirected_degree',
  'louvain_modularity',
  'mean_reward',
] as const;

/**
 * Above this many agents Louvain is measured every LOUVAIN_EVERY-th round and at the last (the
 * rounds between are null): on 1,000 agents it costs more than the rest of a round's metrics
 * together (`npm run bench`, "series").
 */
export const LOUVAIN_EVERY_FROM = 500;
export const LOUVAIN_EVERY = 10;

export interface SeriesTallyOptions {
  /** Louvain modularity every k-th round (and the last); default 1 up to LOUVAIN_EVERY_FROM agents, else LOUVAIN_EVERY. */
  louvainEvery?: number;
}

export class SeriesTally {
  private readonly world: WorldState;
  private readonly rounds: number[] = [];
  private readonly metrics: Record<string, (number | null)[]> = {};
  /** The projection of the last round measured, kept for its Louvain when that round was skipped. */
  private last?: AnyGraph;

  constructor(
    header: TraceHeader,
    private readonly state?: StateTally,
    private readonly knowledge?: KnowledgeTally,
    private readonly options: SeriesTallyOptions = {},
  ) {
    this.world = initialState(header);
  }

  /** Feed every event in order; the state and knowledge tallies are fed by their owner (RunTally). */
  add(e: TraceEvent): void {
    if (shapesNetwork(e)) applyEvent(this.world, e);
    if (e.type === 'round_end') this.measure(e.round, e.stats.mean_reward);
  }

  private measure(round: number, meanReward: number): void {
    const row: Record<string, number | null> = { ...this.state?.current(), ...this.knowledge?.metrics(round) };
    const graph = tieNetworkOf(this.world);
    const projection = undirectedProjection(graph);
    const clustering = clusteringOf(adjacencyOf(projection));
    const every = this.options.louvainEvery ?? (graph.order > LOUVAIN_EVERY_FROM ? LOUVAIN_EVERY : 1);
    Object.assign(row, {
      // As the final outcome: with fewer than two agents no tie is possible (0/0), not density 0.
      density: graph.order >= 2 ? density(graph) : null,
      ties: graph.size,
      reciprocity: reciprocity(graph),
      average_clustering: clustering.average,
      transitivity: clustering.transitivity,
      median_undirected_degree: medianDegree(projection),
      louvain_modularity: round % every === 0 ? louvainModularity(projection) : null,
      mean_reward: meanReward,
    });
    const i = this.rounds.length;
    this.rounds.push(round);
    for (const [name, value] of Object.entries(row)) {
      // A name first seen late (a knowledge item learned of mid-run) is null before.
      (this.metrics[name] ??= new Array<number | null>(i).fill(null)).push(value);
    }
    for (const values of Object.values(this.metrics)) if (values.length < i + 1) values.push(null);
    this.last = projection;
  }

  /** The series so far; the last round always has its Louvain modularity. */
  series(): RunSeries {
    const louvain = this.metrics.louvain_modularity;
    const end = this.rounds.length - 1;
    if (louvain && end >= 0 && louvain[end] === null && this.last) louvain[end] = louvainModularity(this.last);
    return {
      rounds: [...this.rounds],
      metrics: Object.fromEntries(Object.entries(this.metrics).map(([k, v]) => [k, [...v]])),
    };
  }
}

/** Seeded as every other Louvain of a run (0): the series' last value is the final outcome's. */
function louvainModularity(projection: AnyGraph): number | null {
  return louvainCommunities(projection, seededRandom(0)).modularity;
}
