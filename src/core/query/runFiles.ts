// The files `society sql` reads under a run, an experiment or a folder of them: traces and the
// tables the CLI wrote beside them. Each is confined to the folder asked about (symlinks resolved,
// regular files only): the database is then allowed to open exactly these files and nothing else.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { PROMPTS_FILE } from '../llm/promptBook';

/** The CSV tables an experiment (or a calibrated run) writes, by the view that reads them. */
export const TABLE_FILES = {
  series: 'series.csv',
  summaries: 'summary.csv',
  runs: 'runs.csv',
  instruments: 'instruments.csv',
  fit: 'fit.csv',
  fit_rounds: 'fit_rounds.csv',
} as const;
export type TableName = keyof typeof TABLE_FILES;

/** One file to read: its real path, and the run or experiment it belongs to (relative to the root). */
export interface SourceFile {
  file: string;
  /** A trace: its run (`coached-seed1`, `runs/friends`); a table: its folder (the root: the root's name). */
  owner: string;
}

export interface RunFiles {
  /** The folder asked about (real path); a trace given alone: its folder. */
  root: string;
  traces: SourceFile[];
  /** The runs' prompt books (`prompts.jsonl` beside a `trace.jsonl`: core/llm/promptBook.ts), owned by their run. */
  prompts: SourceFile[];
  tables: Map<TableName, SourceFile[]>;
  /** Files left out, and why (a link leaving the folder, not a regular file). */
  skipped: string[];
}

/** Folders never searched: the answers cache, dependencies, version control. */
const SKIP_DIRS = new Set(['cache', 'node_modules', '.git']);
const MAX_DEPTH = 6;
export const MAX_TRACES = 20_000;

/** `file`'s real path when it is a regular file inside `root` (a real path), else why not. */
function confined(file: string, root: string): { real: string } | { why: string } {
  let real: string;
  try {
    real = fs.realpathSync(file);
  } catch {
    return { why: 'a broken link' };
  }
  const rel = path.relative(root, real);
  if (rel.startsWith('..') || path.isAbsolute(rel)) return { why: `a link to ${real}, outside the folder` };
  return fs.statSync(real).isFile() ? { real } : { why: 'not a regular file' };
}

const TABLE_BY_FILE = new Map<string, TableName>(
  Object.entries(TABLE_FILES).map(([name, file]) => [file, name as TableName]),
);

/** A trace's run name: its folder's path, or for an experiment's `traces/<condition>-seed<n>.jsonl` that name. */
function runOf(rel: string, rootName: string): string {
  const dir = path.dirname(rel);
  const base = path.basename(rel, '.jsonl');
  if (base === 'trace') return dir === '.' ? rootName : dir.split(path.sep).join('/');
  const parent = path.dirname(dir);
  return (parent === '.' ? base : `${parent.split(path.sep).join('/')}/${base}`) || rootName;
}

/** The traces and tables under `target` (a trace file, a run or experiment folder, or a folder of them). */
export function findRunFiles(target: string): RunFiles {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(target);
  } catch {
    throw new Error(`no such file or folder: ${target}`);
  }
  if (stat.isFile()) {
    if (!target.endsWith('.jsonl')) throw new Error(`${target} is not a trace (.jsonl), a run or an experiment folder`);
    const real = fs.realpathSync(target);
    const owner = path.basename(path.dirname(real));
    const book = path.join(path.dirname(real), PROMPTS_FILE);
    const prompts =
      path.basename(real) === 'trace.jsonl' && fs.existsSync(book) ? confined(book, path.dirname(real)) : undefined;
    return {
      root: path.dirname(real),
      traces: [{ file: real, owner }],
      prompts: prompts && 'real' in prompts ? [{ file: prompts.real, owner }] : [],
      tables: new Map(),
      skipped: [],
    };
  }
  if (!stat.isDirectory()) throw new Error(`${target} is neither a file nor a folder`);
  const root = fs.realpathSync(target);
  const found: RunFiles = { root, traces: [], prompts: [], tables: new Map(), skipped: [] };
  walk(root, root, 0, found, new Map());
  found.traces.sort((a, b) => a.owner.localeCompare(b.owner));
  return found;
}

/** `seen`: the real paths found so far, each with the name it was found by. */
function walk(dir: string, root: string, depth: number, found: RunFiles, seen: Map<string, string>): void {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  entries.sort((a, b) => a.name.localeCompare(b.name));
  const inTraces = path.basename(dir) === 'traces';
  // An experiment's books: prompts/<run>.jsonl, owned by the run of traces/<run>.jsonl.
  const inBooks = path.basename(dir) === 'prompts';
  for (const e of entries) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (depth < MAX_DEPTH && !SKIP_DIRS.has(e.name)) walk(full, root, depth + 1, found, seen);
      continue;
    }
    const table = TABLE_BY_FILE.get(e.name);
    const isTrace = e.name === 'trace.jsonl' || (inTraces && e.name.endsWith('.jsonl'));
    const isBook = (e.name === PROMPTS_FILE && !inTraces) || (inBooks && e.name.endsWith('.jsonl'));
    if (!table && !isTrace && !isBook) continue;
    const rel = path.relative(root, full);
    const ok = confined(full, root);
    if ('why' in ok) {
      found.skipped.push(`${rel}: ${ok.why}`);
      continue;
    }
    // A link to a file already found is that file again: read twice, every query failed on the
    // duplicate ("Map keys must be unique", issue 87). It is read once, under its first name.
    const first = seen.get(ok.real);
    if (first !== undefined) {
      found.skipped.push(`${rel}: a link to ${first}, already read`);
      continue;
    }
    seen.set(ok.real, rel);
    if (isBook) {
      found.prompts.push({
        file: ok.real,
        owner: inBooks
          ? runOf(rel, path.basename(root))
          : runOf(path.join(path.dirname(rel), 'trace.jsonl'), path.basename(root)),
      });
    } else if (isTrace) {
      if (found.traces.length >= MAX_TRACES) {
        throw new Error(`more than ${MAX_TRACES} traces under ${root}: ask about a folder with fewer`);
      }
      found.traces.push({ file: ok.real, owner: runOf(rel, path.basename(root)) });
    } else {
      const owner = path.dirname(rel) === '.' ? path.basename(root) : path.dirname(rel).split(path.sep).join('/');
      const list = found.tables.get(table!) ?? [];
      list.push({ file: ok.real, owner });
      found.tables.set(table!, list);
    }
  }
}
