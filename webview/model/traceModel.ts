// Everything the view knows about the trace on screen: the events in order (growing while a run
// is live), the world at any round (through the shared replay fold), the trace table's rows, the
// reward series and the per-round metrics, which are computed in the background in time slices.
import { itemTexts, type ItemText } from '../../src/core/trace/itemTexts';
import type { TraceEvent, TraceHeader } from '../../src/core/trace/events';
import { Replayer, type WorldState } from '../../src/core/replay/replay';
import type { StateDeclarations, TraceSource } from '../../src/core/protocol/viewMessages';
import { networkAt, type NetworkData } from './networkData';
import { RewardSeries } from './rewardSeries';
import { DeclaredWeights } from './declaredWeights';
import { roundMetrics, type RoundMetrics } from './roundMetrics';
import { matchRows, movedRow, rowOf, type TraceRow } from './traceRows';
import { changeLabels, type ChangeLabel } from './changeLabels';
import { WorldStateTrack } from './worldStateTrack';
import { TraceFacts } from '../../src/core/analysis/pure';
import { pushAll } from '../../src/core/text/pushAll';

export class TraceModel {
  header?: TraceHeader;
  source?: TraceSource;
  events: TraceEvent[] = [];
  rows: TraceRow[] = [];
  rewards = new RewardSeries();
  /** The declared state (`state:`) over the rounds; empty for a scenario without it. */
  worldState = new WorldStateTrack();
  /** Persona names by agent id (every agent ever added). */
  names = new Map<string, string>();
  /** Persona groups by agent id ('' for none), every agent ever added: the network's group colours. */
  groups = new Map<string, string>();
  /** The traits and driver weights the world has (the agent panel's bars). */
  weights = new DeclaredWeights();
  /** The trace has a tie or a rated conversation: the society forms ties. */
  hasTies = false;
  /** What the world provided so far (the METRICS table's needs: ties that formed, rewards). */
  private facts = new TraceFacts();
  /** Highest round seen. */
  lastRound = 0;
  /** Last round whose round_end arrived (−1: none). */
  completeRound = -1;
  complete = false;
  /** Bumped on every load, so views can tell a new trace from more of the same one. */
  generation = 0;
  private view?: Replayer;
  private background?: Replayer;
  private readonly metrics = new Map<number, RoundMetrics>();
  /** Names the values of categorical quantities in the rows' change text. */
  private changeLabel?: ChangeLabel;
  /** Place labels by id (the header's `places`). */
  private placeLabels = new Map<string, string>();
  private itemTexts: ItemText = itemTexts(undefined);

  /**
   * Some round ended with a tie at the threshold. Until then the network has nothing to measure: a
   * town whose residents rate each other but tie to nobody is not "0 ties · 25 communities".
   */
  get formedTies(): boolean {
    return this.facts.facts().ties;
  }

  load(source: TraceSource, header: TraceHeader, events: readonly TraceEvent[], state?: StateDeclarations): void {
    this.source = source;
    this.header = header;
    this.events = [];
    this.rows = [];
    this.rewards = new RewardSeries();
    this.worldState = new WorldStateTrack(state);
    this.changeLabel = changeLabels(state);
    this.placeLabels = new Map((header.places ?? []).map((p) => [p.id, p.label]));
    this.itemTexts = itemTexts(header);
    this.names = new Map();
    this.groups = new Map();
    this.weights = new DeclaredWeights();
    this.hasTies = false;
    this.facts = new TraceFacts();
    this.lastRound = 0;
    this.completeRound = -1;
    this.complete = false;
    this.metrics.clear();
    this.view = new Replayer(header, this.events);
    this.background = new Replayer(header, this.events);
    this.generation++;
    this.append(events);
  }

  /** Adds events in trace order (the replayers read the same growing array). */
  append(events: readonly TraceEvent[]): void {
    for (const e of events) {
      const index = this.events.length;
      this.events.push(e);
      if (e.round > this.lastRound) this.lastRound = e.round;
      if (e.type === 'tie' || e.type === 'evaluation') this.hasTies = true;
      this.facts.add(e);
      if (e.type === 'intervention' && e.kind === 'edit') {
        for (const x of e.edits) if (x.edit === 'trait') this.weights.edited(x.trait);
      }
      switch (e.type) {
        case 'agent_added':
          this.names.set(e.agent.id, e.agent.name);
          this.groups.set(e.agent.id, e.agent.group ?? '');
          this.weights.add(e.agent);
          break;
        case 'state':
        case 'agent_removed':
          this.worldState.add(e);
          break;
        case 'reward':
          this.rewards.add(e);
          break;
        case 'round_end':
          this.completeRound = e.round;
          break;
        case 'run_end':
          this.complete = true;
          break;
        case 'match':
          // One row per group: who played with whom this round.
          pushAll(this.rows, matchRows(e, index, this.knownName));
          break;
        case 'move': {
          // Written right after the action that moved the agent: that row says where it went.
          const last = this.rows.length - 1;
          if (last >= 0) this.rows[last] = movedRow(this.rows[last], e, this.placeLabel);
          break;
        }
        default: {
          const row = rowOf(e, index, this.knownName, this.changeLabel, this.placeLabel, this.itemText);
          if (row) this.rows.push(row);
        }
      }
    }
  }

  get loaded(): boolean {
    return this.header !== undefined;
  }

  nameOf = (id: string): string => this.names.get(id) ?? id;
  /** A place's label, undefined for anything else. */
  placeLabel = (id: string): string | undefined => this.placeLabels.get(id);
  itemText = (instrument: string, item: string): string | undefined => this.itemTexts(instrument, item);
  /** The persona name of an agent id, undefined for anything else (a post id, `world`). */
  knownName = (id: string): string | undefined => this.names.get(id);

  /** The world at the end of `round` (live object: read it before the next call). */
  stateAt(round: number): WorldState | undefined {
    return this.view?.stateAt(round);
  }

  /** The network at `round` and its metrics (cached once the round is complete). */
  networkAt(round: number): { data: NetworkData; metrics: RoundMetrics } | undefined {
    const state = this.stateAt(round);
    if (!state || !this.header) return undefined;
    const data = networkAt(state);
    let metrics = this.metrics.get(round);
    if (!metrics) {
      metrics = roundMetrics(data);
      if (round <= this.completeRound) this.metrics.set(round, metrics);
    }
    return { data, metrics };
  }

  /** Metrics of every complete round computed so far, in round order. */
  metricSeries(): RoundMetrics[] {
    return [...this.metrics.values()].sort((a, b) => a.round - b.round);
  }

  /** Rounds still missing metrics. */
  get metricsPending(): boolean {
    for (let r = 0; r <= this.completeRound; r++) if (!this.metrics.has(r)) return true;
    return false;
  }

  /** Computes missing round metrics until `budgetMs` is spent; returns true if any were added. */
  computeMetrics(budgetMs: number): boolean {
    if (!this.header || !this.background) return false;
    const start = performance.now();
    let added = false;
    for (let r = 0; r <= this.completeRound; r++) {
      if (this.metrics.has(r)) continue;
      this.metrics.set(r, roundMetrics(networkAt(this.background.stateAt(r))));
      added = true;
      if (performance.now() - start > budgetMs) break;
    }
    return added;
  }
}
