// What each agent's choices brought it (issue 45): reinforcement learning in the manner of Roth &
// Erev (1995), with Camerer & Ho's (1999) experience weighting and eligibility traces, so that a
// consequence that arrives later — through an `update`, a later phase, a module, or the others'
// reactions — still reaches the choice that caused it. docs/model.md states the rule; in short,
// per valued quantity q of the agent, in the quantity's own units:
//
//   payoff   π_q  = its change over the round, less what the agent's own actions changed at once
//                   (those it weighed when choosing: experience adds what it could not see)
//   surprise d_q  = π_q − ρ_q (ρ_q its own recency-weighted usual payoff)
//   option k:  S_kq ← φ·S_kq + e_k·d_q + v·(mean d_q of the others who took k),  W_k ← φ·W_k + e_k + v
//              A_kq = S_kq / (W_k + 1)  (the mean surprise after taking k, shrunk by a prior round)
//
// with e_k the option's eligibility (1 when taken this round, λ times less each round after), v
// the persona's openness (learning from what others' choices brought them; 0 when nobody else
// took k). The offline model weighs A_kq like an immediate change to q
// (llm/offline/act.ts). No random draw: the same trace gives the same attractions.
import type { Traits, ActionArg } from '../../format';
import { nearestSample } from './numberSamples';
import { nameRecord } from '../../text/nameRecord';

/** Recency: what a round's experience weighs the next round (φ). */
export const FORGET = 0.85;
/** Eligibility decay: the share of a round's surprise credited to the choice of the round before (λ). */
export const ELIGIBILITY = 0.5;
/** How fast the usual payoff ρ and the units follow the latest round. */
const BASELINE_RATE = 0.2;
/**
 * A prior of this many rounds of no surprise: one lucky round is not yet a lesson, and an old
 * lesson fades toward nothing as its weight is forgotten (the mean itself moves only with news).
 */
export const PRIOR = 1;
/** Below this eligibility a past choice is forgotten (keeps the books small). */
const FORGOTTEN = 0.01;

/** Per valued quantity. */
export type Vec = Record<string, number>;

/**
 * The key an option is learned under: the action and its number and place arguments, a number at
 * the nearest value options are weighed at (numberSamples.ts).
 */
export function optionKey(action: string, args: Record<string, number | string>, spec: readonly ActionArg[]): string {
  const parts = spec
    .filter((a) => (a.type === 'number' || a.type === 'place') && args[a.name] !== undefined)
    .map((a) => {
      const v = args[a.name];
      return `${a.name}=${a.type === 'number' && typeof v === 'number' ? nearestSample(a, v) : v}`;
    });
  return parts.length ? `${action}(${parts.join(',')})` : action;
}

interface Learner {
  /** Valued quantities at the last close (the start of this round's payoff). */
  held: Vec;
  /** The changes its own actions made to them at once this round: weighed when it chose. */
  foreseen?: Vec;
  /** Usual payoff ρ per quantity (absent before its first payoff). */
  usual?: Vec;
  sums: Record<string, Vec>;
  weights: Record<string, number>;
  eligible: Record<string, number>;
}

export interface ExperienceJSON {
  units: Record<string, number>;
  agents: Record<string, Learner>;
}

/** An option taken this round: by how many, and their surprises summed per quantity. */
interface Taken {
  count: number;
  sums: Vec;
}

/** One agent at the close of a round: its traits and its valued quantities now. */
export interface Closing {
  id: string;
  traits: Traits;
  held: Vec;
  /**
   * The agents it saw play this round (its match group, as a key): it learns from what the others
   * of its circle chose, not from agents playing elsewhere. Without one, from every agent.
   */
  circle?: string;
}

/** An action as its event recorded it: its name and its arguments as applied (bounds included). */
export interface Took {
  round: number;
  action: string;
  args: Readonly<Record<string, number | string>>;
}

/** What a round brought an agent: the actions it took, how its valued quantities moved, and how unusual that was. */
export interface Outcome {
  agent: string;
  /** This round's action events of the agent, in order: what a memory of the choice says (never the option keys). */
  took: Took[];
  changes: Record<string, [number, number]>;
  /** The surprise summed over its quantities, each in units of how much agents' changes in it differ. */
  surprise: number;
}

export class ExperienceBook {
  /** Per quantity: how much agents' changes in it differ from a round's mean change (recency-weighted). */
  private units = new Map<string, number>();
  private agents = new Map<string, Learner>();
  /**
   * Per agent, the actions it took in its latest round of choosing, as recorded: one round's worth
   * at most (a later round's first choice starts afresh; a close empties it), never in checkpoints.
   */
  private taken = new Map<string, Took[]>();

  /**
   * The agent is about to choose: the first time, what it holds now is where its first payoff
   * starts (an agent that never chooses starts at the close of its first round).
   */
  enter(agent: string, held: () => Vec): void {
    if (!this.agents.has(agent)) this.agents.set(agent, newLearner({ ...held() }));
  }

  /**
   * The agent took an option this round (`took`: the action event's record of it), and its own
   * quantities changed by `foreseen` at once.
   */
  chose(agent: string, key: string, foreseen: Vec = {}, took?: Took): void {
    const l = this.agents.get(agent);
    if (!l) return;
    l.eligible[key] = (l.eligible[key] ?? 0) + 1;
    if (took) {
      const before = (this.taken.get(agent) ?? []).filter((t) => t.round === took.round);
      this.taken.set(agent, [...before, { round: took.round, action: took.action, args: { ...took.args } }]);
    }
    for (const [q, x] of Object.entries(foreseen)) {
      if (q in l.held) (l.foreseen ??= {})[q] = (l.foreseen[q] ?? 0) + x;
    }
  }

  /** The mean surprise per quantity after taking `key`, shrunk toward 0 by PRIOR (undefined: never taken nor seen). */
  attraction(agent: string, key: string): Vec | undefined {
    const l = this.agents.get(agent);
    const w = l?.weights[key];
    if (!l || !w) return undefined;
    const out: Vec = {};
    for (const [q, x] of Object.entries(l.sums[key])) out[q] = x / (w + PRIOR);
    return out;
  }

  /** Every option the agent has learned about, with its attraction, in key order. */
  lessons(agent: string): [string, Vec][] {
    const l = this.agents.get(agent);
    if (!l) return [];
    return Object.keys(l.weights)
      .sort()
      .map((k) => [k, this.attraction(agent, k)!]);
  }

  /** Whether the agent has any experience yet. */
  experienced(agent: string): boolean {
    return Object.keys(this.agents.get(agent)?.weights ?? {}).length > 0;
  }

  /**
   * The round is over: every agent's payoff and surprise, credited to the options behind it. The
   * book keeps each `held` (the caller hands over a fresh record). Returns what the round brought
   * the agents whose surprise was at least `memorable` units.
   */
  close(closing: readonly Closing[], memorable = Infinity): Outcome[] {
    if (closing.length !== this.agents.size || closing.some((c) => !this.agents.has(c.id))) this.forgetAbsent(closing);
    const old = closing.filter((c) => this.agents.has(c.id));
    this.updateUnits(old);
    const surprises = new Map<string, Vec>();
    for (const c of old) surprises.set(c.id, surprise(c.held, this.agents.get(c.id)!));
    const seen = this.seenByOption(surprises);
    const seenIn = old.some((c) => c.circle !== undefined) ? this.seenByCircle(old, surprises) : undefined;
    const outcomes: Outcome[] = [];
    for (const c of old) {
      const l = this.agents.get(c.id)!;
      const d = surprises.get(c.id)!;
      const size = this.inUnits(d);
      if (Math.abs(size) >= memorable) {
        outcomes.push({
          agent: c.id,
          took: this.taken.get(c.id) ?? [],
          changes: pairs(l.held, c.held),
          surprise: size,
        });
      }
      this.learn(l, d, c.traits.openness, (c.circle !== undefined && seenIn?.get(c.circle)) || seen);
      l.held = c.held;
      l.foreseen = undefined; // not `delete`: the learner keeps its shape (fast property access)
    }
    for (const c of closing) {
      if (!this.agents.has(c.id)) this.agents.set(c.id, newLearner(c.held));
    }
    this.taken.clear();
    return outcomes;
  }

  /** Agents no longer present are forgotten; those new start at the close (see `close`). */
  private forgetAbsent(closing: readonly Closing[]): void {
    const present = new Set(closing.map((c) => c.id));
    for (const id of [...this.agents.keys()]) if (!present.has(id)) this.agents.delete(id);
  }

  private learn(l: Learner, d: Vec, openness: number, seen: Map<string, Taken>): void {
    for (const k in l.weights) this.learnOption(l, k, d, openness, seen.get(k));
    for (const k in l.eligible) if (!(k in l.weights)) this.learnOption(l, k, d, openness, seen.get(k));
    for (const [k, taken] of seen) if (!(k in l.weights)) this.learnOption(l, k, d, openness, taken);
    for (const k in l.eligible) {
      const e = l.eligible[k] * ELIGIBILITY;
      if (e < FORGOTTEN) delete l.eligible[k];
      else l.eligible[k] = e;
    }
  }

  /** One option's sums and weight moved by this round (the others who took it by openness). */
  private learnOption(l: Learner, k: string, d: Vec, openness: number, taken: Taken | undefined): void {
    const e = l.eligible[k] ?? 0;
    // The others who took k this round, without the agent itself: what it brought them.
    const mine = e >= 1 && taken ? 1 : 0;
    const count = (taken?.count ?? 0) - mine;
    const v = count > 0 ? openness : 0;
    const w = FORGET * (l.weights[k] ?? 0) + e + v;
    if (w < FORGOTTEN) {
      delete l.sums[k];
      delete l.weights[k];
      return;
    }
    const sums = (l.sums[k] ??= {});
    for (const q in d) {
      const theirs = v ? (v * ((taken!.sums[q] ?? 0) - mine * d[q])) / count : 0;
      sums[q] = FORGET * (sums[q] ?? 0) + e * d[q] + theirs;
    }
    l.weights[k] = w;
  }

  /** Per circle, what its members' options brought them (seenByOption within each circle). */
  private seenByCircle(old: readonly Closing[], surprises: Map<string, Vec>): Map<string, Map<string, Taken>> {
    const members = new Map<string, Map<string, Vec>>();
    for (const c of old) {
      if (c.circle === undefined) continue;
      let m = members.get(c.circle);
      if (!m) members.set(c.circle, (m = new Map()));
      m.set(c.id, surprises.get(c.id)!);
    }
    return new Map([...members].map(([circle, m]) => [circle, this.seenByOption(m)]));
  }

  /** Per option taken this round: how many took it and their surprises summed (one pass, not one per agent). */
  private seenByOption(surprises: Map<string, Vec>): Map<string, Taken> {
    const seen = new Map<string, Taken>();
    for (const [id, d] of surprises) {
      const l = this.agents.get(id)!;
      for (const [k, e] of Object.entries(l.eligible)) {
        if (e < 1) continue;
        let t = seen.get(k);
        if (!t) seen.set(k, (t = { count: 0, sums: {} }));
        t.count++;
        for (const [q, x] of Object.entries(d)) t.sums[q] = (t.sums[q] ?? 0) + x;
      }
    }
    return seen;
  }

  /** Each quantity's unit: how much agents' changes in it differ from the round's mean change. */
  private updateUnits(old: readonly Closing[]): void {
    if (!old.length) return;
    for (const q in old[0].held) {
      let sum = 0,
        n = 0;
      for (const c of old) {
        const before = this.agents.get(c.id)!.held[q];
        if (before === undefined) continue;
        sum += c.held[q] - before;
        n++;
      }
      if (!n) continue;
      const m = sum / n;
      let spread = 0;
      for (const c of old) {
        const before = this.agents.get(c.id)!.held[q];
        if (before !== undefined) spread += Math.abs(c.held[q] - before - m);
      }
      spread /= n;
      if (spread <= 0) continue;
      const u = this.units.get(q);
      this.units.set(q, u === undefined ? spread : u + BASELINE_RATE * (spread - u));
    }
  }

  /** A surprise summed over quantities, each in its unit (quantities without one yet left out). */
  private inUnits(d: Vec): number {
    let sum = 0;
    for (const [q, x] of Object.entries(d)) {
      const u = this.units.get(q);
      if (u) sum += x / u;
    }
    return sum;
  }

  toJSON(): ExperienceJSON {
    return { units: Object.fromEntries(this.units), agents: structuredClone(Object.fromEntries(this.agents)) };
  }

  static fromJSON(json: ExperienceJSON | undefined): ExperienceBook {
    const book = new ExperienceBook();
    if (json) {
      book.units = new Map(Object.entries(json.units));
      book.agents = new Map(Object.entries(structuredClone(json.agents)));
    }
    return book;
  }
}

/**
 * How far a payoff is from the agent's usual, per quantity, and the usual moved toward it. The
 * payoff is the change since the last close less what its own actions changed at once. A first
 * payoff surprises nobody: there is nothing of its own to judge it by yet. (Not the others'
 * payoffs: in a shared pot a giver always trails the others of its round, whatever the pot pays,
 * so that comparison would teach every first-timer the same lesson.)
 */
function surprise(now: Vec, l: Learner): Vec {
  const d: Vec = {};
  const usual = (l.usual ??= {});
  for (const q in now) {
    const before = l.held[q];
    if (before === undefined) continue;
    const pi = now[q] - before - (l.foreseen?.[q] ?? 0);
    const u = usual[q];
    d[q] = u === undefined ? 0 : pi - u;
    usual[q] = u === undefined ? pi : u + BASELINE_RATE * (pi - u);
  }
  return d;
}

function pairs(before: Vec, after: Vec): Record<string, [number, number]> {
  const out: Record<string, [number, number]> = nameRecord();
  for (const [q, x] of Object.entries(after)) if (before[q] !== undefined && before[q] !== x) out[q] = [before[q], x];
  return out;
}

/** A learner with every field present from the start: one object shape for all (fast access). */
function newLearner(held: Vec): Learner {
  return { held, foreseen: undefined, usual: undefined, sums: {}, weights: {}, eligible: {} };
}
