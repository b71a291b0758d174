// RFC 4180 CSV reading (quoted fields may hold commas, quotes and line breaks), as OASIS
// profile files are written by pandas.

/** The rows of a CSV text; a trailing line break does not make an empty last row. */
export function parseCsv(text: string): string[][] {
  return readCsv(text).rows;
}

/**
 * The rows, and the line (1-based) of a quoted field that is never closed, if any: the rest of
 * the file then reads as that one field, which the importer must say rather than import quietly.
 */
export function readCsv(text: string): { rows: string[][]; unclosedQuoteLine?: number } {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1,
    quoteLine = 0;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (; i < text.length; i++) {
    const c = text[i];
    if (c === '\n') line++;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += c;
    } else if (c === '"' && field === '') {
      quoted = true;
      quoteLine = line;
    } else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') {
        i++;
        line++;
      }
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return quoted ? { rows, unclosedQuoteLine: quoteLine } : { rows };
}

/** Rows as records keyed by the header row; the header's empty first column (pandas' index) is named `""`. */
export function csvRecords(text: string): {
  header: string[];
  records: Record<string, string>[];
  unclosedQuoteLine?: number;
} {
  const {
    rows: [header = [], ...rows],
    unclosedQuoteLine,
  } = readCsv(text);
  const records = rows
    .filter((r) => r.some((cell) => cell.trim() !== ''))
    .map((r) => Object.fromEntries(header.map((name, i) => [name, r[i] ?? ''])));
  return unclosedQuoteLine === undefined ? { header, records } : { header, records, unclosedQuoteLine };
}
