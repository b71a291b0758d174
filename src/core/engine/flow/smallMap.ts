// A string-keyed map for a handful of entries (a conversation's recalled memories per member), as
// keys and values in one exact-size array. A `Map` costs ≈ 280 bytes however few entries it holds
// (its hash table starts with room for several). Iteration is in insertion order and a key set again
// keeps its place, as with `Map`. (What agents keep per other agent — ties, meetings, ratings — is in
// the world's pair tables, society/pairTable.ts, no longer in a map per agent.)
// Past LOOKUP entries a key → slot index is kept beside it, so lookups stay O(1) in long runs.

/** Entries past which lookups go through an index instead of a scan. */
const LOOKUP = 12;

export class SmallMap<V> implements ReadonlyMap<string, V> {
  /** key0, value0, key1, value1, … in insertion order; exact size (no spare capacity). */
  private kv: unknown[] = EMPTY;
  private index: Map<string, number> | undefined = undefined;

  static from<V>(entries: Iterable<readonly [string, V]>): SmallMap<V> {
    const m = new SmallMap<V>();
    for (const [k, v] of entries) m.set(k, v);
    return m;
  }

  get size(): number {
    return this.kv.length >> 1;
  }

  private slot(key: string): number {
    if (this.index) return this.index.get(key) ?? -1;
    const kv = this.kv;
    for (let i = 0; i < kv.length; i += 2) if (kv[i] === key) return i;
    return -1;
  }

  get(key: string): V | undefined {
    const i = this.slot(key);
    return i < 0 ? undefined : (this.kv[i + 1] as V);
  }

  has(key: string): boolean {
    return this.slot(key) >= 0;
  }

  set(key: string, value: V): this {
    const i = this.slot(key);
    if (i >= 0) {
      this.kv[i + 1] = value;
      return this;
    }
    const old = this.kv,
      n = old.length;
    // A new exact-size array: `push` would leave room for 16 more entries in every agent's map.
    const kv: unknown[] = new Array(n + 2);
    for (let j = 0; j < n; j++) kv[j] = old[j];
    kv[n] = key;
    kv[n + 1] = value;
    this.kv = kv;
    if (this.index) this.index.set(key, n);
    else if (kv.length >> 1 > LOOKUP) this.reindex();
    return this;
  }

  delete(key: string): boolean {
    const i = this.slot(key);
    if (i < 0) return false;
    this.kv = this.kv.filter((_, j) => j !== i && j !== i + 1);
    if (this.index) this.reindex();
    return true;
  }

  /**
   * Keeps the entries `keep` says yes to and drops the others, in one pass in order (`keep` may
   * change a value it is given; deleting while iterating would skip entries).
   */
  retain(keep: (value: V, key: string) => boolean): void {
    const kv = this.kv;
    let w = 0;
    for (let r = 0; r < kv.length; r += 2) {
      if (!keep(kv[r + 1] as V, kv[r] as string)) continue;
      kv[w] = kv[r];
      kv[w + 1] = kv[r + 1];
      w += 2;
    }
    if (w === kv.length) return;
    this.kv = w ? kv.slice(0, w) : EMPTY;
    if (this.index) this.reindex();
  }

  private reindex(): void {
    if (this.kv.length >> 1 <= LOOKUP) {
      this.index = undefined;
      return;
    }
    const index = new Map<string, number>();
    for (let i = 0; i < this.kv.length; i += 2) index.set(this.kv[i] as string, i);
    this.index = index;
  }

  forEach(fn: (value: V, key: string, map: ReadonlyMap<string, V>) => void): void {
    const kv = this.kv;
    for (let i = 0; i < kv.length; i += 2) fn(kv[i + 1] as V, kv[i] as string, this);
  }

  *entries(): MapIterator<[string, V]> {
    const kv = this.kv;
    for (let i = 0; i < kv.length; i += 2) yield [kv[i] as string, kv[i + 1] as V];
  }

  *keys(): MapIterator<string> {
    const kv = this.kv;
    for (let i = 0; i < kv.length; i += 2) yield kv[i] as string;
  }

  *values(): MapIterator<V> {
    const kv = this.kv;
    for (let i = 0; i < kv.length; i += 2) yield kv[i + 1] as V;
  }

  [Symbol.iterator](): MapIterator<[string, V]> {
    return this.entries();
  }
}

const EMPTY: unknown[] = [];
