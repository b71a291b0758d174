// CSV cells for the experiment's summary.csv and runs.csv (RFC 4180 quoting), safe to open in a
// spreadsheet.

/**
 * Excel, LibreOffice and Google Sheets evaluate a text cell starting with = + - @ (and, after
 * trimming, tab or carriage return) as a formula: a condition named `=HYPERLINK(…)` would become a
 * live link, `+cmd|' /C calc'!A0` a DDE command. Such text gets a leading `'` (OWASP's advice),
 * which spreadsheets hide and pandas or R read as part of the name. Numbers are never prefixed: a
 * negative mean like -0.25 stays a number.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(v: unknown): string {
  let s = v === null || v === undefined ? '' : String(v);
  if (typeof v !== 'number' && typeof v !== 'bigint' && FORMULA_START.test(s)) s = `'${s}`;
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export const csvLine = (cells: unknown[]): string => cells.map(csvCell).join(',');
