// Numbers and columns of a comparison for people: the terminal's tables and the page's cells read
// the same (three decimals, a sign on a difference, — where there is no number).
import { formatReal } from '../../text/realFormat';
import { maxOf } from '../../stats/extremes';

/** A number to `d` places; an integer (a count, a difference of counts, none at all) whole, as `society metrics` prints one. */
export const value = (x: number | null | undefined, d = 3): string =>
  x === null || x === undefined || !Number.isFinite(x) ? '—' : Number.isInteger(x) ? String(x) : formatReal(x, d);

/** A difference with its sign: +0.125, -0.050, 0.000. */
export const signed = (x: number | null | undefined, d = 3): string => {
  const t = value(x, d);
  return t === '—' || /^-|^0(\.0*)?$/.test(t) ? t : `+${t}`;
};

/** The rounds shown of a series in a compact table: every k-th (about `columns` of them) and the last. */
export function everyKth(rounds: readonly number[], columns = 7): number[] {
  if (rounds.length <= columns) return rounds.map((_, i) => i);
  const last = rounds[rounds.length - 1];
  const k = Math.ceil(last / (columns - 1)) || 1;
  const shown = rounds.map((r, i) => [r, i] as const).filter(([r]) => r % k === 0);
  if (shown[shown.length - 1]?.[0] !== last) shown.push([last, rounds.length - 1]);
  return shown.map(([, i]) => i);
}

/** Rows as aligned columns (the first left-aligned, the rest right-aligned), two spaces apart. */
export function columns(rows: readonly (readonly string[])[]): string[] {
  const widths = rows[0].map((_, c) => maxOf(rows.map((r) => [...(r[c] ?? '')].length)));
  return rows.map((r) =>
    r
      .map((cell, c) => {
        const pad = ' '.repeat(widths[c] - [...cell].length);
        return c === 0 ? cell + pad : pad + cell;
      })
      .join('  ')
      .trimEnd(),
  );
}
