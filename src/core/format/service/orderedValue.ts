// A plain value completion kept in the order it is offered (its sortText is its index), for the
// lists whose order means something: metrics before patterns, series as the run computes them.
import type { Range } from '../model/model';
import type { CompletionItem } from './types';

export function orderedValue(
  label: string,
  i: number,
  range: Range,
  extra: Partial<CompletionItem> = {},
): CompletionItem {
  return {
    label,
    kind: 'value',
    insertText: label,
    snippet: false,
    range,
    sortText: String(i).padStart(4, '0'),
    ...extra,
  };
}
