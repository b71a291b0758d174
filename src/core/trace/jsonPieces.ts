// JSON.stringify(value) in pieces, for documents too large to hold as one string (a checkpoint of
// 10,000 agents, a report page's embedded trace): the object's fields in order, the lists under
// `streamed` one element at a time, a piece handed out whenever ~`pieceChars` have gathered.
// Joined, the pieces are exactly JSON.stringify(value) for plain data (undefined fields skipped).

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

export function* jsonPieces(
  value: object,
  streamed: string | readonly string[],
  pieceChars = 1 << 20,
): Generator<string> {
  const lists: readonly string[] = typeof streamed === 'string' ? [streamed] : streamed;
  let text = '{',
    first = true;
  for (const [key, field] of Object.entries(value)) {
    if (field === undefined) continue;
    text += `${first ? '' : ','}${JSON.stringify(key)}:`;
    first = false;
    if (!lists.includes(key) || !(Array.isArray(field) || field instanceof StreamedList)) {
      text += JSON.stringify(field);
      continue;
    }
    text += '[';
    let i = 0;
    for (const item of field as Iterable<unknown>) {
      // As JSON.stringify writes an array: a hole or undefined as null.
      text += (i++ ? ',' : '') + (JSON.stringify(item) ?? 'null');
      if (text.length >= pieceChars) {
        yield text;
        text = '';
      }
    }
    text += ']';
  }
  yield text + '}';
}
