// JSON.stringify(value) in pieces, for documents too large to hold as one string (a checkpoint of
// a million agents, a report page's embedded trace): the object's fields in order, lists and
// records one element at a time, a piece handed out whenever ~`pieceChars` have gathered.
// Streamed are: the arrays under the `streamed` keys of the top object, every StreamedList and
// StreamedRecord, and the fields of a plain object that holds either of those. Joined, the pieces
// are exactly JSON.stringify(value) for plain data (undefined fields skipped as it does).

/**
 * A list whose elements are made as they are read, so a document that holds it is never whole in
 * memory (a million agents' checkpoint JSON made at once was ≈ 1.5 GB of a run's peak). Its JSON
 * is the array of its elements, so JSON.stringify and jsonPieces write the same text.
 */
export class StreamedList<T> implements Iterable<T> {
  constructor(private readonly items: () => Iterable<T>) {}

  [Symbol.iterator](): Iterator<T> {
    return this.items()[Symbol.iterator]();
  }

  /** The same list with each element passed through `f` as it is read. */
  map<U>(f: (t: T) => U): StreamedList<U> {
    const items = this.items;
    return new StreamedList(function* () {
      for (const t of items()) yield f(t);
    });
  }

  toJSON(): T[] {
    return [...this.items()];
  }
}

/** An array index as a JavaScript object orders it: such keys come first, ascending. */
const INDEX_KEY = /^(?:0|[1-9]\d{0,9})$/;
const isIndexKey = (k: string): boolean => INDEX_KEY.test(k) && Number(k) < 4294967295;

/**
 * A record whose entries are made as they are read (a usage book's million agents). It is written
 * in the order JSON.stringify writes the object Object.fromEntries would make of the entries:
 * array-index keys first, ascending, then the others as given. Keys must be distinct.
 */
export class StreamedRecord<V> {
  constructor(private readonly entries: () => Iterable<readonly [string, V]>) {}

  *ordered(): Generator<readonly [string, V]> {
    const indexed: (readonly [string, V])[] = [];
    for (const e of this.entries()) if (isIndexKey(e[0])) indexed.push(e);
    indexed.sort((a, b) => Number(a[0]) - Number(b[0]));
    yield* indexed;
    for (const e of this.entries()) if (!isIndexKey(e[0])) yield e;
  }

  toJSON(): Record<string, V> {
    return Object.fromEntries(this.entries());
  }
}

const streams = (v: unknown): boolean => v instanceof StreamedList || v instanceof StreamedRecord;

/** A plain object (no toJSON, no class; a nameRecord() has no prototype) with a streamed value among its own fields. */
function holdsStreamed(v: unknown): v is Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const proto: unknown = Object.getPrototypeOf(v);
  if (proto !== Object.prototype && proto !== null) return false;
  for (const k in v) if (streams((v as Record<string, unknown>)[k])) return true;
  return false;
}

export function* jsonPieces(
  value: object,
  streamed: string | readonly string[] = [],
  pieceChars = 1 << 20,
): Generator<string> {
  const lists: readonly string[] = typeof streamed === 'string' ? [streamed] : streamed;
  let text = '';
  // Each writer adds to `text` and hands it out when it is long enough.
  function* flush(): Generator<string> {
    if (text.length < pieceChars) return;
    yield text;
    text = '';
  }
  function* items(list: Iterable<unknown>): Generator<string, true> {
    text += '[';
    let i = 0;
    for (const item of list) {
      if (i++) text += ',';
      // As JSON.stringify writes an array: undefined (or a function) as null.
      yield* write(item, 'null');
      yield* flush();
    }
    text += ']';
    return true;
  }
  function* fields(entries: Iterable<readonly [string, unknown]>, top: boolean): Generator<string, true> {
    text += '{';
    let first = true;
    for (const [key, field] of entries) {
      if (field === undefined) continue;
      const start = text.length;
      text += `${first ? '' : ','}${JSON.stringify(key)}:`;
      const wrote = top && lists.includes(key) && Array.isArray(field) ? yield* items(field) : yield* write(field, '');
      // A field JSON.stringify leaves out (a function): its key goes too (nothing was handed out).
      if (wrote) first = false;
      else text = text.slice(0, start);
      yield* flush();
    }
    text += '}';
    return true;
  }
  /** Writes `v` (or `absent` where JSON.stringify writes nothing) and says whether anything was written. */
  function* write(v: unknown, absent: string): Generator<string, boolean> {
    if (v instanceof StreamedList) return yield* items(v);
    if (v instanceof StreamedRecord) return yield* fields(v.ordered(), false);
    if (holdsStreamed(v)) return yield* fields(Object.entries(v), false);
    const json = (JSON.stringify(v) as string | undefined) ?? absent;
    text += json;
    return json !== '';
  }
  yield* fields(Object.entries(value), true);
  yield text;
}
