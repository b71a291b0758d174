// A completion item's detail is the line VS Code writes beside the label of the selected row, cut
// with "…" where the suggest widget ends ("0..1 · wh…", issue 42). Details are kept to what fits
// there beside their label; the rest of what an item is belongs in its documentation, shown beside
// the list.
import type { SchemaNode } from '../schema/schema';
import type { CompletionItem } from './types';
import { typeParts } from './schemaText';

/** The most characters a detail is written with, whatever its label. */
export const DETAIL_MAX = 30;

/**
 * The characters a detail has room for beside a label of `labelLength`. The widget is 430 pixels
 * wide at first; a label takes about 8.4 pixels a character and its detail 7, in about 360 pixels
 * between the icon and the edge: 48 - 1.2 per label character, with a little to spare.
 */
export function detailRoom(labelLength: number): number {
  return Math.min(DETAIL_MAX, Math.floor(48 - 1.2 * labelLength));
}

/**
 * The parts (most telling first) that fit in `max` together, joined by ` · `; a part that does not
 * fit is left out whole, never cut: a detail cut short reads no better than one the widget cuts.
 */
export function shortDetail(parts: readonly (string | undefined)[], max = DETAIL_MAX): string {
  const kept: string[] = [];
  for (const part of parts) {
    if (part && [...kept, part].join(' · ').length <= max) kept.push(part);
  }
  return kept.join(' · ');
}

/** A schema node's type in a detail (`required · number 0..1`); a long list of words is counted. */
export function typeDetail(node: SchemaNode | undefined, ...before: (string | undefined)[]): string {
  const parts = typeParts(node).map((p) => {
    const words = /^one of: (.*)$/.exec(p);
    return words && p.length > DETAIL_MAX ? `one of ${words[1].split(', ').length} values` : p;
  });
  return shortDetail([...before, ...parts]);
}

/**
 * An item whose detail is longer than its row has room for: the parts that fit (none
 * beside a very long label), and the whole detail at the head of the documentation.
 */
export function fitDetail(item: CompletionItem): CompletionItem {
  const { detail, documentation } = item;
  const room = detailRoom(item.label.length + (item.description ? item.description.length + 1 : 0));
  if (!detail || detail.length <= room) return item;
  const doc = documentation?.includes(detail) ? documentation : [detail, documentation].filter(Boolean).join('\n\n');
  const short = room > 0 ? shortDetail(detail.split(' · '), room) : '';
  if (short) return { ...item, detail: short, documentation: doc };
  const { detail: _dropped, ...rest } = item;
  return { ...rest, documentation: doc };
}
