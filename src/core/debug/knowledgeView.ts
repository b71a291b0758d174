// What the debugger shows of `knowledge:` and `places:` at a stop: per agent, what it knows, since
// when and from whom, and where it is; for the world, each item's knowers and who is where.
import type { KnowledgeBook, PlaceBook } from '../engine';
import { Lazy } from './lazy';
import { nameRecord } from '../text/nameRecord';

/** An agent's items: `party: "round 3, from Isabella Rodriguez"` (or "from the start"; "doubted"). */
export function knowsOf(book: KnowledgeBook, id: string, nameOf: (id: string) => string): Record<string, string> {
  const out: Record<string, string> = nameRecord();
  for (const item of book.items.keys()) {
    const k = book.of(id, item);
    out[item] = !k
      ? 'does not know'
      : `${k.from === undefined ? `from the start` : `round ${k.round}, from ${nameOf(k.from)}`}${k.believed ? '' : ' (doubted)'}`;
  }
  return out;
}

/** Each item: how many know it of those present, and who (expanded on demand). */
export function knowledgeView(book: KnowledgeBook, present: readonly string[]): Record<string, Lazy> {
  const out: Record<string, Lazy> = nameRecord();
  for (const [id, item] of book.items) {
    const knowers = present.filter((a) => book.knows(a, id));
    const believers = knowers.filter((a) => book.of(a, id)!.believed).length;
    out[id] = new Lazy(
      `${knowers.length} of ${present.length} know (${believers} believe)${item.truth === false ? ', false' : ''}`,
      () => ({ text: item.text, kind: item.kind, knowers }),
    );
  }
  return out;
}

/** Each occupied place: how many are there, and who (expanded on demand); those away last. */
export function placesView(book: PlaceBook, present: readonly string[]): Record<string, Lazy> {
  const out: Record<string, Lazy> = nameRecord();
  for (const p of book.set.places) {
    const here = book.at(p.id);
    if (here.length) out[p.label ?? p.id] = new Lazy(`${here.length} here`, () => here);
  }
  const away = present.filter((a) => book.placeOf(a) === undefined);
  if (away.length) out.away = new Lazy(`${away.length} away`, () => away);
  return out;
}
