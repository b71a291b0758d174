// A run's outcomes over time (RunSeries), tallied as its events stream past: a live run's
// (`harness.sim.on`) and a finished trace's read back (`society report`) go through this same code,
// so a run, its report and an experiment's runs say the same. At each round's end it takes the
// declared state (StateTally.current), the knowledge (KnowledgeTally) and the tie network the
// replay holds then, measured by the same functions as the final network metrics.
import type { TraceEvent, TraceHeader } from '../../trace/events';
import { applyEvent, initialState, type WorldState } from '../../replay/replay';
import type { RunSeries } from './runSeries';
import type { StateTally } from './stateTally';
import type { KnowledgeTally } from './knowledgeTally';
import { shapesNetwork } from './traceNetwork';
import { graphFromTies } from './graphFromTies';
import { MeasuredNetwork } from './table/measuredNetwork';
import { SERIES } from './table/metrics';
import { nameRecord } from '../../text/nameRecord';

export class SeriesTally {
  private readonly world: WorldState;
  private readonly rounds: number[] = [];
  private readonly metrics: Record<string, (number | null)[]> = nameRecord();
  /** The network as last measured: each piece computed once until it changes. */
  private net?: MeasuredNetwork;
  /** A network event came since it was measured (a round without one keeps its network). */
  private changed = true;

  constructor(
    header: TraceHeader,
    /** The declared state's tally, once there is one (RunTally makes it from the first state event without the scenario). */
    private readonly state: () => StateTally | undefined = () => undefined,
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
    const row: Record<string, number | null> = { ...this.state()?.current(), ...this.knowledge?.metrics(round) };
    const measures = { network: this.network(), meanReward };
    for (const m of SERIES) row[m.name] = m.series!.of(measures);
    const i = this.rounds.length;
    this.rounds.push(round);
    for (const [name, value] of Object.entries(row)) {
      // A name first seen late (a knowledge item learned of mid-run) is null before.
      (this.metrics[name] ??= new Array<number | null>(i).fill(null)).push(value);
    }
    for (const values of Object.values(this.metrics)) if (values.length < i + 1) values.push(null);
  }

  /** The tie network after the round (the replay's: threshold as the run's), measured once per change. */
  private network(): MeasuredNetwork {
    if (this.net && !this.changed) return this.net;
    const agents = [...this.world.agents.values()].filter((a) => a.active).map((a) => ({ id: a.id }));
    const present = new Set(agents.map((a) => a.id));
    const threshold = this.world.settings.ties.threshold;
    const ties = this.world.ties
      .existing(threshold)
      .filter(([from, to]) => present.has(from) && present.has(to))
      .map(([from, to, strength]) => ({ from, to, strength }));
    // Node attributes (personas) play no part in these metrics: left out, they cost most of the build.
    this.changed = false;
    return (this.net = new MeasuredNetwork(graphFromTies(agents, ties, threshold)));
  }

  series(): RunSeries {
    return {
      rounds: [...this.rounds],
      metrics: Object.fromEntries(Object.entries(this.metrics).map(([k, v]) => [k, [...v]])),
    };
  }
}
