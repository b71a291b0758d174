// Reward curves of a run: for every round, the mean raw reward of each behavioral driver (and
// the mean total reward) over the agents rewarded in that round, from the trace's reward events.
import { DRIVERS, type Driver } from '../../format';
import type { TraceEvent } from '../../trace/events';
import { maxOf } from '../../stats/extremes';

export interface RewardCurves {
  /** Rounds 1..last round that has a reward event (every round, so gaps show as null). */
  rounds: number[];
  /** Mean raw reward (0..1) per driver, aligned with `rounds`; null where nobody was rewarded. */
  drivers: Record<Driver, (number | null)[]>;
  /** Mean total reward, aligned with `rounds`. */
  total: (number | null)[];
}

interface Sums {
  count: number;
  total: number;
  drivers: Record<Driver, number>;
}

/** The sums behind the curves, added to as reward events stream past (a report holds these, not the events). */
export class RewardSums {
  private readonly byRound = new Map<number, Sums>();

  add(event: TraceEvent): void {
    if (event.type !== 'reward') return;
    let sums = this.byRound.get(event.round);
    if (!sums) {
      sums = { count: 0, total: 0, drivers: Object.fromEntries(DRIVERS.map((d) => [d, 0])) as Record<Driver, number> };
      this.byRound.set(event.round, sums);
    }
    sums.count++;
    sums.total += event.total;
    for (const driver of DRIVERS) sums.drivers[driver] += event.raw[driver];
  }

  /** The curves of rounds up to `upTo` (default: all). */
  curves(upTo = Infinity): RewardCurves {
    const byRound = this.byRound;
    const last = Math.max(0, maxOf([...byRound.keys()].filter((r) => r <= upTo)));
    const rounds = Array.from({ length: last }, (_, i) => i + 1);
    const mean = (round: number, pick: (s: Sums) => number) => {
      const sums = byRound.get(round);
      return sums ? pick(sums) / sums.count : null;
    };
    return {
      rounds,
      drivers: Object.fromEntries(DRIVERS.map((d) => [d, rounds.map((r) => mean(r, (s) => s.drivers[d]))])) as Record<
        Driver,
        (number | null)[]
      >,
      total: rounds.map((r) => mean(r, (s) => s.total)),
    };
  }
}

export function rewardCurves(events: Iterable<TraceEvent>): RewardCurves {
  const sums = new RewardSums();
  for (const event of events) sums.add(event);
  return sums.curves();
}
