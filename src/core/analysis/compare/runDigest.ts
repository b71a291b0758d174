// What comparing a run needs of its trace, tallied as its events stream past (a run of any size is
// read once, never held): the series over rounds (RunTally, as `society run` and experiments give
// them), the final outcomes under the experiments' names, and the final ties with their strengths.
import type { TraceEvent, TraceHeader } from '../../trace/events';
import { applyEvent, initialState, type WorldState } from '../../replay/replay';
import { RewardTally } from '../../engine';
import { RunTally, type DeclaredOutcomes } from '../metrics/runTally';
import type { RunSeries } from '../metrics/runSeries';
import { shapesNetwork } from '../metrics/traceNetwork';
import { finalOutcomes, outcomeGraph } from '../metrics/finalOutcomes';
import { TraceFacts } from '../metrics/table/applies';
import type { WorldFacts } from '../metrics/table/metric';
import { distinctLabels } from '../../text/personNames';

/** A directed tie at the end of a run: `from` holds it towards `to` with `strength`. */
export interface FinalTie {
  from: string;
  to: string;
  strength: number;
}

export interface RunDigest {
  header: TraceHeader;
  /** The trace ends with run_end. */
  complete: boolean;
  /** The last round whose round_end the trace holds (−1: none). */
  lastRound: number;
  series: RunSeries;
  /** What the run's world provides, as its trace shows it (a tie or a rated conversation, a reward). */
  world: WorldFacts;
  /** OUTCOME_METRICS and, with the scenario at hand, the declared state's outcomes (views keep those that apply to `world`). */
  outcomes: Record<string, number | null>;
  /** Ties at or above the run's threshold between agents present at the end, strongest first. */
  ties: FinalTie[];
  /** Every tie's strength at the end, above the threshold or not (`from\tto` → strength). */
  strengths: Map<string, number>;
  threshold: number;
  /** How each agent present at the end reads: its persona's name (with its id where names repeat). */
  labels: Map<string, string>;
}

export const tieKey = (from: string, to: string): string => `${from}\t${to}`;

export class RunDigestBuilder {
  private readonly world: WorldState;
  private readonly tally: RunTally;
  private readonly rewards = new RewardTally();
  private readonly facts = new TraceFacts();
  private lastRound = -1;
  private complete = false;

  constructor(
    private readonly header: TraceHeader,
    declared?: DeclaredOutcomes,
  ) {
    this.world = initialState(header);
    this.tally = new RunTally(header, declared);
  }

  add(e: TraceEvent): void {
    this.tally.add(e);
    this.rewards.listener(e);
    this.facts.add(e);
    if (shapesNetwork(e)) applyEvent(this.world, e);
    if (e.type === 'round_end') this.lastRound = e.round;
    if (e.type === 'run_end') this.complete = true;
  }

  finish(): RunDigest {
    const w = this.world;
    const threshold = w.settings.ties.threshold;
    const agents = [...w.agents.values()].filter((a) => a.active);
    const present = new Set(agents.map((a) => a.id));
    const strengths = new Map<string, number>();
    const ties: FinalTie[] = [];
    for (const [from, to, strength] of w.ties.entries()) {
      if (!present.has(from) || !present.has(to)) continue;
      strengths.set(tieKey(from, to), strength);
      if (strength >= threshold) ties.push({ from, to, strength });
    }
    ties.sort((x, y) => y.strength - x.strength || x.from.localeCompare(y.from) || x.to.localeCompare(y.to));
    const graph = outcomeGraph(
      agents.map((a) => ({ id: a.id, ...(a.persona.group ? { group: a.persona.group } : {}) })),
      ties.map((t) => [t.from, t.to, t.strength]),
      threshold,
    );
    const world = this.facts.facts();
    const outcomes = {
      ...finalOutcomes(graph, { total: this.rewards.meanTotal(), means: this.rewards.means() }),
      ...this.tally.state(Math.max(this.lastRound, 0)),
    };
    return {
      header: this.header,
      complete: this.complete,
      lastRound: this.lastRound,
      series: this.tally.series(),
      world,
      outcomes,
      ties,
      strengths,
      threshold,
      labels: distinctLabels(
        agents.map((a) => a.id),
        (id) => w.agents.get(id)?.persona.name,
      ),
    };
  }
}

/** The digest of a trace held in memory (tests, a run just made in-process). */
export function digestEvents(
  header: TraceHeader,
  events: Iterable<TraceEvent>,
  declared?: DeclaredOutcomes,
): RunDigest {
  const b = new RunDigestBuilder(header, declared);
  for (const e of events) b.add(e);
  return b.finish();
}
