// The order of a trace's rounds, as the engine writes them: round r's events end with its
// round_end, then round r + 1 begins; run_end comes once, right after the last round_end, and
// nothing follows it. A round that skips ahead, repeats or comes back would give per-round figures
// that are silently wrong, so the reader reports it at its line. Checks only what is there: a trace
// still being written (or cut off) ends inside a round, and that is not a problem.
import type { TraceEventType } from './events';

export class RoundSequence {
  /** The round whose events are being read (−1 before the first event). */
  current = -1;
  /** The last round whose round_end was read (−1 if none). */
  ended = -1;
  /** Line of that round_end. */
  private endedAt = 0;
  /** Line of the run_end (0: not read). */
  private runEndAt = 0;
  /** A round past the header's was reported (once: the header is what is wrong). */
  private pastRounds = false;

  /** `rounds`: the header's; a run never goes past them. */
  constructor(private readonly rounds: number) {}

  get complete(): boolean {
    return this.runEndAt > 0;
  }

  /**
   * Why an event of `type` and round `r` (a non-negative integer) cannot come next, or undefined:
   * then it is taken. (Type and round come apart: every event type is its own object shape, and
   * reading a field across them all costs, at 1.8 million lines.) Where the same cause goes on for
   * many lines (a round read twice, lines after run_end) the message does not name the event's
   * type, so the reader can say it once.
   */
  next(type: TraceEventType, r: number, line: number): string | undefined {
    if (this.runEndAt) return `a line after the run_end at line ${this.runEndAt}: the run had ended`;
    if (type === 'run_end') {
      if (r !== this.current || this.ended !== r) {
        return `run_end of round ${r}, but ${this.ended === this.current ? `the last round is ${this.ended}` : `round ${this.current} has no round_end`}`;
      }
      this.runEndAt = line;
      return undefined;
    }
    if (r === this.current) {
      // An interview from the debugger changes nothing: it may carry the round just ended.
      if (this.ended !== r || type === 'intervention') return this.taken(type, r, line);
      return type === 'round_end'
        ? `a second round_end of round ${r} (the first is at line ${this.endedAt})`
        : `round ${r} again after its round_end at line ${this.endedAt}`;
    }
    if (r < this.current) return `round ${r} after round ${this.current}: events out of order`;
    let problem: string | undefined;
    if (this.ended < this.current) problem = `round ${r} begins before round ${this.current} ended (no round_end)`;
    else if (r > this.current + 1) {
      problem = `round ${r} follows ${this.current < 0 ? 'the header' : `round ${this.current}`}: ${missing(this.current + 1, r - 1)}`;
    } else if (r > this.rounds && !this.pastRounds) {
      this.pastRounds = true;
      problem = `round ${r} is past the header's ${this.rounds} rounds`;
    }
    // A round_start out of sequence still opens its round, so its other lines are not each reported.
    if (problem && type !== 'round_start') return problem;
    this.current = r;
    this.ended = r - 1;
    return problem ?? this.taken(type, r, line);
  }

  /** The event is in sequence: a round_end ends its round. */
  private taken(type: TraceEventType, r: number, line: number): undefined {
    if (type === 'round_end') {
      this.ended = r;
      this.endedAt = line;
    }
    return undefined;
  }
}

function missing(from: number, to: number): string {
  return from === to ? `round ${from} is missing` : `rounds ${from}–${to} are missing`;
}
