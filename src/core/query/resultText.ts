// A query's rows as text: CSV (RFC 4180), JSON (an array of row objects) or an aligned table.
// Written batch by batch, so a large answer streams rather than being held.
import type { QueryResult } from './database';
import { cellText } from './cellText';
import { maxOf } from '../stats/extremes';
import { csvCell as guardedCell } from '../text/csv';

export const RESULT_FORMATS = ['table', 'csv', 'json'] as const;
export type ResultFormat = (typeof RESULT_FORMATS)[number];

/** Rows a table shows before it says how many more there are (the column widths come from them). */
export const TABLE_ROWS_SHOWN = 1000;

/** Writes text out; a promise makes the writer wait (a slow pipe). */
export type Write = (text: string) => void | Promise<void>;

export { cellText } from './cellText';

/**
 * A cell as every other CSV writer gives it (core/text/csv.ts): a text starting with = + - @ is
 * not a formula a spreadsheet runs. A number column's values are numbers, never prefixed (a
 * BIGINT beyond 2^53 comes as its digits, given as a bigint).
 */
function csvCell(value: unknown, numeric: boolean): string {
  if (numeric && typeof value === 'string' && /^-?\d+$/.test(value)) return guardedCell(BigInt(value));
  return guardedCell(value !== null && typeof value === 'object' ? JSON.stringify(value) : value);
}

async function writeCsv(result: QueryResult, write: Write): Promise<number> {
  const numeric = result.columns.map((c) => isNumeric(c.type));
  await write(`${result.columns.map((c) => csvCell(c.name, false)).join(',')}\n`);
  let n = 0;
  for await (const batch of result.batches) {
    await write(batch.map((row) => `${row.map((v, i) => csvCell(v, numeric[i])).join(',')}\n`).join(''));
    n += batch.length;
  }
  return n;
}

async function writeJson(result: QueryResult, write: Write): Promise<number> {
  let n = 0;
  await write('[');
  for await (const batch of result.batches) {
    const lines = batch.map((row) => {
      const record: Record<string, unknown> = Object.create(null);
      result.columns.forEach((c, i) => (record[c.name] = row[i]));
      return `${n++ ? ',' : ''}\n  ${JSON.stringify(record)}`;
    });
    await write(lines.join(''));
  }
  await write(n ? '\n]\n' : ']\n');
  return n;
}

/** Cells that hold numbers are right-aligned. */
function isNumeric(type: string): boolean {
  return /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|U\w*INT|FLOAT|DOUBLE|DECIMAL)/.test(type);
}

async function writeTable(result: QueryResult, write: Write): Promise<number> {
  const shown: string[][] = [];
  let n = 0;
  for await (const batch of result.batches) {
    for (const row of batch) if (shown.length < TABLE_ROWS_SHOWN) shown.push(row.map(cellText));
    n += batch.length;
  }
  const widths = result.columns.map((c, i) =>
    Math.min(60, Math.max(c.name.length, maxOf(shown.map((r) => r[i].length)))),
  );
  const clip = (text: string, w: number): string => (text.length > w ? `${text.slice(0, w - 1)}…` : text);
  const line = (cells: string[]): string =>
    cells
      .map((cell, i) =>
        isNumeric(result.columns[i].type)
          ? clip(cell, widths[i]).padStart(widths[i])
          : clip(cell, widths[i]).padEnd(widths[i]),
      )
      .join('  ')
      .trimEnd();
  await write(`${line(result.columns.map((c) => c.name))}\n${widths.map((w) => '─'.repeat(w)).join('  ')}\n`);
  await write(shown.map((r) => `${line(r.map((cell) => cell.replace(/\s*\n\s*/g, ' ')))}\n`).join(''));
  const more = n - shown.length;
  await write(
    `(${n} row${n === 1 ? '' : 's'}${more > 0 ? `; the first ${shown.length} shown: --format csv or json gives all` : ''})\n`,
  );
  return n;
}

/** Writes the result in `format`; gives the number of rows. */
export function writeResult(result: QueryResult, format: ResultFormat, write: Write): Promise<number> {
  return format === 'csv'
    ? writeCsv(result, write)
    : format === 'json'
      ? writeJson(result, write)
      : writeTable(result, write);
}
