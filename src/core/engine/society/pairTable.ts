// Directed (holder, other) pairs of agents in flat typed arrays, for what an agent keeps per other
// agent: ties, meetings, ratings. A `Map` or array per agent costs hundreds of bytes of heap objects
// the collector must mark; here a million agents' pairs are a handful of typed arrays. Agents are
// integers from an `AgentIndex` shared by the tables of a world.
//
// Order is exactly that of a `Map<holder, Map<other, value>>` whose emptied inner maps are deleted:
// holders in the order they got their first pair (a holder left with none drops out and goes to the
// end when it returns), each holder's pairs in insertion order, a pair set again keeps its place,
// deleted pairs are gone. Proposals, introductions, coaching and tie decay iterate in this order and
// the trace depends on it. Pairs are linked lists threaded through the columns (per holder, and
// holders among themselves); lookups go through an open-addressing hash of (holder, other).

/** Agent ids ↔ dense integers. Ids are never forgotten (a departed agent's number is not reused). */
export class AgentIndex {
  private readonly byId = new Map<string, number>();
  readonly ids: string[] = [];

  /** The agent's number, given one if it has none yet. */
  of(id: string): number {
    let i = this.byId.get(id);
    if (i === undefined) {
      i = this.ids.length;
      this.byId.set(id, i);
      this.ids.push(id);
    }
    return i;
  }

  /** The agent's number, or -1 if it never had one. */
  find(id: string): number {
    return this.byId.get(id) ?? -1;
  }

  get size(): number {
    return this.ids.length;
  }
}

const NONE = -1;

/** The pair structure; subclasses add value columns (grown with `resize`). */
export abstract class PairTable {
  /** Entries (pairs): holder, other, and their neighbours in the holder's list. */
  protected holderOf = new Int32Array(0);
  protected otherOf = new Int32Array(0);
  private next = new Int32Array(0);
  private prev = new Int32Array(0);
  /** Entries ever used (the rest are unused); freed ones are chained through `next` from `free`. */
  private used = 0;
  private free = NONE;
  private live = 0;
  /** Per agent number: its first and last entry as holder, its count, and its neighbours among holders. */
  private head = new Int32Array(0);
  private tail = new Int32Array(0);
  private degreeOf = new Int32Array(0);
  private holderNext = new Int32Array(0);
  private holderPrev = new Int32Array(0);
  private firstHolder = NONE;
  private lastHolder = NONE;
  /** Open addressing, linear probing: entry or NONE; at most half full. */
  private slots = new Int32Array(16).fill(NONE);

  constructor(readonly agents: AgentIndex = new AgentIndex()) {}

  /** Grow the value columns to `capacity` entries, keeping the first `used`. */
  protected abstract resize(capacity: number, used: number): void;

  /** Number of pairs. */
  get size(): number {
    return this.live;
  }

  /** Entries room is kept for (freed ones are reused before it grows). */
  get capacity(): number {
    return this.holderOf.length;
  }

  /** The entry of (holder, other), or -1. */
  find(holder: number, other: number): number {
    if (holder < 0 || other < 0) return NONE;
    const slots = this.slots,
      mask = slots.length - 1;
    for (let i = hash(holder, other) & mask; ; i = (i + 1) & mask) {
      const e = slots[i];
      if (e === NONE) return NONE;
      if (this.holderOf[e] === holder && this.otherOf[e] === other) return e;
    }
  }

  /** A new entry for (holder, other), which must not have one, at the end of the holder's list. */
  add(holder: number, other: number): number {
    this.fitAgents(Math.max(holder, other) + 1);
    let e = this.free;
    if (e !== NONE) this.free = this.next[e];
    else {
      if (this.used === this.holderOf.length) this.growEntries();
      e = this.used++;
    }
    this.holderOf[e] = holder;
    this.otherOf[e] = other;
    this.next[e] = NONE;
    const last = this.degreeOf[holder] === 0 ? NONE : this.tail[holder];
    this.prev[e] = last;
    if (this.degreeOf[holder]++ === 0) {
      this.head[holder] = e;
      this.holderPrev[holder] = this.lastHolder;
      this.holderNext[holder] = NONE;
      if (this.lastHolder === NONE) this.firstHolder = holder;
      else this.holderNext[this.lastHolder] = holder;
      this.lastHolder = holder;
    } else this.next[last] = e;
    this.tail[holder] = e;
    if (++this.live * 2 > this.slots.length) this.rehash(this.slots.length * 2);
    else this.place(e);
    return e;
  }

  /** Remove an entry; a holder left with none drops out of the holder order. */
  remove(e: number): void {
    const h = this.holderOf[e],
      p = this.prev[e],
      n = this.next[e];
    if (p === NONE) this.head[h] = n;
    else this.next[p] = n;
    if (n === NONE) this.tail[h] = p;
    else this.prev[n] = p;
    if (--this.degreeOf[h] === 0) {
      const hp = this.holderPrev[h],
        hn = this.holderNext[h];
      if (hp === NONE) this.firstHolder = hn;
      else this.holderNext[hp] = hn;
      if (hn === NONE) this.lastHolder = hp;
      else this.holderPrev[hn] = hp;
    }
    this.unplace(e);
    this.next[e] = this.free;
    this.free = e;
    this.live--;
  }

  /** Remove every pair held by an agent. */
  removeHolder(holder: number): void {
    if (holder < 0 || holder >= this.degreeOf.length) return;
    for (let e = this.head[holder], n; this.degreeOf[holder] > 0; e = n) {
      n = this.next[e];
      this.remove(e);
    }
  }

  /** Remove every pair an agent holds, then every pair others hold to it (holders in order). */
  removeAgent(agent: number): void {
    if (agent < 0) return;
    this.removeHolder(agent);
    for (let h = this.firstHolder, hn; h !== NONE; h = hn) {
      hn = this.holderNext[h];
      const e = this.find(h, agent);
      if (e !== NONE) this.remove(e);
    }
  }

  /** Pairs an agent holds. */
  degree(holder: number): number {
    return holder >= 0 && holder < this.degreeOf.length ? this.degreeOf[holder] : 0;
  }

  // Walking, without allocating: for (h = firstHolderNo(); h >= 0; h = nextHolderNo(h))
  //   for (e = firstOf(h); e >= 0; e = nextOf(e)) … (read nextOf(e) before removing e).
  firstHolderNo(): number {
    return this.firstHolder;
  }
  nextHolderNo(holder: number): number {
    return this.holderNext[holder];
  }
  firstOf(holder: number): number {
    return this.degree(holder) > 0 ? this.head[holder] : NONE;
  }
  nextOf(e: number): number {
    return this.next[e];
  }
  otherAt(e: number): number {
    return this.otherOf[e];
  }
  holderAt(e: number): number {
    return this.holderOf[e];
  }

  private fitAgents(n: number): void {
    if (n <= this.head.length) return;
    // Room for every agent interned so far (a world interns its agents as they join), else doubling.
    const cap = Math.max(n, this.agents.size, this.head.length * 2, 16);
    this.head = grown(this.head, cap);
    this.tail = grown(this.tail, cap);
    this.degreeOf = grown(this.degreeOf, cap);
    this.holderNext = grown(this.holderNext, cap);
    this.holderPrev = grown(this.holderPrev, cap);
  }

  private growEntries(): void {
    const cap = Math.max(16, this.holderOf.length * 2);
    this.holderOf = grown(this.holderOf, cap);
    this.otherOf = grown(this.otherOf, cap);
    this.next = grown(this.next, cap);
    this.prev = grown(this.prev, cap);
    this.resize(cap, this.used);
  }

  private place(e: number): void {
    const slots = this.slots,
      mask = slots.length - 1;
    let i = hash(this.holderOf[e], this.otherOf[e]) & mask;
    while (slots[i] !== NONE) i = (i + 1) & mask;
    slots[i] = e;
  }

  /** Take an entry out of the hash, shifting later entries of its probe run back (no tombstones). */
  private unplace(e: number): void {
    const slots = this.slots,
      mask = slots.length - 1;
    let i = hash(this.holderOf[e], this.otherOf[e]) & mask;
    while (slots[i] !== e) i = (i + 1) & mask;
    for (let j = (i + 1) & mask; slots[j] !== NONE; j = (j + 1) & mask) {
      const k = hash(this.holderOf[slots[j]], this.otherOf[slots[j]]) & mask;
      // Move slots[j] back to i unless its home lies cyclically in (i, j].
      if (i <= j ? k <= i || k > j : k <= i && k > j) {
        slots[i] = slots[j];
        i = j;
      }
    }
    slots[i] = NONE;
  }

  private rehash(size: number): void {
    this.slots = new Int32Array(size).fill(NONE);
    for (let h = this.firstHolder; h !== NONE; h = this.holderNext[h]) {
      for (let e = this.head[h]; e !== NONE; e = this.next[e]) this.place(e);
    }
  }
}

function hash(holder: number, other: number): number {
  let x = Math.imul(holder, 0x9e3779b1) ^ other;
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
}

export function grown<T extends Int32Array | Float64Array>(a: T, capacity: number): T {
  const b = new (a.constructor as new (n: number) => T)(capacity);
  b.set(a);
  return b;
}

/**
 * One number per pair, by agent id: whom an agent met and how often (`Int32Array`), or the last
 * rating each partner gave it (`Float64Array`).
 */
export class PairNumbers extends PairTable {
  private values: Int32Array | Float64Array;

  constructor(kind: 'int' | 'float', agents?: AgentIndex) {
    super(agents);
    this.values = kind === 'int' ? new Int32Array(0) : new Float64Array(0);
  }

  protected resize(capacity: number): void {
    this.values = grown(this.values, capacity);
  }

  get(holder: string, other: string): number | undefined {
    const e = this.find(this.agents.find(holder), this.agents.find(other));
    return e < 0 ? undefined : this.values[e];
  }

  has(holder: string, other: string): boolean {
    return this.find(this.agents.find(holder), this.agents.find(other)) >= 0;
  }

  /** Sets the number (a pair set again keeps its place). */
  set(holder: string, other: string, value: number): void {
    const h = this.agents.of(holder),
      o = this.agents.of(other);
    let e = this.find(h, o);
    if (e < 0) e = this.add(h, o);
    this.values[e] = value;
  }

  delete(holder: string, other: string): boolean {
    const e = this.find(this.agents.find(holder), this.agents.find(other));
    if (e < 0) return false;
    this.remove(e);
    return true;
  }

  /** Pairs the agent holds. */
  sizeOf(holder: string): number {
    return this.degree(this.agents.find(holder));
  }

  /** The agent's pairs in order, as (value, other) like `Map.forEach`. */
  forEachOf(holder: string, fn: (value: number, other: string) => void): void {
    const ids = this.agents.ids;
    for (let e = this.firstOf(this.agents.find(holder)), n; e >= 0; e = n) {
      n = this.nextOf(e);
      fn(this.values[e], ids[this.otherAt(e)]);
    }
  }

  /** The agent's pairs as [other, value], in order (checkpoints). */
  entriesOf(holder: string): [string, number][] {
    const out: [string, number][] = [];
    this.forEachOf(holder, (v, o) => out.push([o, v]));
    return out;
  }

  /** Forget what the agent holds. */
  forget(holder: string): void {
    this.removeHolder(this.agents.find(holder));
  }

  /** Forget what the agent holds and what others hold about it. */
  removeAgentId(id: string): void {
    this.removeAgent(this.agents.find(id));
  }
}
