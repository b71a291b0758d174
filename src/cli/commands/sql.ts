// `society sql <run | experiment | folder> "<query>"`: one read-only SQL query over a run's trace
// and an experiment's tables, with DuckDB reading the files in place (core/query).
import { command } from '../command';
import type { OptionRow } from '../optionRows';
import { integerOption } from '../options';
import { openRunDatabase, QueryError } from '../../core/query/database';
import { QUERY_TIME_LIMIT_MS } from '../../core/query/queryLimits';
import { RESULT_FORMATS, writeResult, type ResultFormat } from '../../core/query/resultText';
import { PROMPT_VIEWS, TABLE_ROWS, TRACE_VIEWS } from '../../core/query/views';

const USAGE = 'sql <run | experiment | folder | trace.jsonl> "<query>" [--format table|csv|json] [--time-limit S]';

/** Its options (the help lists them between the arguments and the views). */
const FLAGS = [
  ['--format F', 'table (default), csv or json', { default: 'table' }],
  [
    '--time-limit S',
    `seconds the query may run before it is stopped (default ${QUERY_TIME_LIMIT_MS / 1000}; 0: no limit)`,
    { default: String(QUERY_TIME_LIMIT_MS / 1000) },
  ],
] as const satisfies readonly OptionRow[];

/** Writes to standard output, waiting when the pipe is full (a large answer is not held). */
function stdoutWrite(text: string): void | Promise<void> {
  if (process.stdout.write(text)) return;
  return new Promise((resolve) => process.stdout.once('drain', resolve));
}

export const sqlCommand = command({
  name: 'sql',
  usage: USAGE,
  summary: "Ask a run's trace or an experiment's tables a read-only SQL question (DuckDB)",
  options: [
    [
      '<run | experiment | folder>',
      'a run folder or trace, an experiment folder, or a folder holding several (searched below)',
    ],
    ['"<query>"', 'one read statement: SELECT, WITH, FROM, DESCRIBE, SHOW, SUMMARIZE or EXPLAIN'],
    ...FLAGS,
    ['views', 'events (run, type, round, agent, event JSON): every trace line'],
    ...TRACE_VIEWS.map((v) => [v.name, v.rows] as const),
    ...PROMPT_VIEWS.map((v) => [v.name, v.rows] as const),
    ...Object.entries(TABLE_ROWS).map(([name, rows]) => [name, rows] as const),
  ],
  async run({ values, positionals }): Promise<number> {
    if (positionals.length !== 2) {
      console.error(
        `society sql: takes a run (or experiment, folder) and a query, got ${positionals.length} arguments\nUsage: society ${USAGE}`,
      );
      return 2;
    }
    const format = RESULT_FORMATS.find((f) => f === values.format);
    if (!format) {
      console.error(`society sql: --format takes ${RESULT_FORMATS.join(', ')}, not '${values.format}'`);
      return 2;
    }
    let seconds: number | undefined;
    try {
      seconds = integerOption('time-limit', values['time-limit'], 0);
    } catch (err) {
      console.error(`society sql: ${(err as Error).message}`);
      return 2;
    }
    return answer(positionals[0], positionals[1], format, (seconds ?? QUERY_TIME_LIMIT_MS / 1000) * 1000);
  },
});

async function answer(target: string, sql: string, format: ResultFormat, timeLimitMs: number): Promise<number> {
  let db;
  try {
    db = await openRunDatabase(target, { timeLimitMs });
  } catch (err) {
    console.error(`society sql: ${err instanceof Error ? err.message : String(err)}`);
    return 1;
  }
  try {
    for (const note of db.files.skipped) console.error(`society sql: note: left out ${note}`);
    await writeResult(await db.query(sql), format, stdoutWrite);
    return 0;
  } catch (err) {
    console.error(`society sql: ${err instanceof Error ? err.message : String(err)}`);
    return err instanceof QueryError ? 2 : 1;
  } finally {
    db.close();
  }
}
