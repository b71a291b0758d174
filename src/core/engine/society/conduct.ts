// What each agent's last action did to everyone else, and what everyone else's did to it: the
// building block for norms in the offline model (llm/offline/act.ts). An action's *footprint* is
// the sum of the changes it made to world quantities and to other agents' quantities (in their
// own units; valued ones only: a tally written on someone is neither given nor taken): taking
// fish from the lake is negative, a donation positive. *Conduct* is the footprint relative to the
// round's largest (−1..1), shown to others, so they can reward those who give and sanction those
// who take; *pressure* is what others' actions took from an agent, relative to the round's most
// (0..1), so a sanctioned agent feels it. Taking from an agent whose conduct was negative (a
// sanction) does not count against the one who takes.
import type { ActionEvent } from '../../trace/events';
import { maxOf } from '../../stats/extremes';
import type { Division, Effort } from './division';

export interface ConductJSON {
  conduct: Record<string, number>;
  pressure: Record<string, number>;
  last?: Record<string, string>;
  /** Per agent, the number arguments of each action it took, the latest time it took it (what conditional cooperators match). */
  last_args?: Record<string, Record<string, Record<string, number>>>;
  /** Per agent, the round of its latest action (whether a kindness is of this round, not yet answered). */
  acted_in?: Record<string, number>;
  /** Per agent, its latest division (division.ts): what third parties hold to an equal split. */
  divisions?: Record<string, Division>;
  /** Per agent, its latest contribution to a common effort (division.ts). */
  efforts?: Record<string, Effort>;
}

export class ConductBook {
  private conduct = new Map<string, number>();
  private pressure = new Map<string, number>();
  private footprints = new Map<string, number>();
  private taken = new Map<string, number>();
  /** This phase's applied changes per agent (what foresight reads at the phase's end: conductForeseen.ts). */
  private applied = new Map<string, Record<string, [number, number]>>();
  private last = new Map<string, string>();
  private doing = new Map<string, string>();
  /** The largest |footprint| so far this round (−1: not worked out since the last action). */
  private mostNow = -1;
  /** norm() since the last action (NaN: not worked out). */
  private normNow = NaN;
  private lastArgs = new Map<string, Record<string, Record<string, number>>>();
  private doingArgs = new Map<string, Record<string, Record<string, number>>>();
  private actedIn = new Map<string, number>();
  private divisions = new Map<string, Division>();
  private efforts = new Map<string, Effort>();

  /**
   * Notes one applied action of this round. `valued` says which changes count: a tally or a
   * category (`valued: false`, `labels`) is nothing given or taken, so it makes no conduct or pressure.
   */
  add(e: ActionEvent, valued: (key: string) => boolean): void {
    let footprint = 0;
    for (const [key, [before, after]] of Object.entries(e.changes)) {
      const owner = key.slice(0, key.indexOf('.'));
      if (owner === e.agent || !valued(key)) continue;
      // Taking from someone whose latest conduct fell below the others' (a sanction) is not held against the taker.
      const sanction = owner !== 'world' && after < before && this.conductOf(owner) < Math.max(0, this.norm());
      if (!sanction) footprint += after - before;
      if (owner !== 'world' && after < before) this.taken.set(owner, (this.taken.get(owner) ?? 0) + before - after);
    }
    this.footprints.set(e.agent, (this.footprints.get(e.agent) ?? 0) + footprint);
    const applied = this.applied.get(e.agent) ?? Object.create(null);
    for (const [key, [before, after]] of Object.entries(e.changes)) {
      const had = applied[key] as [number, number] | undefined;
      applied[key] = [had ? had[0] : before, after];
    }
    this.applied.set(e.agent, applied);
    this.mostNow = -1;
    this.normNow = NaN;
    this.doing.set(e.agent, e.action);
    this.actedIn.set(e.agent, e.round);
    const numbers: Record<string, number> = Object.create(null);
    let any = false;
    for (const [name, value] of Object.entries(e.args)) {
      if (typeof value === 'number' && Number.isFinite(value)) {
        numbers[name] = value;
        any = true;
      }
    }
    if (any) {
      const byAction = this.doingArgs.get(e.agent) ?? Object.create(null);
      byAction[e.action] = numbers;
      this.doingArgs.set(e.agent, byAction);
    }
  }

  /** Notes an agent's division (division.ts): its latest, judged by those it was not divided among. */
  divided(id: string, division: Division): void {
    this.divisions.set(id, division);
  }

  /** Notes an agent's contribution to a common effort (division.ts). */
  contributed(id: string, effort: Effort): void {
    this.efforts.set(id, effort);
  }

  /** An agent's latest contribution to a common effort, if it made one. */
  effortOf(id: string): Effort | undefined {
    return this.efforts.get(id);
  }

  /** Every agent's latest contribution to a common effort. */
  allEfforts(): ReadonlyMap<string, Effort> {
    return this.efforts;
  }

  /** An agent's latest division, if it made one. */
  divisionOf(id: string): Division | undefined {
    return this.divisions.get(id);
  }

  /** Each agent's changes in the phase under way, `<owner>.<q>` → [before, after]. */
  phaseChanges(): ReadonlyMap<string, Readonly<Record<string, [number, number]>>> {
    return this.applied;
  }

  /**
   * Adds to an agent's footprint what its action brings the others at the round's close through
   * the world's updates (a share paid out of a pool, a yield the pool's crowding cuts): conduct
   * others can reward or sanction, however the scenario pays it.
   */
  addForeseen(id: string, footprint: number): void {
    if (!footprint || !this.footprints.has(id)) return;
    this.footprints.set(id, this.footprints.get(id)! + footprint);
    this.mostNow = -1;
    this.normNow = NaN;
  }

  /** The round's actions are all in: conduct and pressure for the next round. */
  close(): void {
    this.applied = new Map();
    const most = Math.max(0, maxOf([...this.footprints.values()].map(Math.abs)));
    this.conduct = new Map([...this.footprints].map(([id, f]) => [id, most > 0 ? f / most : 0]));
    const hardest = Math.max(0, maxOf(this.taken.values()));
    this.pressure = new Map([...this.taken].map(([id, t]) => [id, hardest > 0 ? t / hardest : 0]));
    this.footprints = new Map();
    this.mostNow = -1;
    this.normNow = NaN;
    this.taken = new Map();
    this.last = this.doing;
    this.doing = new Map();
    // Merged, not replaced: a phase whose actions take no numbers (a sanction phase after the
    // giving) leaves what each agent last gave in view, as people remember what others gave.
    for (const [id, byAction] of this.doingArgs) {
      const merged: Record<string, Record<string, number>> = Object.create(null);
      Object.assign(merged, this.lastArgs.get(id), byAction);
      this.lastArgs.set(id, merged);
    }
    this.doingArgs = new Map();
  }

  /** The mean latest conduct: this round's so far, else last round's. */
  norm(): number {
    if (!Number.isNaN(this.normNow)) return this.normNow;
    this.normNow = this.meanConduct();
    return this.normNow;
  }

  private meanConduct(): number {
    const xs = this.footprints.size ? [...this.footprints.keys()] : [...this.conduct.keys()];
    if (!xs.length) return 0;
    let sum = 0;
    for (const id of xs) sum += this.conductOf(id);
    return sum / xs.length;
  }

  /** Whether an agent has acted in the phase under way (its changes are in the state already). */
  actedThisPhase(id: string): boolean {
    return this.doing.has(id);
  }

  /** How many agents have acted in the phase under way. */
  actedCount(): number {
    return this.doing.size;
  }

  /** The action an agent took last round. */
  lastActionOf(id: string): string | undefined {
    return this.last.get(id);
  }

  /** The number arguments of each action an agent took last round (none when none had any). */
  lastArgsOf(id: string): Record<string, Record<string, number>> | undefined {
    return this.lastArgs.get(id);
  }

  /**
   * An agent's latest conduct: this round's, once it has acted in an earlier phase of it (a
   * sanction phase judges the giving just done, as people sanction the contributions they just
   * saw: Fehr & Gächter 2002), else last round's.
   */
  conductOf(id: string): number {
    const now = this.footprints.get(id);
    if (now !== undefined) {
      if (this.mostNow < 0) this.mostNow = Math.max(0, maxOf([...this.footprints.values()].map(Math.abs)));
      return this.mostNow > 0 ? now / this.mostNow : 0;
    }
    return this.conduct.get(id) ?? 0;
  }

  /** An agent's latest conduct as another sees it in `round`: marked `conduct_now` when it is of that round, not answered yet. */
  seenIn(id: string, round: number): { conduct: number; conduct_now?: true } {
    const conduct = this.conductOf(id);
    return this.actedIn.get(id) === round ? { conduct, conduct_now: true } : { conduct };
  }

  pressureOn(id: string): number {
    return this.pressure.get(id) ?? 0;
  }

  toJSON(): ConductJSON {
    return {
      conduct: Object.fromEntries(this.conduct),
      pressure: Object.fromEntries(this.pressure),
      last: Object.fromEntries(this.last),
      ...(this.lastArgs.size ? { last_args: Object.fromEntries(this.lastArgs) } : {}),
      ...(this.actedIn.size ? { acted_in: Object.fromEntries(this.actedIn) } : {}),
      ...(this.divisions.size ? { divisions: Object.fromEntries(this.divisions) } : {}),
      ...(this.efforts.size ? { efforts: Object.fromEntries(this.efforts) } : {}),
    };
  }

  static fromJSON(json: ConductJSON | undefined): ConductBook {
    const book = new ConductBook();
    if (json) {
      book.conduct = new Map(Object.entries(json.conduct));
      book.pressure = new Map(Object.entries(json.pressure));
      book.last = new Map(Object.entries(json.last ?? {}));
      book.lastArgs = new Map(Object.entries(json.last_args ?? {}));
      book.actedIn = new Map(Object.entries(json.acted_in ?? {}));
      book.divisions = new Map(Object.entries(json.divisions ?? {}));
      book.efforts = new Map(Object.entries(json.efforts ?? {}));
    }
    return book;
  }
}
