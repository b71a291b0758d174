// The bounds every SQL query runs under (issue 70): DuckDB's default memory cap is 80% of RAM and a
// query has no time limit, so a recursive CTE or a cross join ran until the process was killed,
// and a query whose asker had gone away kept running. Memory, threads and spilling are fixed when
// the database is made (before its settings are locked); each query is interrupted at its time
// limit or when its asker cancels, and the connection then answers the next one.
import type { DuckDBConnection } from '@duckdb/node-api';

/** The database's settings, given when it is created. No temp directory: nothing spills to disk. */
export const DATABASE_LIMITS = { memory_limit: '1GB', threads: '2', temp_directory: '' } as const;

/** A query's time limit unless told otherwise (`society sql --time-limit`). */
export const QUERY_TIME_LIMIT_MS = 60_000;

export interface QueryBounds {
  /** Milliseconds the query may run (its rows read to the end included); 0: no limit. */
  timeLimitMs?: number;
  /** Stops the query when aborted (the MCP client cancelled, the editor's token fired). */
  signal?: AbortSignal;
}

/** A running query's watch: interrupts the connection at the limit or on cancel, and says which. */
export class QueryWatch {
  private why: string | undefined;
  private readonly timer: NodeJS.Timeout | undefined;
  private repeat: NodeJS.Timeout | undefined;
  private over = false;
  private readonly onAbort = (): void => this.stop('the query was cancelled');

  constructor(
    private readonly connection: DuckDBConnection,
    private readonly bounds: QueryBounds,
  ) {
    const ms = bounds.timeLimitMs ?? QUERY_TIME_LIMIT_MS;
    if (ms > 0) {
      this.timer = setTimeout(
        () => this.stop(`the query ran past its time limit of ${ms / 1000} s and was stopped`),
        ms,
      ).unref();
    }
    bounds.signal?.addEventListener('abort', this.onAbort, { once: true });
    if (bounds.signal?.aborted) this.why = 'the query was cancelled';
  }

  /** Why the query was stopped, if it was. */
  get stopped(): string | undefined {
    return this.why;
  }

  /**
   * Interrupts until the query is over: an interrupt that lands while DuckDB is still starting the
   * query (a cancel right after asking) is forgotten when execution begins, so it is repeated.
   */
  private stop(why: string): void {
    if (this.over) return;
    this.why ??= why;
    this.connection.interrupt();
    this.repeat ??= setInterval(() => this.connection.interrupt(), 50).unref();
  }

  /** The query is over (answered, failed or abandoned): nothing interrupts the connection after. */
  done(): void {
    this.over = true;
    if (this.timer) clearTimeout(this.timer);
    if (this.repeat) clearInterval(this.repeat);
    this.bounds.signal?.removeEventListener('abort', this.onAbort);
  }
}
