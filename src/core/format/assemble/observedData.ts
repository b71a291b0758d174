// An observed dataset to calibrate against: a tidy CSV, one value per row — `round, measure,
// value`, optionally `condition` (which simulated condition the row is about; empty or absent:
// every condition) and `run` or `sample` (which observed unit, when there are several per round).
// Lines starting with `#` are comments (where a dataset says where it came from). Problems are
// reported with their line, so an editor or the CLI can point at them. Quoted fields may hold
// commas and quotes but not line breaks: one row is one line (the language floor reads it, below
// interop's CSV reader).
import { didYouMean } from '../model/suggest';

export interface ObservedPoint {
  round: number;
  measure: string;
  value: number;
  /** The simulated condition it describes; undefined: every condition. */
  condition?: string;
  /** The observed unit (a village, a survey wave's respondent group). */
  sample?: string;
  /** 1-based line in the file. */
  line: number;
}

export interface ObservedData {
  points: ObservedPoint[];
  /** Measures in first-seen order. */
  measures: string[];
  /** Conditions named in the file, first-seen order. */
  conditions: string[];
}

export interface ObservedProblem {
  line: number;
  message: string;
}

export const REQUIRED_COLUMNS = ['round', 'measure', 'value'] as const;
export const OPTIONAL_COLUMNS = ['condition', 'run', 'sample'] as const;

/** The observed points of a CSV text, and what is wrong with it (nothing: `problems` is empty). */
export function readObserved(text: string): { data: ObservedData; problems: ObservedProblem[] } {
  const problems: ObservedProblem[] = [];
  // Comment lines become empty ones, so rows keep their lines.
  const lines = text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .map((l) => (l.trimStart().startsWith('#') ? '' : l));
  const numbered = lines
    .map((l, i) => ({ cells: csvFields(l), line: i + 1 }))
    .filter((r) => r.cells.some((c) => c.trim()));
  const data: ObservedData = { points: [], measures: [], conditions: [] };
  const header = numbered.shift();
  if (!header) return { data, problems: [{ line: 1, message: 'the file has no header row' }] };
  const columns = header.cells.map((c) => c.trim().toLowerCase());
  const col = (name: string) => columns.indexOf(name);
  for (const name of REQUIRED_COLUMNS) {
    if (col(name) < 0) problems.push({ line: header.line, message: missingColumn(name, columns) });
  }
  if (problems.length) return { data, problems };
  const sampleCol = col('run') >= 0 ? col('run') : col('sample');
  for (const { cells, line } of numbered) {
    const cell = (i: number) => (i >= 0 ? (cells[i] ?? '').trim() : '');
    const round = Number(cell(col('round')));
    const value = Number(cell(col('value')));
    const measure = cell(col('measure'));
    if (!Number.isInteger(round) || round < 0 || cell(col('round')) === '') {
      problems.push({ line, message: `round '${cell(col('round'))}' is not a round number (0, 1, 2 …)` });
      continue;
    }
    if (!measure) {
      problems.push({ line, message: 'the measure is empty' });
      continue;
    }
    // An empty value is a missing observation, not an error; text is.
    if (cell(col('value')) === '') continue;
    if (!Number.isFinite(value)) {
      problems.push({ line, message: `value '${cell(col('value'))}' is not a number` });
      continue;
    }
    const condition = cell(col('condition')) || undefined;
    const sample = cell(sampleCol) || undefined;
    data.points.push({
      round,
      measure,
      value,
      line,
      ...(condition ? { condition } : {}),
      ...(sample ? { sample } : {}),
    });
    if (!data.measures.includes(measure)) data.measures.push(measure);
    if (condition && !data.conditions.includes(condition)) data.conditions.push(condition);
  }
  if (!data.points.length && !problems.length) problems.push({ line: header.line, message: 'the file has no values' });
  return { data, problems };
}

function missingColumn(name: string, columns: readonly string[]): string {
  const near = didYouMean(
    name,
    columns.filter((c) => c !== ''),
  );
  return `no '${name}' column${near ? ` (is '${near}' it?)` : ''}: the columns are ${REQUIRED_COLUMNS.join(', ')}, and optionally ${OPTIONAL_COLUMNS.join(', ')}`;
}

/** The fields of one CSV line (RFC 4180 quoting within the line). */
export function csvFields(line: string): string[] {
  const fields: string[] = [];
  let field = '',
    quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      fields.push(field);
      field = '';
    } else field += c;
  }
  fields.push(field);
  return fields;
}
