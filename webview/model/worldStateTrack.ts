// The declared state of the trace on screen (scenarios with `state:`), folded from its `state`
// events: each world quantity's value per round, each agent quantity's mean, least and most over
// the agents per round (the report's WorldStateCollector, so both say the same), how many agents
// hold each label of a categorical quantity per round, and every agent's values at any round, for
// sizing the network's nodes by one of them. The scenario's declarations, when the host sends
// them, add bounds, labels and descriptions and fix the order; a trace alone still shows every
// quantity its events name. A paused debug session's state (PausedState) stands in for its round
// until the run goes on: the trace has a round's state only at its end.
import { WorldStateCollector, type WorldStateSeries } from '../../src/core/analysis/pure';
import type { PausedState, QuantityInfo, StateDeclarations } from '../../src/core/protocol/viewMessages';
import type { TraceEvent } from '../../src/core/trace/events';
import { labelCounts } from './labelCounts';

export interface SeriesPoint {
  round: number;
  value: number | null;
}

/** One agent's values after each state event that changed them (cumulative records). */
interface AgentHistory {
  rounds: number[];
  values: Record<string, number>[];
}

export class WorldStateTrack {
  private readonly collector = new WorldStateCollector();
  private readonly agents = new Map<string, AgentHistory>();
  private readonly worldNames = new Set<string>();
  private readonly agentNames = new Set<string>();
  private readonly declared?: StateDeclarations;
  private cached?: WorldStateSeries;
  /** Rounds of the state events, in order. */
  private readonly rounds: number[] = [];
  /** The values of the agents in the society after the last state event. */
  private readonly current = new Map<string, Record<string, number>>();
  /** Per categorical agent quantity: agents per label after each state event. */
  private readonly counts = new Map<string, number[][]>();
  private paused?: PausedState;
  /** The agents' values at the paused point, worked out once per pause. */
  private pausedAgents?: Map<string, Record<string, number>>;

  constructor(declarations?: StateDeclarations) {
    this.declared = declarations;
    for (const q of declarations?.agents ?? []) if (q.labels?.length) this.counts.set(q.name, []);
  }

  /** Folds one trace event (only `state` and `agent_removed` matter). */
  add(e: TraceEvent): void {
    if (e.type !== 'state' && e.type !== 'agent_removed') return;
    this.collector.add(e);
    this.cached = undefined;
    if (e.type === 'agent_removed') this.current.delete(e.agent);
    if (e.type !== 'state') return;
    this.rounds.push(e.round);
    for (const [id, v] of Object.entries(e.agents)) this.current.set(id, { ...this.current.get(id), ...v });
    for (const [name, list] of this.counts) list.push(labelCounts(this.current.values(), name, this.labelsOf(name)));
    for (const name of Object.keys(e.world)) this.worldNames.add(name);
    for (const [id, v] of Object.entries(e.agents)) {
      for (const name of Object.keys(v)) this.agentNames.add(name);
      const h = this.agents.get(id) ?? { rounds: [], values: [] };
      if (!this.agents.has(id)) this.agents.set(id, h);
      const merged = { ...h.values.at(-1), ...v };
      if (h.rounds.at(-1) === e.round) h.values[h.values.length - 1] = merged;
      else {
        h.rounds.push(e.round);
        h.values.push(merged);
      }
    }
  }

  /**
   * Shows a paused debug session's state at its round (undefined: the run went on, back to the
   * trace's own state events).
   */
  pause(state: PausedState | undefined): void {
    this.paused = state;
    this.pausedAgents = undefined;
  }

  /** The paused state when `round` is the round the session is paused in. */
  pausedAt(round: number): PausedState | undefined {
    return this.paused?.round === round ? this.paused : undefined;
  }

  /** Every agent's values at the paused point: the last state event's, then what changed since. */
  private agentsPaused(p: PausedState): Map<string, Record<string, number>> {
    if (!this.pausedAgents) {
      const out = new Map<string, Record<string, number>>();
      // Stopped at the round's end, its state event is already folded into `current`.
      for (const [id, v] of this.current) out.set(id, v);
      for (const [id, v] of Object.entries(p.agents)) out.set(id, { ...out.get(id), ...v });
      this.pausedAgents = out;
    }
    return this.pausedAgents;
  }

  private labelsOf(name: string): readonly string[] {
    return this.declared?.agents.find((q) => q.name === name)?.labels ?? [];
  }

  /**
   * True once the trace has a state event naming a quantity: the scenario declares state. A
   * scenario with actions but no `state:` (the forum) writes state events with nothing in them.
   */
  get present(): boolean {
    return this.rounds.length > 0 && (this.worldNames.size > 0 || this.agentNames.size > 0);
  }

  /** The world quantities, in declared order, then any only the trace names. */
  get world(): QuantityInfo[] {
    return ordered(this.declared?.world, this.worldNames);
  }

  /** The agent quantities, in declared order, then any only the trace names. */
  get agentQuantities(): QuantityInfo[] {
    return ordered(this.declared?.agents, this.agentNames);
  }

  private series(): WorldStateSeries {
    this.cached ??= this.collector.finish(Infinity) ?? { rounds: [], world: {}, agents: {} };
    return this.cached;
  }

  /** A world quantity over the rounds (to the paused point, while a session is paused). */
  worldSeries(name: string): SeriesPoint[] {
    const s = this.series();
    const values = s.world[name] ?? [];
    const points = s.rounds.map((round, i) => ({ round, value: finite(values[i]) }));
    return this.paused ? withPoint(points, this.paused.round, finite(this.paused.world[name])) : points;
  }

  /** An agent quantity's mean, least and most over the agents, round by round. */
  agentSeries(name: string): { mean: SeriesPoint[]; min: SeriesPoint[]; max: SeriesPoint[] } {
    const s = this.series();
    const a = s.agents[name] ?? { mean: [], min: [], max: [] };
    const pick = (xs: number[]) => s.rounds.map((round, i) => ({ round, value: finite(xs[i]) }));
    const out = { mean: pick(a.mean), min: pick(a.min), max: pick(a.max) };
    if (!this.paused) return out;
    const r = this.paused.round,
      now = summary(this.agentsPaused(this.paused).values(), name);
    return {
      mean: withPoint(out.mean, r, now.mean),
      min: withPoint(out.min, r, now.min),
      max: withPoint(out.max, r, now.max),
    };
  }

  /** A categorical agent quantity: agents per label, round by round (empty without labels). */
  labelSeries(name: string): { round: number; counts: number[] }[] {
    const list = this.counts.get(name);
    if (!list) return [];
    const points = this.rounds.map((round, i) => ({ round, counts: list[i] }));
    if (!this.paused) return points;
    const r = this.paused.round;
    const now = labelCounts(this.agentsPaused(this.paused).values(), name, this.labelsOf(name));
    return [...points.filter((p) => p.round < r), { round: r, counts: now }, ...points.filter((p) => p.round > r)];
  }

  /** Agents per label of a categorical agent quantity at `round`; null before any state (or without labels). */
  labelCountsAt(name: string, round: number): number[] | null {
    const p = this.pausedAt(round);
    if (p && this.counts.has(name)) return labelCounts(this.agentsPaused(p).values(), name, this.labelsOf(name));
    const i = this.indexAt(round);
    return i < 0 ? null : (this.counts.get(name)?.[i] ?? null);
  }

  /** Index of the last state event at or before `round` (−1: none yet). */
  private indexAt(round: number): number {
    return lastAtOrBefore(this.rounds, round);
  }

  /**
   * The round whose state is shown at `round`: `round` itself once its state event is in, an
   * earlier one while `round` is under way (a live run, a paused debug session); null before any.
   */
  stateRoundAt(round: number): number | null {
    if (this.pausedAt(round)) return round;
    const i = this.indexAt(round);
    return i < 0 ? null : this.rounds[i];
  }

  /** A world quantity at the end of `round` (its last state event up to it); null before any. */
  worldAt(name: string, round: number): number | null {
    const p = this.pausedAt(round);
    if (p) return finite(p.world[name]);
    const i = this.indexAt(round);
    return i < 0 ? null : finite(this.series().world[name]?.[i]);
  }

  /** An agent quantity's mean, least and most at `round`; nulls before any. */
  agentSummaryAt(name: string, round: number): { mean: number | null; min: number | null; max: number | null } {
    const p = this.pausedAt(round);
    if (p) return summary(this.agentsPaused(p).values(), name);
    const i = this.indexAt(round);
    const a = this.series().agents[name];
    if (i < 0 || !a) return { mean: null, min: null, max: null };
    return { mean: finite(a.mean[i]), min: finite(a.min[i]), max: finite(a.max[i]) };
  }

  /** Every agent's value of `name` at the end of `round` (agents without one are left out). */
  agentValuesAt(name: string, round: number): Map<string, number> {
    const out = new Map<string, number>();
    const p = this.pausedAt(round);
    if (p) {
      for (const [id, v] of this.agentsPaused(p)) if (Number.isFinite(v[name])) out.set(id, v[name]);
      return out;
    }
    for (const [id, h] of this.agents) {
      const i = lastAtOrBefore(h.rounds, round);
      const v = i < 0 ? undefined : h.values[i][name];
      if (v !== undefined && Number.isFinite(v)) out.set(id, v);
    }
    return out;
  }

  /** One agent's values at the end of `round`. */
  agentAt(id: string, round: number): Record<string, number> | undefined {
    const p = this.pausedAt(round);
    if (p) return this.agentsPaused(p).get(id);
    const h = this.agents.get(id);
    const i = h ? lastAtOrBefore(h.rounds, round) : -1;
    return i < 0 ? undefined : h!.values[i];
  }
}

function ordered(declared: QuantityInfo[] | undefined, seen: ReadonlySet<string>): QuantityInfo[] {
  const out = [...(declared ?? [])];
  const named = new Set(out.map((q) => q.name));
  for (const name of seen) if (!named.has(name)) out.push({ name });
  // Before the first state event the declarations say what is coming; after it, only what the trace has.
  return seen.size ? out.filter((q) => seen.has(q.name)) : out;
}

const finite = (v: number | null | undefined): number | null =>
  typeof v === 'number' && Number.isFinite(v) ? v : null;

/** `points` with the one at `round` replaced by (or, in order, given) `value`. */
function withPoint(points: SeriesPoint[], round: number, value: number | null): SeriesPoint[] {
  return [...points.filter((p) => p.round < round), { round, value }, ...points.filter((p) => p.round > round)];
}

/** Mean, least and most of one quantity over some agents' values (nulls when none has it). */
function summary(agents: Iterable<Record<string, number>>, name: string) {
  let n = 0,
    sum = 0,
    min = Infinity,
    max = -Infinity;
  for (const v of agents) {
    const x = v[name];
    if (!Number.isFinite(x)) continue;
    n++;
    sum += x;
    min = Math.min(min, x);
    max = Math.max(max, x);
  }
  return n ? { mean: sum / n, min, max } : { mean: null, min: null, max: null };
}

/** Index of the last element ≤ `x` in ascending `xs` (−1: none). */
function lastAtOrBefore(xs: readonly number[], x: number): number {
  let lo = 0,
    hi = xs.length - 1,
    found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (xs[mid] <= x) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}
