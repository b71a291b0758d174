// Directed tie strengths. A tie moves towards the target its evaluation implies and decays when
// unused; it "exists" at or above the threshold. Used by the engine and by trace replay, so both
// apply exactly the same arithmetic in the same order.
import type { TieConfig } from '../../format';
import type { EvaluationReasons } from '../../trace/events';
import { type AgentIndex, PairTable, grown } from './pairTable';

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

/** The tie columns: strength and the round of the last update, per (from, to) pair. */
class TiePairs extends PairTable {
  strength = new Float64Array(0);
  round = new Int32Array(0);

  protected resize(capacity: number): void {
    this.strength = grown(this.strength, capacity);
    this.round = grown(this.round, capacity);
  }
}

/** The ties of a world by agent id, kept in a pair table (pairTable.ts: its order is a nested Map's). */
export class TieTable {
  private readonly t: TiePairs;

  constructor(agents?: AgentIndex) {
    this.t = new TiePairs(agents);
  }

  private entry(from: string, to: string): number {
    const ids = this.t.agents;
    return this.t.find(ids.find(from), ids.find(to));
  }

  get(from: string, to: string): number {
    const e = this.entry(from, to);
    return e < 0 ? 0 : this.t.strength[e];
  }

  /** Outgoing ties of an agent, as a new map (copies; the hot paths use forEachOut). */
  outgoing(from: string): ReadonlyMap<string, TieState> {
    const m = new Map<string, TieState>();
    this.forEachOut(from, (to, strength, round) => m.set(to, { strength, round }));
    return m;
  }

  /** Outgoing ties of an agent in table order, without allocating. */
  forEachOut(from: string, fn: (to: string, strength: number, round: number) => void): void {
    const t = this.t,
      ids = t.agents.ids;
    for (let e = t.firstOf(t.agents.find(from)); e >= 0; e = t.nextOf(e)) {
      fn(ids[t.otherAt(e)], t.strength[e], t.round[e]);
    }
  }

  /** Sets a strength and returns the previous one. */
  set(from: string, to: string, strength: number, round: number): number {
    const t = this.t;
    const h = t.agents.of(from),
      o = t.agents.of(to);
    let e = t.find(h, o);
    let previous = 0;
    if (e >= 0) previous = t.strength[e];
    else e = t.add(h, o);
    t.strength[e] = strength;
    t.round[e] = round;
    return previous;
  }

  /**
   * Decay every tie not updated in `round`: s' = s·(1 − rate); drop ties under `floor`.
   * Returns the ties that fell from ≥ threshold to below it, in table order.
   */
  decay(round: number, rate: number, threshold: number, floor = TIE_FLOOR): [string, string][] {
    const dissolved: [string, string][] = [];
    if (rate <= 0) return dissolved;
    const t = this.t,
      ids = t.agents.ids,
      strength = t.strength;
    for (let h = t.firstHolderNo(), hn; h >= 0; h = hn) {
      hn = t.nextHolderNo(h);
      for (let e = t.firstOf(h), n; e >= 0; e = n) {
        n = t.nextOf(e);
        if (t.round[e] >= round) continue;
        const before = strength[e];
        const after = (strength[e] = before * (1 - rate));
        if (before >= threshold && after < threshold) dissolved.push([ids[h], ids[t.otherAt(e)]]);
        if (!(after >= floor)) t.remove(e);
      }
    }
    return dissolved;
  }

  /** Forget every tie from or to an agent (it left the society). */
  removeAgent(id: string): void {
    this.t.removeAgent(this.t.agents.find(id));
  }

  /** Every tie in table order, without allocating an entry per tie (hot paths). */
  forEach(fn: (from: string, to: string, strength: number, round: number) => void): void {
    const t = this.t,
      ids = t.agents.ids;
    for (let h = t.firstHolderNo(); h >= 0; h = t.nextHolderNo(h)) {
      const from = ids[h];
      for (let e = t.firstOf(h); e >= 0; e = t.nextOf(e)) fn(from, ids[t.otherAt(e)], t.strength[e], t.round[e]);
    }
  }

  /** Number of ties in the table (at any strength). */
  size(): number {
    return this.t.size;
  }

  /** All ties as [from, to, strength, round], in table order. */
  *entries(): IterableIterator<TieTriple> {
    const t = this.t,
      ids = t.agents.ids;
    for (let h = t.firstHolderNo(); h >= 0; h = t.nextHolderNo(h)) {
      for (let e = t.firstOf(h); e >= 0; e = t.nextOf(e)) yield [ids[h], ids[t.otherAt(e)], t.strength[e], t.round[e]];
    }
  }

  /** Ties at or above the threshold, as [from, to, strength]. */
  existing(threshold: number): [string, string, number][] {
    const r: [string, string, number][] = [];
    this.forEach((from, to, s) => {
      if (s >= threshold) r.push([from, to, s]);
    });
    return r;
  }

  countExisting(threshold: number): number {
    let n = 0;
    this.forEach((_f, _t, s) => {
      if (s >= threshold) n++;
    });
    return n;
  }

  toJSON(): TieTriple[] {
    return [...this.entries()];
  }

  static fromJSON(triples: readonly TieTriple[], agents?: AgentIndex): TieTable {
    const t = new TieTable(agents);
    for (const [from, to, s, r] of triples) t.set(from, to, s, r);
    return t;
  }

  clone(): TieTable {
    return TieTable.fromJSON(this.toJSON());
  }
}
