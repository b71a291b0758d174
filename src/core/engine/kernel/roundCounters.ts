// The round's counts of encounters and messages, read off the events as the kernel publishes them
// (World.emit): a unit says what happened on its tape and writes no shared counter, so units can
// run anywhere (reversed, on other threads) and the counts come out the same.
import type { TraceEvent } from '../../trace/events';
import type { RoundCounters } from '../phases/context';

/** Counts one published event into the round's counters. */
export function countEvent(s: RoundCounters, e: TraceEvent): void {
  switch (e.type) {
    case 'encounter':
    case 'room':
      s.encounters++;
      break;
    case 'message':
      s.messages++;
      break;
  }
}
