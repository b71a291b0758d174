// Which colour each category of a picture gets, and the legend entries that say so.
//
// The categorical palette has ten colours (Tableau 10, palette.ts). Cycling it past ten would
// give two categories one colour, and a reader would take them for one. So:
// - up to ten categories: each its own colour, in natural order ("community 2" before
//   "community 10"), as before;
// - more than ten: the nine with the most agents (ties in natural order) keep nine distinct
//   colours, and all the others share the palette's grey in one entry that says how many it
//   holds, "other (N categories)" (or communities); its tooltip lists them. Nine, not ten, because the tenth
//   colour is that grey.
import { CATEGORY_COLORS, OTHER_COLOR } from './palette';

/** One legend entry: a colour and the categories drawn in it (one, or several for "other"). */
export interface CategoryKeyEntry {
  label: string;
  /** What the categories are, in the plural ("categories", "communities"). */
  noun: string;
  color: string;
  categories: string[];
  /** Agents in these categories. */
  agents: number;
}

export interface CategoryKey {
  entries: CategoryKeyEntry[];
  colorOf(category: string): string;
}

/** "community 2" before "community 10". */
export const byNaturalOrder = (a: string, b: string): number => a.localeCompare(b, 'en', { numeric: true });

/** How a category is written: an agent without the attribute is "(none)". */
export const categoryLabel = (category: string): string => category || '(none)';

/** The key for categories with these agent counts (any order); `noun` says what they are, in the plural. */
export function categoryKey(counts: ReadonlyMap<string, number>, noun = 'categories'): CategoryKey {
  const all = [...counts.keys()].sort(byNaturalOrder);
  const fits = all.length <= CATEGORY_COLORS.length;
  const coloured = fits
    ? all
    : [...all]
        .sort((a, b) => counts.get(b)! - counts.get(a)! || byNaturalOrder(a, b))
        .slice(0, CATEGORY_COLORS.length - 1)
        .sort(byNaturalOrder);
  const entries: CategoryKeyEntry[] = coloured.map((c, i) => ({
    label: categoryLabel(c),
    noun,
    color: CATEGORY_COLORS[i],
    categories: [c],
    agents: counts.get(c)!,
  }));
  if (!fits) {
    const kept = new Set(coloured);
    const rest = all.filter((c) => !kept.has(c));
    entries.push({
      label: `other (${rest.length} ${noun})`,
      noun,
      color: OTHER_COLOR,
      categories: rest,
      agents: rest.reduce((n, c) => n + counts.get(c)!, 0),
    });
  }
  const colors = new Map(entries.flatMap((e) => e.categories.map((c): [string, string] => [c, e.color])));
  return { entries, colorOf: (category) => colors.get(category) ?? OTHER_COLOR };
}
