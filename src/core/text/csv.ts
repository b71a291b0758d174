// CSV cells (RFC 4180 quoting), safe to open in a spreadsheet: an experiment's summary.csv,
// runs.csv and series.csv, and a run report's series.csv.
import { printable } from './printable';

/**
 * Excel, LibreOffice and Google Sheets evaluate a text cell starting with = + - @ (and, after
 * trimming, tab or carriage return) as a formula: a condition named `=HYPERLINK(…)` would become a
 * live link, `+cmd|' /C calc'!A0` a DDE command. Such text gets a leading `'` (OWASP's advice),
 * which spreadsheets hide and pandas or R read as part of the name. Numbers are never prefixed: a
 * negative mean like -0.25 stays a number.
 */
// Guarded as well: text already starting with quotes before a formula character (`'=x`), so that
// taking one `'` off (`society sql`'s views, query/views.ts) gives back exactly what was written.
const GUARDED = /^'*[=+\-@\t\r]/;

/**
 * A cell's text: control characters (a condition named "\u001b]0;…") written as \u00XX, as a
 * terminal gets them (printable.ts), so that a file shown with `cat` cannot drive the terminal;
 * carriage returns stay, as line breaks a quoted cell may hold.
 */
export function csvCell(v: unknown): string {
  let s = v === null || v === undefined ? '' : String(v).split('\r').map(printable).join('\r');
  if (typeof v !== 'number' && typeof v !== 'bigint' && GUARDED.test(s)) s = `'${s}`;
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export const csvLine = (cells: unknown[]): string => cells.map(csvCell).join(',');
