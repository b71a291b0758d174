// The network picture's legend, drawn in a band of its own under the drawing (networkSvg grows
// the picture by the band's height), so it never covers an agent, a tie or a name however many
// entries it has. Categories (categoryKey.ts) are laid out in as many columns as the width holds,
// filled top to bottom; a name longer than LEGEND_MAX_CHARS is cut with an ellipsis and every
// entry carries its full text in a <title> (a tooltip). A numeric attribute has a low-high bar.
// Swatches have the nodes' rim (reportTheme.ts): on a dark page it outlines the darkest colours.
// All text is escaped.
import { categoryLabel, type CategoryKeyEntry } from './categoryKey';
import { escapeMarkup } from '../../text/markup';
import { NO_VALUE_COLOR, sequentialColor } from './palette';
import { ink } from './reportTheme';
import { counted } from '../../text/counted';
import { maxOf } from '../../stats/extremes';

/** Font size of the legend. */
export const LEGEND_FONT_SIZE = 12;
/** Longest category name written whole; longer ones end in "…" (the full name is the tooltip). */
export const LEGEND_MAX_CHARS = 30;
/** A generous estimate of a character's width in a sans-serif font: wide enough for most capitals. */
export const LEGEND_CHAR_WIDTH = 0.6 * LEGEND_FONT_SIZE;
/** Categories named in the tooltip of "other" before the list is cut short. */
const OTHER_NAMED = 30;

const PAD = 12,
  ROW = 18,
  SWATCH = 18,
  COLUMN_GAP = 18;

/** The legend: its markup, in absolute coordinates, and the height of its band. */
export interface LegendBand {
  height: number;
  markup: string;
}

/** `text` cut to `max` characters (code points), the last one an ellipsis. */
export function shortened(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, Math.max(0, max - 1)).join('')}…`;
}

function tooltip(entry: CategoryKeyEntry): string {
  const agents = counted(entry.agents, 'agent');
  if (entry.categories.length === 1) return `${entry.label}: ${agents}`;
  const named = entry.categories.slice(0, OTHER_NAMED).map(categoryLabel);
  const more = entry.categories.length - named.length;
  return `${entry.label}, ${agents}, in one grey (only the nine largest ${entry.noun} get a colour of their own): ${named.join('; ')}${more ? `; and ${more} more` : ''}`;
}

/** Category entries in columns across `width`, from `top` down. */
export function categoryLegend(entries: readonly CategoryKeyEntry[], width: number, top: number): LegendBand {
  if (entries.length === 0) return { height: 0, markup: '' };
  const maxChars = Math.max(4, Math.min(LEGEND_MAX_CHARS, Math.floor((width - 2 * PAD - SWATCH) / LEGEND_CHAR_WIDTH)));
  const texts = entries.map((e) => shortened(e.label, maxChars));
  const column = SWATCH + maxOf(texts.map((t) => [...t].length)) * LEGEND_CHAR_WIDTH + COLUMN_GAP;
  const columns = Math.max(1, Math.min(entries.length, Math.floor((width - 2 * PAD + COLUMN_GAP) / column)));
  const rows = Math.ceil(entries.length / columns);
  const items = entries.map((entry, i) => {
    const x = PAD + Math.floor(i / rows) * column,
      y = top + PAD + (i % rows) * ROW;
    return (
      `<g><title>${escapeMarkup(tooltip(entry))}</title><circle cx="${fmt(x + 6)}" cy="${y}" r="6" fill="${entry.color}" ${ink('ink-rim')}/>` +
      `<text x="${fmt(x + SWATCH)}" y="${y + 4}">${escapeMarkup(texts[i])}</text></g>`
    );
  });
  return { height: 2 * PAD + (rows - 1) * ROW + 6, markup: items.join('') };
}

/** Range of a numeric attribute over the agents, and how many have no value. */
export interface NumericRange {
  min: number;
  max: number;
  missing: number;
}

/** The scale as a bar of five swatches from the lowest to the highest value, and a swatch for agents without one, from `top` down. */
export function numericLegend(attribute: string, r: NumericRange, top: number): LegendBand {
  const out = [
    `<g><title>${escapeMarkup(attribute)}</title><text x="${PAD}" y="${top + 16}">${escapeMarkup(shortened(attribute, LEGEND_MAX_CHARS))}</text></g>`,
  ];
  for (let i = 0; i < 5; i++) {
    out.push(`<rect x="${PAD + 16 * i}" y="${top + 22}" width="16" height="10" fill="${sequentialColor(i / 4)}"/>`);
  }
  out.push(`<rect x="${PAD}" y="${top + 22}" width="80" height="10" fill="none" ${ink('ink-rim')}/>`);
  out.push(
    `<text x="${PAD}" y="${top + 46}">${escapeMarkup(fmtValue(r.min))}</text>`,
    `<text x="${PAD + 80}" y="${top + 46}" text-anchor="end">${escapeMarkup(fmtValue(r.max))}</text>`,
  );
  if (r.missing) {
    out.push(
      `<circle cx="${PAD + 6}" cy="${top + 60}" r="6" fill="${NO_VALUE_COLOR}" ${ink('ink-rim')}/><text x="${PAD + SWATCH}" y="${top + 64}">${escapeMarkup('(no value)')}</text>`,
    );
  }
  return { height: r.missing ? 74 : 56, markup: out.join('') };
}

/** A legend value: whole numbers as they are, others to two decimals. */
const fmtValue = (v: number): string => (Number.isInteger(v) ? String(v) : v.toFixed(2));

const fmt = (v: number) => (Math.round(v * 10) / 10).toString();
