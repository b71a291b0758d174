// Reading census tables from CSV text: marginal tables (long: attribute, category, count|share;
// or one file per attribute: <attribute>, count|share) and a joint seed table (attribute columns
// and an optional count/weight column; without it each row is one person of a microsample).
import { parseCsv } from './csv';

/** Column names that hold a category's size, in the order they are looked for. */
export const VALUE_COLUMNS = ['count', 'share', 'weight', 'percent', 'proportion', 'n', 'frequency'];

export interface TableProblem {
  message: string;
  line: number;
  /** The unknown name and the names that would do (did-you-mean). */
  unknown?: { name: string; known: string[] };
}

export interface Marginal {
  name: string;
  categories: string[];
  targets: number[];
  file: string;
  line: number;
  /** What its numbers are: counts (any total), shares (of 1) or percents (of 100). */
  kind: 'count' | 'share' | 'percent';
}

const kindOf = (column: string): Marginal['kind'] =>
  column === 'percent' ? 'percent' : column === 'share' || column === 'proportion' ? 'share' : 'count';

const valueColumn = (header: string[]): number =>
  VALUE_COLUMNS.map((v) => header.findIndex((h) => h.toLowerCase() === v)).find((i) => i >= 0) ?? -1;

function size(text: string, line: number, problems: TableProblem[]): number {
  const x = Number(text.replace(/%$/, ''));
  if (text === '' || !Number.isFinite(x) || x < 0) {
    problems.push({ message: `line ${line}: '${text}' is not a count or share (a number ≥ 0)`, line });
    return 0;
  }
  return x;
}

/** The marginals of one file, added to `out` (an attribute twice: the later rows add categories). */
export function readMarginals(file: string, text: string, out: Map<string, Marginal>, problems: TableProblem[]): void {
  const rows = parseCsv(text);
  if (!rows.length) {
    problems.push({ message: 'the file is empty', line: 1 });
    return;
  }
  const header = rows[0].cells;
  const lower = header.map((h) => h.toLowerCase());
  const value = valueColumn(header);
  const attr = lower.indexOf('attribute');
  const cat = lower.indexOf('category');
  if (value < 0) {
    problems.push({ message: `no count or share column (one of: ${VALUE_COLUMNS.join(', ')})`, line: rows[0].line });
    return;
  }
  const long = attr >= 0 && cat >= 0;
  if (!long && header.length !== 2) {
    problems.push({
      message: `a marginal table has columns attribute, category and count (or share), or two: <attribute>, count`,
      line: rows[0].line,
    });
    return;
  }
  const wideName = header[value === 0 ? 1 : 0];
  for (const row of rows.slice(1)) {
    const name = long ? row.cells[attr] : wideName;
    const category = row.cells[long ? cat : value === 0 ? 1 : 0] ?? '';
    if (!name || !category) {
      problems.push({ message: `line ${row.line}: a row without an attribute or category`, line: row.line });
      continue;
    }
    let m = out.get(name);
    if (!m) {
      out.set(name, (m = { name, categories: [], targets: [], file, line: row.line, kind: kindOf(lower[value]) }));
    }
    if (m.categories.includes(category)) {
      problems.push({ message: `line ${row.line}: ${name} '${category}' is listed twice`, line: row.line });
      continue;
    }
    m.categories.push(category);
    m.targets.push(size(row.cells[value] ?? '', row.line, problems));
  }
}

export interface JointTable {
  /** Attribute names of the columns read, in column order. */
  columns: string[];
  rows: { cats: number[]; weight: number; line: number }[];
}

/** A joint table over attributes of `marginals`: unknown columns and categories are problems. */
export function readJoint(
  text: string,
  marginals: ReadonlyMap<string, Marginal>,
  problems: TableProblem[],
): JointTable {
  const rows = parseCsv(text);
  const header = rows[0]?.cells ?? [];
  const value = valueColumn(header);
  const known = [...marginals.keys()];
  const columns: { index: number; m: Marginal }[] = [];
  header.forEach((h, index) => {
    if (index === value) return;
    const m = marginals.get(h);
    if (m) columns.push({ index, m });
    else {
      problems.push({
        message: `column '${h}' is no attribute of the marginal tables`,
        line: 1,
        unknown: { name: h, known },
      });
    }
  });
  const out: JointTable = { columns: columns.map((c) => c.m.name), rows: [] };
  for (const row of rows.slice(1)) {
    const cats = columns.map((c) => {
      const k = c.m.categories.indexOf(row.cells[c.index] ?? '');
      if (k < 0) {
        problems.push({
          message: `line ${row.line}: ${c.m.name} '${row.cells[c.index] ?? ''}' is not in its marginal table`,
          line: row.line,
          unknown: { name: row.cells[c.index] ?? '', known: c.m.categories },
        });
      }
      return k;
    });
    const weight = value >= 0 ? size(row.cells[value] ?? '', row.line, problems) : 1;
    if (cats.every((k) => k >= 0)) out.rows.push({ cats, weight, line: row.line });
  }
  return out;
}
