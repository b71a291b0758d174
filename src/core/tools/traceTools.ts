// Tools that read a run: why a tie or a quantity stands where it does, and a SQL question.
import { z } from 'zod';
import { readLocatedTrace, explainAsked } from '../analysis';
import { openRunDatabase, queryRows } from '../query/database';
import { DUCKDB_MISSING } from '../query/duckdb';
import { PROMPT_VIEWS, TABLE_ROWS, TRACE_VIEWS } from '../query/views';
import { pathArg } from './pathArg';
import { ToolRefusal, tool } from './tool';

export const explainTool = tool({
  name: 'society_explain',
  title: 'Explain a tie or a quantity',
  description:
    "Why a tie or a declared quantity stands where it does in a run: the trace events that moved it (as `society explain`). `what` is two agents for a tie (['maya', 'ben']) or one 'agent.quantity' / 'world.quantity'.",
  input: {
    run: pathArg('read', 'a run folder or its trace.jsonl'),
    what: z
      .array(z.string())
      .min(1)
      .max(2)
      .describe("two agents for a tie, or one 'agent.quantity' / 'world.quantity'"),
    round: z.number().int().min(0).optional().describe('as at the end of this round (default: the last)'),
  },
  kind: 'read',
  async invoke({ run, what, round }) {
    const trace = await readLocatedTrace(run);
    const asked = explainAsked(trace, what, { round });
    if ('problem' in asked) throw new ToolRefusal(asked.problem);
    return asked.explanation;
  },
});

const VIEW_LIST = [
  'events (run, type, round, agent, event JSON)',
  ...TRACE_VIEWS.map((v) => `${v.name}: ${v.rows}`),
  ...PROMPT_VIEWS.map((v) => `${v.name}: ${v.rows}`),
  ...Object.entries(TABLE_ROWS).map(([name, rows]) => `${name}: ${rows}`),
].join('; ');

export const sqlTool = tool({
  name: 'society_sql',
  title: 'Query a run with SQL',
  description: `One read-only DuckDB SQL statement over a run, an experiment or a folder of them (as \`society sql\`). Every view has a run column (tables: experiment). Views: ${VIEW_LIST}.`,
  input: {
    run: pathArg('read', 'a run folder, trace, experiment folder or a folder of them'),
    query: z.string().max(10_000).describe('one SELECT / WITH / DESCRIBE / SHOW / SUMMARIZE statement'),
    limit: z.number().int().min(1).max(1000).default(100).describe('rows given at most'),
  },
  kind: 'read',
  async invoke({ run, query, limit }, _host, signal) {
    const db = await openRunDatabase(run).catch((err: unknown) => {
      // No DuckDB where the tool runs (its binding is per platform): the sentence saying how to get it.
      if (err instanceof Error && err.message.startsWith(DUCKDB_MISSING)) throw new ToolRefusal(err.message);
      throw err;
    });
    try {
      const { columns, rows, truncated, notes } = await queryRows(db, query, limit, signal);
      return {
        columns: columns.map((c) => `${c.name} ${c.type}`),
        rows,
        ...(truncated ? { truncated: `first ${rows.length} rows` } : {}),
        ...(notes ? { notes } : {}),
      };
    } finally {
      db.close();
    }
  },
});
