// What the debugger shows of `knowledge:` at a stop: per agent, what it knows, since when and from
// whom; for the world, each item's knowers and how many believe it.
import type { KnowledgeBook } from '../engine';
import { Lazy } from './lazy';

/** An agent's items: `party: "round 3, from Isabella Rodriguez"` (or "from the start"; "doubted"). */
export function knowsOf(book: KnowledgeBook, id: string, nameOf: (id: string) => string): Record<string, string> {
  const out: Record<string, string> = {};
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
  const out: Record<string, Lazy> = {};
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
