// Survey items' questions by instrument and item id, from a trace header's `instruments`, for
// every view that shows answers (the trace table, the memory inspector). The header may come from
// any file, so its shape is checked here and nothing in it is used as an object key.
import type { TraceHeader } from './header';

/** The question of an item, or undefined (no header, an older trace, an unknown item). */
export type ItemText = (instrument: string, item: string) => string | undefined;

export function itemTexts(header: Pick<TraceHeader, 'instruments'> | undefined): ItemText {
  const texts = new Map<string, string>();
  const list: unknown = header?.instruments;
  for (const i of Array.isArray(list) ? list : []) {
    if (!i || typeof i.id !== 'string' || !Array.isArray(i.items)) continue;
    for (const q of i.items) {
      if (q && typeof q.id === 'string' && typeof q.text === 'string') texts.set(`${i.id}\n${q.id}`, q.text);
    }
  }
  return (instrument, item) => texts.get(`${instrument}\n${item}`);
}
