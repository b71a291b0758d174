// The reward means of a run, tallied from the event stream: what a checkpoint keeps so that a
// resumed run's means cover the whole run.
import { DRIVERS, type DriverWeights } from '../../format';
import type { TraceEvent } from '../../trace/events';

/** What a RewardTally has heard so far: per-driver sums, the sum of totals and the count of reward events. */
export interface RewardTallyJSON {
  sum: DriverWeights;
  n: number;
  total?: number;
}

/**
 * Collects reward means from the event stream (attach with sim.on). A checkpoint keeps its state,
 * so a resumed run's means cover the whole run: it goes on adding in the same order, so they equal
 * the uninterrupted run's to the last bit.
 */
export class RewardTally {
  private sum = Object.fromEntries(DRIVERS.map((d) => [d, 0])) as DriverWeights;
  private n = 0;
  private total = 0;
  constructor(from?: RewardTallyJSON) {
    if (!from) return;
    for (const d of DRIVERS) this.sum[d] = from.sum[d] ?? 0;
    this.n = from.n;
    this.total = from.total ?? 0;
  }
  readonly listener = (e: TraceEvent): void => {
    if (e.type !== 'reward') return;
    for (const d of DRIVERS) this.sum[d] += e.raw[d];
    this.total += e.total;
    this.n++;
  };
  /** Mean of the reward events' totals (motivation-weighted), the quantity of round_end's mean_reward. */
  meanTotal(): number {
    return this.n ? this.total / this.n : 0;
  }
  /** How many reward events were heard (none in a round without `learn`). */
  get count(): number {
    return this.n;
  }
  means(): DriverWeights {
    return Object.fromEntries(DRIVERS.map((d) => [d, this.n ? this.sum[d] / this.n : 0])) as DriverWeights;
  }
  toJSON(): RewardTallyJSON {
    return { sum: { ...this.sum }, n: this.n, total: this.total };
  }
}
