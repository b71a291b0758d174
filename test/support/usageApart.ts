// A trace's events with the usage totals (each round's and the run's) taken apart from the rest,
// so a test can say "nothing else changed" and, separately, what the calls added up to.
import type { TraceEvent } from '../../src/core/trace/events';

export interface UsageApart {
  /** The events after the header, round and run ends without their usage. */
  rest: unknown[];
  /** The calls each round's end counted. */
  callsByRound: Map<number, number>;
  /** The calls the run's end counted. */
  calls: number;
}

/** A trace's lines: its header, then its events. */
export type TraceLine = TraceEvent | { type: 'header' };

export function usageApart(events: readonly TraceLine[]): UsageApart {
  const callsByRound = new Map<number, number>();
  let calls = 0;
  const rest: unknown[] = [];
  for (const e of events) {
    if (e.type === 'header') continue;
    if (e.type === 'round_end') {
      callsByRound.set(e.round, e.stats.usage.calls);
      const { usage: _, ...stats } = e.stats;
      rest.push({ ...e, stats });
    } else if (e.type === 'run_end') {
      calls = e.usage.calls;
      const { usage: _, ...end } = e;
      rest.push(end);
    } else rest.push(e);
  }
  return { rest, callsByRound, calls };
}

/** How many of `events` each round holds. */
export function countByRound(events: readonly { round: number }[]): Map<number, number> {
  const out = new Map<number, number>();
  for (const e of events) out.set(e.round, (out.get(e.round) ?? 0) + 1);
  return out;
}
