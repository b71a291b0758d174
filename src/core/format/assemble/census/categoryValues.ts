// What a census category sets on a persona. Text fields take the category's text (or its
// `values` renaming); number fields a number, or a range a member draws uniformly from: written in
// `values`, a label of a labelled quantity, or read from the category itself ("25-34", "65+", "3").
import { DRIVERS, TRAIT_NAMES } from '../../model/model';
import type { CategoryValue } from '../../model/censusTypes';
import { own } from '../../../text/nameRecord';
import { maxOf } from '../../../stats/extremes';

export const TEXT_FIELDS = ['gender', 'occupation', 'location', 'group', 'style', 'bio', 'interests'];

/** The agent quantities a field may name: name → its labels (if any) and whether it is whole. */
export type Quantities = ReadonlyMap<string, { labels?: string[]; integer?: boolean }>;

/** Every field a census attribute may set, given the scenario's agent quantities. */
export function censusFields(quantities: Quantities): string[] {
  return [
    'age',
    ...TEXT_FIELDS,
    ...TRAIT_NAMES.map((t) => `traits.${t}`),
    ...DRIVERS.map((d) => `motivations.${d}`),
    ...[...quantities.keys()].map((q) => `state.${q}`),
  ];
}

const NUMBER = String.raw`-?\d+(?:\.\d+)?`;
const RANGE = new RegExp(String.raw`^(${NUMBER})\s*(?:-|–|—|to)\s*(${NUMBER})$`);
const OPEN = new RegExp(String.raw`^(${NUMBER})\s*\+$`);

/** A category's own numeric reading: a number, a closed band, or an open band (its lower end). */
function readNumber(category: string): { lo: number; hi?: number } | undefined {
  const t = category.trim();
  if (t !== '' && Number.isFinite(Number(t))) return { lo: Number(t), hi: Number(t) };
  const r = RANGE.exec(t);
  if (r) return { lo: Number(r[1]), hi: Number(r[2]) };
  const o = OPEN.exec(t);
  return o ? { lo: Number(o[1]) } : undefined;
}

/**
 * Per category, what it sets on `field`; `unreadable` lists the categories a number field cannot
 * read (they need `values`). An open band ("65+") is as wide as the widest closed band of the
 * attribute (65–74 beside 55–64), or a single number when there is none.
 */
export function categoryValues(
  field: string,
  categories: readonly string[],
  values?: Readonly<Record<string, number | string | [number, number]>>,
  quantities: Quantities = new Map(),
): { values: CategoryValue[]; unreadable: string[] } {
  const quantity = field.startsWith('state.') ? quantities.get(field.slice(6)) : undefined;
  const integer = field === 'age' || quantity?.integer === true || quantity?.labels !== undefined;
  if (TEXT_FIELDS.includes(field)) {
    return { values: categories.map((c) => ({ text: String(own(values, c) ?? c) })), unreadable: [] };
  }
  const read = categories.map((c): { lo: number; hi?: number } | undefined => {
    const v = own(values, c);
    if (typeof v === 'number') return { lo: v, hi: v };
    if (Array.isArray(v)) return { lo: v[0], hi: v[1] };
    const label = quantity?.labels?.indexOf(typeof v === 'string' ? v : c) ?? -1;
    if (label >= 0) return { lo: label, hi: label };
    return readNumber(typeof v === 'string' ? v : c);
  });
  const width = Math.max(0, maxOf(read.map((r) => (r?.hi !== undefined ? r.hi - r.lo : 0))));
  const unreadable = categories.filter((_, i) => read[i] === undefined);
  return {
    values: read.map((r) => ({ range: [r?.lo ?? 0, r?.hi ?? (r ? r.lo + width : 0)], integer })),
    unreadable,
  };
}
