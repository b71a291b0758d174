// Directed tie strengths. A tie moves towards the target its evaluation implies and decays when
// unused; it "exists" at or above the threshold. Used by the engine and by trace replay, so both
// apply exactly the same arithmetic in the same order.
import type { TieConfig } from '../../format';
import type { EvaluationReasons } from '../../trace/events';
import { SmallMap } from '../flow/smallMap';

/** Ties weaker than this after decay are dropped (keeps tables sparse). */
export const TIE_FLOOR = 0.01;

export interface TieState {
  strength: number;
  /** Round of the last update (decay spares ties updated in the current round). */
  round: number;
}

/** Target strength implied by one evaluation: the weighted mean of its reasons. */
export function tieTarget(reasons: EvaluationReasons, w: TieConfig['weights']): number {
  const total = w.reciprocity + w.novelty + w.affect;
  if (total <= 0) return 0;
  return (w.reciprocity * reasons.reciprocity + w.novelty * reasons.novelty + w.affect * reasons.affect) / total;
}

/** s' = s + learning_rate · (target − s). */
export function updatedStrength(previous: number, target: number, cfg: TieConfig): number {
  return previous + cfg.learning_rate * (target - previous);
}

export type TieTriple = [from: string, to: string, strength: number, round: number];

export class TieTable {
  private readonly out = new Map<string, SmallMap<TieState>>();

  get(from: string, to: string): number {
    return this.out.get(from)?.get(to)?.strength ?? 0;
  }

  /** Outgoing ties of an agent (live view; do not mutate). */
  outgoing(from: string): ReadonlyMap<string, TieState> {
    return this.out.get(from) ?? EMPTY;
  }

  /** Sets a strength and returns the previous one. */
  set(from: string, to: string, strength: number, round: number): number {
    let m = this.out.get(from);
    if (!m) {
      m = new SmallMap();
      this.out.set(from, m);
    }
    const prev = m.get(to);
    if (prev) {
      const p = prev.strength;
      prev.strength = strength;
      prev.round = round;
      return p;
    }
    m.set(to, { strength, round });
    return 0;
  }

  /**
   * Decay every tie not updated in `round`: s' = s·(1 − rate); drop ties under `floor`.
   * Returns the ties that fell from ≥ threshold to below it, in table order.
   */
  decay(round: number, rate: number, threshold: number, floor = TIE_FLOOR): [string, string][] {
    const dissolved: [string, string][] = [];
    if (rate <= 0) return dissolved;
    for (const [from, m] of this.out) {
      m.retain((t, to) => {
        if (t.round >= round) return true;
        const before = t.strength;
        t.strength = before * (1 - rate);
        if (before >= threshold && t.strength < threshold) dissolved.push([from, to]);
        return t.strength >= floor;
      });
      if (m.size === 0) this.out.delete(from);
    }
    return dissolved;
  }

  /** Forget every tie from or to an agent (it left the society). */
  removeAgent(id: string): void {
    this.out.delete(id);
    for (const [from, m] of this.out) {
      m.delete(id);
      if (m.size === 0) this.out.delete(from);
    }
  }

  /** Every tie in table order, without allocating an entry per tie (hot paths). */
  forEach(fn: (from: string, to: string, tie: TieState) => void): void {
    this.out.forEach((m, from) => m.forEach((t, to) => fn(from, to, t)));
  }

  /** Each holder's outgoing ties (live views; do not mutate), in table order: ties grouped by holder. */
  forEachHolder(fn: (from: string, out: ReadonlyMap<string, TieState>) => void): void {
    this.out.forEach((m, from) => fn(from, m));
  }

  /** Number of ties in the table (at any strength). */
  size(): number {
    let n = 0;
    for (const m of this.out.values()) n += m.size;
    return n;
  }

  /** All ties as [from, to, strength, round], in table order. */
  *entries(): IterableIterator<TieTriple> {
    for (const [from, m] of this.out) for (const [to, t] of m) yield [from, to, t.strength, t.round];
  }

  /** Ties at or above the threshold, as [from, to, strength]. */
  existing(threshold: number): [string, string, number][] {
    const r: [string, string, number][] = [];
    for (const [from, to, s] of this.entries()) if (s >= threshold) r.push([from, to, s]);
    return r;
  }

  countExisting(threshold: number): number {
    let n = 0;
    this.forEach((_f, _t, t) => {
      if (t.strength >= threshold) n++;
    });
    return n;
  }

  toJSON(): TieTriple[] {
    return [...this.entries()];
  }

  static fromJSON(triples: readonly TieTriple[]): TieTable {
    const t = new TieTable();
    for (const [from, to, s, r] of triples) t.set(from, to, s, r);
    return t;
  }

  clone(): TieTable {
    return TieTable.fromJSON(this.toJSON());
  }
}

const EMPTY: ReadonlyMap<string, TieState> = new SmallMap();
