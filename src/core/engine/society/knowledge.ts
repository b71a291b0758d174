// Who knows what (`knowledge:`, issue 44): per agent, the items it knows, when and from whom it
// learned each, and whether it believes it. Items travel only in conversation (engine/phases/meet/
// hearsay.ts); the book is part of the declared state, so checkpoints carry it.
import type { KnowledgeItem } from '../../format';
import { nameRecord } from '../../text/nameRecord';

/** How an agent came to know an item. */
export interface Knowing {
  /** The round it learned it (0: it knew it from the start). */
  round: number;
  /** Who told it (absent: it knew it from the start). */
  from?: string;
  /** False when it doubted what it heard: it knows of it, but does not pass it on. */
  believed: boolean;
}

export type KnowledgeBookJSON = Record<string, Record<string, Knowing>>;

export class KnowledgeBook {
  private readonly known = new Map<string, Map<string, Knowing>>();
  readonly items: ReadonlyMap<string, KnowledgeItem>;

  constructor(items: readonly KnowledgeItem[]) {
    this.items = new Map(items.map((k) => [k.id, k]));
  }

  /** Whether the scenario's start gives `agent` (of `group`) the item: its source, or named in `known_by`. */
  static knownAtStart(item: KnowledgeItem, agent: string, group: string | undefined): boolean {
    return item.source === agent || item.known_by.includes(agent) || (!!group && item.known_by.includes(group));
  }

  of(agent: string, item: string): Knowing | undefined {
    return this.known.get(agent)?.get(item);
  }

  knows(agent: string, item: string): boolean {
    return this.known.get(agent)?.has(item) ?? false;
  }

  /** The items `agent` knows and believes, in declaration order. */
  believedBy(agent: string): KnowledgeItem[] {
    const mine = this.known.get(agent);
    if (!mine) return [];
    const out: KnowledgeItem[] = [];
    for (const item of this.items.values()) if (mine.get(item.id)?.believed) out.push(item);
    return out;
  }

  /** Records that `agent` learned `item`; false (nothing changes) when it already knew it. */
  learn(agent: string, item: string, how: Knowing): boolean {
    let mine = this.known.get(agent);
    if (!mine) this.known.set(agent, (mine = new Map()));
    if (mine.has(item)) return false;
    mine.set(item, how);
    return true;
  }

  /** `{ <item>: true|false }` for every declared item: what `me.knows` reads. */
  row(agent: string): Record<string, boolean> {
    const mine = this.known.get(agent);
    const out: Record<string, boolean> = nameRecord();
    for (const id of this.items.keys()) out[id] = mine?.has(id) ?? false;
    return out;
  }

  remove(agent: string): void {
    this.known.delete(agent);
  }

  toJSON(): KnowledgeBookJSON {
    const out: KnowledgeBookJSON = {};
    for (const [agent, mine] of this.known) out[agent] = Object.fromEntries([...mine].map(([k, v]) => [k, { ...v }]));
    return out;
  }

  static fromJSON(items: readonly KnowledgeItem[], json: KnowledgeBookJSON): KnowledgeBook {
    const book = new KnowledgeBook(items);
    for (const [agent, mine] of Object.entries(json)) {
      book.known.set(agent, new Map(Object.entries(mine).map(([k, v]) => [k, { ...v }])));
    }
    return book;
  }
}
