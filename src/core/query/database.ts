// A run, an experiment or a folder of them as an in-memory DuckDB database of views over their
// files, read in place. After the views are made the database may open those files only
// (`allowed_paths`, no other file or network access, settings locked), and a query is one read
// statement: DuckDB's own parser says which, so no text pattern can be fooled. Each query is
// bounded in memory, threads and time, and stops when its asker cancels (queryLimits.ts).
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { DuckDBConnection, DuckDBInstance, DuckDBResult } from '@duckdb/node-api';
import { budgetedRows, type Budgeted } from './answerBudget';
import { loadDuckDB, type DuckDBApi } from './duckdb';
import { DATABASE_LIMITS, QueryWatch, type QueryBounds } from './queryLimits';
import { findRunFiles, TABLE_FILES, type RunFiles, type TableName } from './runFiles';
import {
  eventsSelect,
  literalPath,
  promptLinesSelect,
  PROMPT_VIEWS,
  sqlString,
  tableSelect,
  TRACE_VIEWS,
} from './views';
import { moveIntoPlace, writableTarget } from '../files/safeWrite';

/** Bad SQL, a write, or a query DuckDB refused: the message is for the person who wrote it. */
export class QueryError extends Error {}

export interface Column {
  name: string;
  /** DuckDB's type (BIGINT, VARCHAR, JSON…). */
  type: string;
}

export interface QueryResult {
  columns: Column[];
  /** Rows in batches, as JSON values (integers as numbers where exact, JSON columns parsed). */
  batches: AsyncIterable<unknown[][]>;
}

export interface RunDatabase {
  files: RunFiles;
  /** The views made here, in the order they are listed. */
  views: string[];
  /** One read statement, within the database's time limit (or `bounds`'), stopped when `bounds.signal` aborts. */
  query(sql: string, bounds?: QueryBounds): Promise<QueryResult>;
  /** Writes each view that has rows as `<view>.parquet` into `dir` (which must exist); gives the files written. */
  exportParquet(dir: string): Promise<string[]>;
  close(): void;
}

const INTEGER_TYPES = new Set(['BIGINT', 'UBIGINT', 'HUGEINT', 'UHUGEINT', 'DECIMAL']);

interface Opened {
  api: DuckDBApi;
  instance: DuckDBInstance;
  connection: DuckDBConnection;
  /** The query running (or whose rows are being read): a new one ends its watch. */
  watch?: QueryWatch;
}

/** Makes the views over `files`; gives their names. */
async function makeViews(connection: DuckDBConnection, files: RunFiles): Promise<string[]> {
  const views: string[] = [];
  const create = async (name: string, select: string): Promise<void> => {
    await connection.run(`CREATE VIEW ${name} AS ${select}`);
    views.push(name);
  };
  if (files.traces.length) {
    await create('events', eventsSelect(files));
    for (const v of TRACE_VIEWS) await create(v.name, v.select);
  }
  if (files.prompts.length) {
    await connection.run(`CREATE VIEW prompt_lines AS ${promptLinesSelect(files)}`);
    for (const v of PROMPT_VIEWS) await create(v.name, v.select);
  }
  for (const name of Object.keys(TABLE_FILES) as TableName[]) {
    const select = tableSelect(files, name);
    if (select) await create(name, select);
  }
  return views;
}

/** Shuts the database in: only `files` (and `writable` folders) may be opened from here on. */
async function confine(connection: DuckDBConnection, files: RunFiles, writable: string[]): Promise<void> {
  // The views name each file as a literal glob (views.ts literalPath), which DuckDB checks as given.
  const read = [...files.traces, ...files.prompts, ...[...files.tables.values()].flat()].map((f) => f.file);
  const paths = [...new Set([...read, ...read.map(literalPath)])].map(sqlString);
  await connection.run('SET autoinstall_known_extensions = false');
  await connection.run('SET autoload_known_extensions = false');
  await connection.run(`SET allowed_paths = [${paths.join(', ')}]`);
  if (writable.length) await connection.run(`SET allowed_directories = [${writable.map(sqlString).join(', ')}]`);
  await connection.run('SET enable_external_access = false');
  await connection.run('SET lock_configuration = true');
}

async function open(target: string, writable: string[]): Promise<Opened & { files: RunFiles; views: string[] }> {
  const files = findRunFiles(target);
  if (!files.traces.length && !files.tables.size) {
    throw new QueryError(
      `no trace or experiment table under ${target} (a run's trace.jsonl, an experiment's traces/ or its CSVs)`,
    );
  }
  const api = await loadDuckDB();
  // Memory, threads and spilling set here, before confine() locks the settings.
  const instance = await api.DuckDBInstance.create(':memory:', { ...DATABASE_LIMITS });
  const connection = await instance.connect();
  try {
    const views = await makeViews(connection, files);
    await confine(connection, files, writable);
    return { api, instance, connection, files, views };
  } catch (err) {
    connection.closeSync();
    instance.closeSync();
    throw err;
  }
}

/** The message of a DuckDB error, with the views named when a table is unknown. */
function explained(err: unknown, views: string[]): QueryError {
  const message = err instanceof Error ? err.message : String(err);
  const hint = /Table with name|does not exist/.test(message) ? `\nviews here: ${views.join(', ')}` : '';
  return new QueryError(`${message.replace(/^Failed to extract statements: /, '')}${hint}`);
}

async function* rowsOf(
  result: DuckDBResult,
  columns: Column[],
  watch: QueryWatch,
  views: string[],
): AsyncIterable<unknown[][]> {
  const integer = columns.map((c) => INTEGER_TYPES.has(c.type.replace(/\(.*$/, '')));
  const json = columns.map((c) => c.type === 'JSON');
  try {
    for await (const batch of result.yieldRowsJson()) {
      yield batch.map((row) =>
        row.map((value, i) => {
          if (value === null) return null;
          if (integer[i] && typeof value === 'string') {
            const n = Number(value);
            return Number.isSafeInteger(n) || !Number.isInteger(n) ? n : value;
          }
          return json[i] && typeof value === 'string' ? JSON.parse(value) : value;
        }),
      );
    }
  } catch (err) {
    throw stoppedOr(err, watch, views);
  } finally {
    watch.done();
  }
}

/** The error a query ended with: why it was stopped when it was, else DuckDB's own, explained. */
function stoppedOr(err: unknown, watch: QueryWatch, views: string[]): Error {
  if (watch.stopped) return new QueryError(watch.stopped);
  return err instanceof QueryError ? err : explained(err, views);
}

async function runQuery(opened: Opened, views: string[], sql: string, bounds: QueryBounds): Promise<QueryResult> {
  const { api, connection } = opened;
  opened.watch?.done();
  const watch = new QueryWatch(connection, bounds);
  opened.watch = watch;
  if (watch.stopped) {
    watch.done();
    throw new QueryError(watch.stopped);
  }
  let result: DuckDBResult;
  try {
    const statements = await connection.extractStatements(sql);
    if (statements.count !== 1) throw new QueryError(`one statement at a time, got ${statements.count}`);
    const prepared = await statements.prepare(0);
    const kind = prepared.statementType;
    if (kind !== api.StatementType.SELECT && kind !== api.StatementType.EXPLAIN) {
      throw new QueryError(
        `only reads are allowed (SELECT, WITH, FROM, DESCRIBE, SHOW, SUMMARIZE, EXPLAIN), not a ${api.StatementType[kind]} statement`,
      );
    }
    if (watch.stopped) throw new QueryError(watch.stopped);
    result = await prepared.stream();
  } catch (err) {
    watch.done();
    throw stoppedOr(err, watch, views);
  }
  const columns = result.columnNames().map((name, i) => {
    const type = result.columnLogicalType(i);
    return { name, type: type.alias ?? result.columnType(i).toString() };
  });
  return { columns, batches: rowsOf(result, columns, watch, views) };
}

/** The database of `target`'s views (a trace, a run, an experiment or a folder of them). */
export async function openRunDatabase(
  target: string,
  options: { writable?: string[]; timeLimitMs?: number } = {},
): Promise<RunDatabase> {
  const opened = await open(target, options.writable ?? []);
  const { connection, instance, files, views } = opened;
  return {
    files,
    views,
    query: (sql, bounds) => runQuery(opened, views, sql, { timeLimitMs: options.timeLimitMs, ...bounds }),
    async exportParquet(dir) {
      const written: string[] = [];
      for (const view of views) {
        const file = path.join(dir, `${view}.parquet`);
        writableTarget(file);
        // DuckDB writes a name of our own beside it, renamed over the name by the one writer's rule
        // (core/files/safeWrite.ts): never through a link a shared folder placed there.
        const tmp = path.join(dir, `.${view}.parquet.${crypto.randomBytes(6).toString('hex')}.tmp`);
        try {
          const copied = await connection.runAndReadAll(
            `COPY (SELECT * FROM ${view}) TO ${sqlString(tmp)} (FORMAT parquet)`,
          );
          // A view with no rows here (actions in a world without them) is not written: it does not apply.
          if (Number(copied.getRows()[0]?.[0] ?? 0) > 0) {
            moveIntoPlace(tmp, file);
            written.push(file);
          }
        } finally {
          fs.rmSync(tmp, { force: true });
        }
      }
      return written;
    },
    close() {
      connection.closeSync();
      instance.closeSync();
    },
  };
}

/**
 * A query's rows for tools that answer in one message: at most `limit` rows, within the answer
 * budget (answerBudget.ts: long cells cut, a character cap, `notes` saying what was left out).
 */
export async function queryRows(
  db: RunDatabase,
  sql: string,
  limit: number,
  signal?: AbortSignal,
): Promise<{ columns: Column[] } & Budgeted> {
  const { columns, batches } = await db.query(sql, signal ? { signal } : undefined);
  return { columns, ...(await budgetedRows(batches, limit)) };
}
