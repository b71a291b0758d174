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

export interface ConductJSON {
  conduct: Record<string, number>;
  pressure: Record<string, number>;
  last?: Record<string, string>;
}

export class ConductBook {
  private conduct = new Map<string, number>();
  private pressure = new Map<string, number>();
  private footprints = new Map<string, number>();
  private taken = new Map<string, number>();
  private last = new Map<string, string>();
  private doing = new Map<string, string>();

  /**
   * Notes one applied action of this round. `valued` says which changes count: a tally or a
   * category (`valued: false`, `labels`) is nothing given or taken, so it makes no conduct or pressure.
   */
  add(e: ActionEvent, valued: (key: string) => boolean): void {
    let footprint = 0;
    for (const [key, [before, after]] of Object.entries(e.changes)) {
      const owner = key.slice(0, key.indexOf('.'));
      if (owner === e.agent || !valued(key)) continue;
      // Taking from someone whose own last action took (a sanction) is not held against the taker.
      const sanction = owner !== 'world' && after < before && this.conductOf(owner) < 0;
      if (!sanction) footprint += after - before;
      if (owner !== 'world' && after < before) this.taken.set(owner, (this.taken.get(owner) ?? 0) + before - after);
    }
    this.footprints.set(e.agent, (this.footprints.get(e.agent) ?? 0) + footprint);
    this.doing.set(e.agent, e.action);
  }

  /** The round's actions are all in: conduct and pressure for the next round. */
  close(): void {
    const most = Math.max(0, ...[...this.footprints.values()].map(Math.abs));
    this.conduct = new Map([...this.footprints].map(([id, f]) => [id, most > 0 ? f / most : 0]));
    const hardest = Math.max(0, ...this.taken.values());
    this.pressure = new Map([...this.taken].map(([id, t]) => [id, hardest > 0 ? t / hardest : 0]));
    this.footprints = new Map();
    this.taken = new Map();
    this.last = this.doing;
    this.doing = new Map();
  }

  /** The action an agent took last round. */
  lastActionOf(id: string): string | undefined {
    return this.last.get(id);
  }

  conductOf(id: string): number {
    return this.conduct.get(id) ?? 0;
  }

  pressureOn(id: string): number {
    return this.pressure.get(id) ?? 0;
  }

  toJSON(): ConductJSON {
    return {
      conduct: Object.fromEntries(this.conduct),
      pressure: Object.fromEntries(this.pressure),
      last: Object.fromEntries(this.last),
    };
  }

  static fromJSON(json: ConductJSON | undefined): ConductBook {
    const book = new ConductBook();
    if (json) {
      book.conduct = new Map(Object.entries(json.conduct));
      book.pressure = new Map(Object.entries(json.pressure));
      book.last = new Map(Object.entries(json.last ?? {}));
    }
    return book;
  }
}
