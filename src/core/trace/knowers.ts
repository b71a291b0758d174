// Who knows which knowledge item (`knowledge:`) as a trace tells it: the agents present and, per
// item, who learned it and whether they believe it. Read by the run report's "Who knows what" and
// by experiments' knowledge outcomes, so both count the same way.
import type { TraceEvent } from './events';

export class Knowers {
  readonly present = new Set<string>();
  /** item → agent → believed. */
  private readonly byItem = new Map<string, Map<string, boolean>>();

  constructor(items: readonly string[] = []) {
    for (const id of items) this.byItem.set(id, new Map());
  }

  /** Takes in an event; the learned, joining and leaving ones change what it says. */
  add(e: TraceEvent): void {
    if (e.type === 'agent_added') this.present.add(e.agent.id);
    else if (e.type === 'agent_removed') {
      this.present.delete(e.agent);
      for (const m of this.byItem.values()) m.delete(e.agent);
    } else if (e.type === 'learned') {
      let m = this.byItem.get(e.item);
      if (!m) this.byItem.set(e.item, (m = new Map()));
      m.set(e.agent, e.believed);
    }
  }

  /** The items seen or declared, in that order. */
  items(): string[] {
    return [...this.byItem.keys()];
  }

  known(item: string): number {
    return this.byItem.get(item)?.size ?? 0;
  }

  believed(item: string): number {
    let n = 0;
    for (const b of this.byItem.get(item)?.values() ?? []) if (b) n++;
    return n;
  }

  /** The share of those present who know it (0 with nobody present). */
  share(item: string): number {
    return this.present.size ? this.known(item) / this.present.size : 0;
  }
}
