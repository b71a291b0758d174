// The declared state over a run (scenarios with `state:`), from its `state` events: each world
// quantity per round, and per agent quantity the mean, least and most over the agents each round
// — what the report's "World state" section draws. Streams: one value per round and quantity.
import type { TraceEvent } from '../../trace/events';
import { maxOf, minOf } from '../../stats/extremes';

export interface WorldStateSeries {
  rounds: number[];
  world: Record<string, number[]>;
  agents: Record<string, { mean: number[]; min: number[]; max: number[] }>;
}

export class WorldStateCollector {
  private readonly values = new Map<string, Record<string, number>>();
  private readonly series: WorldStateSeries = { rounds: [], world: {}, agents: {} };

  add(e: TraceEvent): void {
    if (e.type === 'agent_removed') this.values.delete(e.agent);
    if (e.type !== 'state') return;
    for (const [id, v] of Object.entries(e.agents)) this.values.set(id, { ...this.values.get(id), ...v });
    const s = this.series;
    s.rounds.push(e.round);
    for (const [name, value] of Object.entries(e.world)) (s.world[name] ??= []).push(value);
    const names = new Set<string>();
    for (const v of this.values.values()) for (const k of Object.keys(v)) names.add(k);
    for (const name of names) {
      const xs = [...this.values.values()].map((v) => v[name]).filter((x) => Number.isFinite(x));
      const a = (s.agents[name] ??= { mean: [], min: [], max: [] });
      a.mean.push(xs.length ? xs.reduce((p, q) => p + q, 0) / xs.length : NaN);
      a.min.push(xs.length ? minOf(xs) : NaN);
      a.max.push(xs.length ? maxOf(xs) : NaN);
    }
  }

  /** Undefined when the trace has no state events (a scenario without `state:`). */
  finish(upTo: number): WorldStateSeries | undefined {
    const s = this.series;
    if (!s.rounds.length) return undefined;
    const keep = s.rounds.filter((r) => r <= upTo).length;
    return {
      rounds: s.rounds.slice(0, keep),
      world: Object.fromEntries(Object.entries(s.world).map(([k, v]) => [k, v.slice(0, keep)])),
      agents: Object.fromEntries(
        Object.entries(s.agents).map(([k, v]) => [
          k,
          { mean: v.mean.slice(0, keep), min: v.min.slice(0, keep), max: v.max.slice(0, keep) },
        ]),
      ),
    };
  }
}
