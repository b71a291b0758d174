// Who knows what over a run (scenarios with `knowledge:`), from its `learned` events: per item,
// the share of the agents present who know it at the end of each round, how many believe it at
// the end, and who told it most — what the report's "Who knows what" section draws.
import type { TraceEvent } from '../../trace/events';
import { Knowers } from '../../trace/knowers';

export interface KnowledgeSeries {
  rounds: number[];
  /** Per item, the share of those present who know it, per round. */
  share: Record<string, number[]>;
  /** Per item at the last round: knowers, believers, those present, and the tellers by how many they told. */
  end: Record<
    string,
    { known: number; believed: number; present: number; atStart: number; tellers: [string, number][] }
  >;
}

export class KnowledgeCollector {
  private readonly knowers = new Knowers();
  private readonly atStart = new Map<string, number>();
  private readonly told = new Map<string, Map<string, number>>();
  private readonly series: KnowledgeSeries = { rounds: [], share: {}, end: {} };

  add(e: TraceEvent): void {
    this.knowers.add(e);
    if (e.type === 'learned') {
      if (e.from === undefined) this.atStart.set(e.item, (this.atStart.get(e.item) ?? 0) + 1);
      else {
        let t = this.told.get(e.item);
        if (!t) this.told.set(e.item, (t = new Map()));
        t.set(e.from, (t.get(e.from) ?? 0) + 1);
      }
    } else if (e.type === 'round_end') {
      this.series.rounds.push(e.round);
      for (const item of this.knowers.items()) {
        const s = (this.series.share[item] ??= this.series.rounds.slice(0, -1).map(() => 0));
        s.push(this.knowers.share(item));
      }
    }
  }

  /** Undefined when the run has no knowledge (no `learned` event). */
  finish(upTo: number): KnowledgeSeries | undefined {
    const items = this.knowers.items();
    if (!items.length) return undefined;
    const keep = this.series.rounds.filter((r) => r <= upTo).length;
    const end: KnowledgeSeries['end'] = {};
    for (const item of items) {
      end[item] = {
        known: this.knowers.known(item),
        believed: this.knowers.believed(item),
        present: this.knowers.present.size,
        atStart: this.atStart.get(item) ?? 0,
        tellers: [...(this.told.get(item) ?? [])].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)),
      };
    }
    return {
      rounds: this.series.rounds.slice(0, keep),
      share: Object.fromEntries(Object.entries(this.series.share).map(([k, v]) => [k, v.slice(0, keep)])),
      end,
    };
  }
}
