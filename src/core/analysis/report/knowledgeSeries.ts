// Who knows what over a run (scenarios with `knowledge:`), from its `learned` events: per item,
// the share of the agents present who know it at the end of each round, how many believe it at
// the end, and who told it most — what the report's "Who knows what" section draws.
import type { TraceEvent } from '../../trace/events';

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
  private readonly present = new Set<string>();
  private readonly knows = new Map<string, Map<string, boolean>>();
  private readonly atStart = new Map<string, number>();
  private readonly told = new Map<string, Map<string, number>>();
  private readonly series: KnowledgeSeries = { rounds: [], share: {}, end: {} };

  add(e: TraceEvent): void {
    if (e.type === 'agent_added') this.present.add(e.agent.id);
    else if (e.type === 'agent_removed') {
      this.present.delete(e.agent);
      for (const m of this.knows.values()) m.delete(e.agent);
    } else if (e.type === 'learned') {
      let m = this.knows.get(e.item);
      if (!m) this.knows.set(e.item, (m = new Map()));
      m.set(e.agent, e.believed);
      if (e.from === undefined) this.atStart.set(e.item, (this.atStart.get(e.item) ?? 0) + 1);
      else {
        let t = this.told.get(e.item);
        if (!t) this.told.set(e.item, (t = new Map()));
        t.set(e.from, (t.get(e.from) ?? 0) + 1);
      }
    } else if (e.type === 'round_end') {
      this.series.rounds.push(e.round);
      const n = this.present.size;
      for (const [item, m] of this.knows) {
        const s = (this.series.share[item] ??= this.series.rounds.slice(0, -1).map(() => 0));
        s.push(n ? m.size / n : 0);
      }
    }
  }

  /** Undefined when the run has no knowledge (no `learned` event). */
  finish(upTo: number): KnowledgeSeries | undefined {
    if (!this.knows.size) return undefined;
    const keep = this.series.rounds.filter((r) => r <= upTo).length;
    const end: KnowledgeSeries['end'] = {};
    for (const [item, m] of this.knows) {
      end[item] = {
        known: m.size,
        believed: [...m.values()].filter((b) => b).length,
        present: this.present.size,
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
