// Every memory an agent was ever given, in the order written, with where its `memory` event sits
// in the trace. The replayed stream (replay/replay.ts) holds only what the agent still remembers
// (streams are capped and forget); the ledger keeps the forgotten ones too, so the inspector can
// show the full history and the counts equal the number of `memory` events in the trace.
import type { MemoryRecord, TraceEvent } from '../trace/events';

export interface LedgerEntry {
  agent: string;
  memory: MemoryRecord;
  /** 1-based line of the `memory` event in the trace file, when known. */
  line?: number;
  /** For a reflection: the ids of the memories it was drawn from. */
  evidence?: number[];
}

export class MemoryLedger {
  private readonly byAgent = new Map<string, LedgerEntry[]>();
  private readonly byId = new Map<string, Map<number, LedgerEntry>>();

  add(e: TraceEvent, line?: number): void {
    if (e.type === 'memory') {
      const entry: LedgerEntry = { agent: e.agent, memory: e.memory, ...(line !== undefined ? { line } : {}) };
      let list = this.byAgent.get(e.agent);
      if (!list) {
        list = [];
        this.byAgent.set(e.agent, list);
        this.byId.set(e.agent, new Map());
      }
      list.push(entry);
      this.byId.get(e.agent)!.set(e.memory.id, entry);
    } else if (e.type === 'reflection') {
      const entry = this.byId.get(e.agent)?.get(e.memory);
      if (entry) entry.evidence = e.evidence;
    }
  }

  /** The agent's memories written in rounds ≤ `round`, oldest first. */
  entries(agent: string, round = Infinity): readonly LedgerEntry[] {
    const list = this.byAgent.get(agent) ?? [];
    if (round === Infinity || list.length === 0 || list[list.length - 1].memory.round <= round) return list;
    return list.slice(0, upperBound(list, round));
  }

  /** How many memories the agent was given in rounds ≤ `round` (= its `memory` events). */
  written(agent: string, round = Infinity): number {
    const list = this.byAgent.get(agent) ?? [];
    return round === Infinity ? list.length : upperBound(list, round);
  }

  entry(agent: string, id: number): LedgerEntry | undefined {
    return this.byId.get(agent)?.get(id);
  }
}

/** Index of the first entry written after `round` (entries are in round order). */
function upperBound(list: readonly LedgerEntry[], round: number): number {
  let lo = 0,
    hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid].memory.round <= round) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
