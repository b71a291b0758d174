// Rewards over time, folded incrementally from reward events: the mean raw reward per driver per
// round over all agents (metrics panel), and each agent's own reward history (agent panel).
import { DRIVERS, type Driver } from '../../src/core/format/pure';
import type { RewardEvent } from '../../src/core/trace/events';

interface Sums {
  count: number;
  total: number;
  drivers: Record<Driver, number>;
}

export interface DriverPoint {
  round: number;
  value: number;
}

export class RewardSeries {
  private readonly byRound = new Map<number, Sums>();
  private readonly byAgent = new Map<string, RewardEvent[]>();

  add(e: RewardEvent): void {
    let s = this.byRound.get(e.round);
    if (!s) {
      this.byRound.set(
        e.round,
        (s = { count: 0, total: 0, drivers: Object.fromEntries(DRIVERS.map((d) => [d, 0])) as Record<Driver, number> }),
      );
    }
    s.count++;
    s.total += e.total;
    for (const d of DRIVERS) s.drivers[d] += e.raw[d];
    let list = this.byAgent.get(e.agent);
    if (!list) this.byAgent.set(e.agent, (list = []));
    list.push(e);
  }

  /** Mean raw reward of each driver, and the mean total, per round that had rewards. */
  means(): Record<Driver | 'total', DriverPoint[]> {
    const rounds = [...this.byRound.keys()].sort((a, b) => a - b);
    const series = Object.fromEntries([...DRIVERS, 'total'].map((k) => [k, [] as DriverPoint[]])) as Record<
      Driver | 'total',
      DriverPoint[]
    >;
    for (const round of rounds) {
      const s = this.byRound.get(round)!;
      for (const d of DRIVERS) series[d].push({ round, value: s.drivers[d] / s.count });
      series.total.push({ round, value: s.total / s.count });
    }
    return series;
  }

  /** One agent's raw reward per driver, and its total, per round it was rewarded. */
  ofAgent(agent: string): Record<Driver | 'total', DriverPoint[]> {
    const series = Object.fromEntries([...DRIVERS, 'total'].map((k) => [k, [] as DriverPoint[]])) as Record<
      Driver | 'total',
      DriverPoint[]
    >;
    for (const e of this.byAgent.get(agent) ?? []) {
      for (const d of DRIVERS) series[d].push({ round: e.round, value: e.raw[d] });
      series.total.push({ round: e.round, value: e.total });
    }
    return series;
  }
}
