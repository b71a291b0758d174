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
import { shapesNetwork } from './traceNetwork';
import { graphFromTies } from './graphFromTies';
import { undirectedProjection, type AnyGraph } from './tieGraph';
import { nameRecord } from '../../text/nameRecord';

export class SeriesTally {
  private readonly world: WorldState;
  private readonly rounds: number[] = [];
  private readonly metrics: Record<string, (number | null)[]> = nameRecord();
  /** The network as last measured: its projection, metrics and (once computed) Louvain modularity. */
  private net?: { projection: AnyGraph; values: Record<string, number | null>; louvain?: number | null };
  /** A network event came since it was measured (a round without one keeps its network). */
  private changed = true;

  constructor(
    header: TraceHeader,
    private readonly state?: StateTally,
    private readonly knowledge?: KnowledgeTally,
  ) {
    this.world = initialState(header);
  }

  /** Feed every event in order; the state and knowledge tallies are fed by their owner (RunTally). */
  add(e: TraceEvent): void {
    if (!shapesNetwork(e)) return;
    // Decay of no tie (a society of state alone decays every round) changes nothing.
    if (e.type !== 'round_start' && e.type !== 'round_end' && (e.type !== 'tie_decay' || this.world.ties.size() > 0)) {
      this.changed = true;
    }
    applyEvent(this.world, e);
    if (e.type === 'round_end') this.measure(e.round, e.stats.mean_reward);
  }

  private measure(round: number, meanReward: number): void {
    const row: Record<string, number | null> = { ...this.state?.current(), ...this.knowledge?.metrics(round) };
    const net = this.network();
    Object.assign(row, net.values, {
      // Louvain every round: at 1,000 agents it is a small part of a round's measuring, which
      // the graph's build dominates (`npm run bench`, "series").
      louvain_modularity: this.louvain(),
      mean_reward: meanReward,
    });
    const i = this.rounds.length;
    this.rounds.push(round);
    for (const [name, value] of Object.entries(row)) {
      // A name first seen late (a knowledge item learned of mid-run) is null before.
      (this.metrics[name] ??= new Array<number | null>(i).fill(null)).push(value);
    }
    for (const values of Object.values(this.metrics)) if (values.length < i + 1) values.push(null);
  }

  /** The tie network after the round (the replay's: threshold as the run's), measured once per change. */
  private network(): NonNullable<SeriesTally['net']> {
    if (this.net && !this.changed) return this.net;
    const agents = [...this.world.agents.values()].filter((a) => a.active).map((a) => ({ id: a.id }));
    const present = new Set(agents.map((a) => a.id));
    const threshold = this.world.settings.ties.threshold;
    const ties = this.world.ties
      .existing(threshold)
      .filter(([from, to]) => present.has(from) && present.has(to))
      .map(([from, to, strength]) => ({ from, to, strength }));
    // Node attributes (personas) play no part in these metrics: left out, they cost most of the build.
    const graph = graphFromTies(agents, ties, threshold);
    const projection = undirectedProjection(graph);
    const clustering = clusteringOf(adjacencyOf(projection));
    this.changed = false;
    return (this.net = {
      projection,
      values: {
        // As the final outcome: with fewer than two agents no tie is possible (0/0), not density 0.
        density: graph.order >= 2 ? density(graph) : null,
        ties: graph.size,
        reciprocity: reciprocity(graph),
        average_clustering: clustering.average,
        transitivity: clustering.transitivity,
        median_undirected_degree: medianDegree(projection),
      },
    });
  }

  private louvain(): number | null {
    const net = this.net!;
    if (net.louvain === undefined) net.louvain = louvainModularity(net.projection);
    return net.louvain;
  }

  series(): RunSeries {
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
