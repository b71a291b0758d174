// DuckDB's Node package, loaded only where `society sql` and `export --format parquet` run. Its
// native binding is one package per platform (linux x64/arm64 glibc and musl, darwin x64/arm64,
// win32 x64/arm64): the bundles keep it external, so the extension and the CLI install and work
// everywhere without it, and a host without it gets this sentence instead of a stack trace.
import type * as DuckDB from '@duckdb/node-api';

export type DuckDBApi = typeof DuckDB;

export const DUCKDB_MISSING =
  "SQL needs DuckDB's Node package, which is not installed here: run `npm install @duckdb/node-api` " +
  'in the folder you run `society` from (or install society-studio from npm, which brings it on ' +
  'linux, macOS and Windows, x64 and arm64); docs/sql.md says more';

let loaded: Promise<DuckDBApi> | undefined;

/** The package, or an error saying how to get it. */
export function loadDuckDB(): Promise<DuckDBApi> {
  loaded ??= import('@duckdb/node-api').catch((err: unknown) => {
    loaded = undefined;
    const detail = err instanceof Error ? err.message.split('\n')[0] : String(err);
    throw new Error(`${DUCKDB_MISSING} (${detail})`);
  });
  return loaded;
}
