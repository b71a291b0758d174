// The round's ties between active agents, laid out in flat typed arrays indexed by agent slot
// (the agent's position in the encounter index), for the encounter policy's lookups: candidate
// proposals touch a few dozen other agents each, and string-keyed Maps per lookup were most of
// their cost. Ties only change after stage 1 (the evaluation barrier), so one layout serves the
// round.
import type { TieTable } from './ties';

/**
 * People to draw from, each with a weight: the slice [start, end) of parallel arrays of agent
 * slots and cumulative weights (from 0 at `start`), for drawing by bisection.
 */
export interface Weighted {
  slots: Int32Array;
  cumulative: Float64Array;
  start: number;
  end: number;
}

/**
 * Each agent's outgoing ties to active agents, in table order, three ways. They share one segment
 * per holder, from `start[s]`: all of them (`outTo`, `outStrength`, up to `outEnd[s]`); those of
 * positive strength as a weighted list (`friends`, up to `friendEnd[s]`); the existing ones
 * (≥ threshold) sorted by slot for bisection (`strongTo`, up to `strongEnd[s]`).
 */
export class TieLayout {
  /** Existing ties pointing to each agent. */
  readonly indegree: Int32Array;
  readonly start: Int32Array;
  readonly outEnd: Int32Array;
  readonly outTo: Int32Array;
  readonly outStrength: Float64Array;
  readonly friendEnd: Int32Array;
  readonly friends: Weighted;
  private readonly strongEnd: Int32Array;
  private readonly strongTo: Int32Array;

  constructor(ties: TieTable, slots: ReadonlyMap<string, number>, threshold: number) {
    const n = slots.size,
      size = ties.size();
    this.indegree = new Int32Array(n);
    this.start = new Int32Array(n);
    this.outEnd = new Int32Array(n);
    this.friendEnd = new Int32Array(n);
    this.strongEnd = new Int32Array(n);
    this.outTo = new Int32Array(size);
    this.outStrength = new Float64Array(size);
    this.strongTo = new Int32Array(size);
    this.friends = { slots: new Int32Array(size), cumulative: new Float64Array(size), start: 0, end: 0 };
    const { slots: friendTo, cumulative } = this.friends;
    // Ties come grouped by holder; a holder's segment is closed when the next holder's ties begin.
    let next = 0,
      holder: string | undefined,
      f = -1,
      start = 0,
      friend = 0,
      strong = 0;
    const close = (): void => {
      if (f < 0) return;
      this.start[f] = start;
      this.outEnd[f] = next;
      this.friendEnd[f] = friend;
      this.strongEnd[f] = strong;
      if (strong - start > 1) this.strongTo.subarray(start, strong).sort();
    };
    ties.forEach((from, to, strength) => {
      if (from !== holder) {
        close();
        holder = from;
        f = slots.get(from) ?? -1;
        start = friend = strong = next;
      }
      if (f < 0) return;
      const s = slots.get(to);
      if (s === undefined) return;
      this.outTo[next] = s;
      this.outStrength[next++] = strength;
      if (strength > 0) {
        cumulative[friend] = (friend > start ? cumulative[friend - 1] : 0) + strength;
        friendTo[friend++] = s;
      }
      if (strength >= threshold) {
        this.strongTo[strong++] = s;
        this.indegree[s]++;
      }
    });
    close();
  }

  /** `via`'s friend list (its ties of positive strength, weighted by strength), into `view`. */
  friendsOf(via: number, view: Weighted): Weighted {
    view.start = this.start[via];
    view.end = this.friendEnd[via];
    return view;
  }

  /** Whether `from` has an existing tie to `to`. */
  private exists(from: number, to: number): boolean {
    let lo = this.start[from],
      hi = this.strongEnd[from];
    while (lo < hi) {
      const mid = (lo + hi) >> 1,
        v = this.strongTo[mid];
      if (v === to) return true;
      if (v < to) lo = mid + 1;
      else hi = mid;
    }
    return false;
  }

  /** My existing ties whose holder also has an existing tie to `other` (mutual friends). */
  mutual(self: number, other: number): number {
    let n = 0;
    for (let k = this.start[self]; k < this.strongEnd[self]; k++) {
      const via = this.strongTo[k];
      if (via !== other && this.exists(via, other)) n++;
    }
    return n;
  }
}
