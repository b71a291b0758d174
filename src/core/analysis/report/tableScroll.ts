// A report table in a wrapper that scrolls sideways, so a wide table never scrolls the page.
import { escapeMarkup as e } from '../../text/markup';

/** A table in a wrapper that scrolls sideways when the table is wider than the page (a named, focusable region, so keyboards can scroll it too). */
export function scrollable(label: string, table: string): string {
  return `<div class="table-scroll" role="region" aria-label="${e(label)}" tabindex="0">${table}</div>`;
}
