// The views `society sql` offers: the trace's events and typed slices of them (read in place from
// the JSONL, never copied), and the CSV tables an experiment wrote. One table: the CLI's help, the
// docs' list and `society export --format parquet` all read it.
import { TABLE_FILES, type RunFiles, type SourceFile, type TableName } from './runFiles';

export interface ViewDef {
  name: string;
  /** What a row is, for `--help`, describe tools and docs/sql.md. */
  rows: string;
  /** Its SELECT over the `events` view (trace views) or over `source` (a CSV table's read_csv). */
  select: string;
}

/** A string as an SQL literal. */
export function sqlString(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

/**
 * A file's path as DuckDB's readers take it: they expand `*`, `?` and `[…]` as a glob, so a run
 * folder named `[ab]` vanished and `a` and `b` were read in its place (issue 70). Each such
 * character becomes a class holding only itself, which matches it literally.
 */
export function literalPath(file: string): string {
  return file.replace(/[*?[]/g, (c) => `[${c}]`);
}

/** `j->>'key'` cast to `type`: the field of each event. */
const field = (key: string, type = 'VARCHAR'): string =>
  type === 'VARCHAR' ? `event->>${sqlString(key)}` : `TRY_CAST(event->>${sqlString(key)} AS ${type})`;

/** A view of the events of one type, with the given columns. */
const ofType = (type: string, columns: string[]): string =>
  `SELECT run, round, ${columns.join(', ')} FROM events WHERE type = ${sqlString(type)}`;

export const TRACE_VIEWS: readonly ViewDef[] = [
  {
    name: 'agents',
    rows: 'an agent joining (agent_added): id, name, group, model, reason, parent, persona (JSON)',
    select: ofType('agent_added', [
      `event->'agent'->>'id' AS id`,
      `event->'agent'->>'name' AS name`,
      `event->'agent'->>'group' AS "group"`,
      `${field('model')} AS model`,
      `${field('reason')} AS reason`,
      `${field('parent')} AS parent`,
      `event->'agent' AS persona`,
    ]),
  },
  {
    name: 'ties',
    rows: 'a tie strength change: from_agent, to_agent, previous, strength, exists, cause',
    select: ofType('tie', [
      `${field('from')} AS from_agent`,
      `${field('to')} AS to_agent`,
      `${field('previous', 'DOUBLE')} AS previous`,
      `${field('strength', 'DOUBLE')} AS strength`,
      `${field('exists', 'BOOLEAN')} AS "exists"`,
      `${field('cause')} AS cause`,
    ]),
  },
  {
    name: 'encounters',
    rows: 'a conversation begun: id, from_agent, to_agent, via',
    select: ofType('encounter', [
      `${field('id')} AS id`,
      `${field('from')} AS from_agent`,
      `${field('to')} AS to_agent`,
      `${field('via')} AS via`,
    ]),
  },
  {
    name: 'messages',
    rows: 'a message: encounter, turn, from_agent, to_agent (null in a room), act, topic, text',
    select: ofType('message', [
      `${field('encounter')} AS encounter`,
      `${field('turn', 'INTEGER')} AS turn`,
      `${field('from')} AS from_agent`,
      `${field('to')} AS to_agent`,
      `${field('act')} AS act`,
      `${field('topic')} AS topic`,
      `${field('text')} AS text`,
    ]),
  },
  {
    name: 'evaluations',
    rows: 'a rating of a conversation partner: encounter, from_agent (rater), to_agent, rating, reasons (JSON)',
    select: ofType('evaluation', [
      `${field('encounter')} AS encounter`,
      `${field('from')} AS from_agent`,
      `${field('to')} AS to_agent`,
      `${field('rating', 'DOUBLE')} AS rating`,
      `event->'reasons' AS reasons`,
    ]),
  },
  {
    name: 'rewards',
    rows: "an agent's reward: agent, total, raw and weighted drivers (JSON)",
    select: ofType('reward', [
      `${field('agent')} AS agent`,
      `${field('total', 'DOUBLE')} AS total`,
      `event->'raw' AS raw`,
      `event->'weighted' AS weighted`,
    ]),
  },
  {
    name: 'actions',
    rows: 'a declared action taken: agent, action, phase, args and changes (JSON), reason',
    select: ofType('action', [
      `${field('agent')} AS agent`,
      `${field('action')} AS action`,
      `${field('phase')} AS phase`,
      `event->'args' AS args`,
      `event->'changes' AS changes`,
      `${field('reason')} AS reason`,
    ]),
  },
  {
    name: 'pushes',
    rows: "a rule that moved an offline action (the action's pushes): agent, action, phase, rule, size",
    select:
      `SELECT e.run, e.round, e.event->>'agent' AS agent, e.event->>'action' AS action, ` +
      `e.event->>'phase' AS phase, p.value->>'rule' AS rule, TRY_CAST(p.value->>'size' AS DOUBLE) AS size ` +
      `FROM events e, json_each(e.event->'pushes') p WHERE e.type = 'action'`,
  },
  {
    name: 'state',
    rows: "a declared quantity at a round's end: scope ('world' or the agent's id), quantity, value",
    select:
      `SELECT e.run, e.round, 'world' AS scope, w.key AS quantity, TRY_CAST(w.value AS DOUBLE) AS value ` +
      `FROM events e, json_each(e.event->'world') w WHERE e.type = 'state' ` +
      `UNION ALL SELECT e.run, e.round, a.key AS scope, q.key AS quantity, TRY_CAST(q.value AS DOUBLE) AS value ` +
      `FROM events e, json_each(e.event->'agents') a, json_each(a.value) q WHERE e.type = 'state'`,
  },
  {
    name: 'surveys',
    rows: "a survey answer: agent, instrument, item, answer (JSON: a number, an option's text or null)",
    select:
      `SELECT e.run, e.round, e.event->>'agent' AS agent, e.event->>'instrument' AS instrument, ` +
      `a.key AS item, a.value AS answer FROM events e, json_each(e.event->'answers') a WHERE e.type = 'survey'`,
  },
  {
    name: 'judgements',
    rows: "a judge's score: judging, judge, agent, encounter, partner, dimension, score (null: not given), reason",
    select:
      `SELECT e.run, e.round, e.event->>'judging' AS judging, e.event->>'judge' AS judge, e.event->>'agent' AS agent, ` +
      `e.event->>'encounter' AS encounter, e.event->>'partner' AS partner, s.key AS dimension, ` +
      `TRY_CAST(s.value AS DOUBLE) AS score, e.event->'reasons'->>s.key AS reason ` +
      `FROM events e, json_each(e.event->'scores') s WHERE e.type = 'judgement'`,
  },
];

export const TABLE_ROWS: Readonly<Record<TableName, string>> = {
  series: "an experiment's metric per condition and round: condition, round, metric, n, mean, ci_low, ci_high",
  summaries: "an experiment's summary per condition and metric (summary.csv)",
  runs: "an experiment's run: condition, seed, its metrics and failed model calls (runs.csv)",
  instruments: "per condition, each survey scale's reliability and each judging dimension's mean (instruments.csv)",
  fit: 'calibration fit per setting and measure (fit.csv)',
  fit_rounds: 'calibration fit per round (fit_rounds.csv)',
};

/** Each row's run or experiment from the file it was read from (one file: a constant). */
function ownerOf(sources: readonly SourceFile[]): string {
  if (sources.length === 1) return sqlString(sources[0].owner);
  return `MAP {${sources.map((s) => `${sqlString(s.file)}: ${sqlString(s.owner)}`).join(', ')}}[filename]`;
}

/** The `events` view: every trace line, its run (from the file it is in), type, round and agent. */
export function eventsSelect(files: RunFiles): string {
  const paths = files.traces.map((t) => sqlString(literalPath(t.file))).join(', ');
  return (
    `SELECT ${ownerOf(files.traces)} AS run, json->>'type' AS type, TRY_CAST(json->>'round' AS INTEGER) AS round, ` +
    `CASE WHEN json_type(json->'agent') = 'VARCHAR' THEN json->>'agent' ELSE json->'agent'->>'id' END AS agent, ` +
    `json AS event FROM read_ndjson_objects([${paths}], filename = true)`
  );
}

/** The views over the runs' prompt books (core/llm/promptBook.ts), in the order they are made; none without a book. */
export const PROMPT_VIEWS: readonly ViewDef[] = [
  {
    name: 'prompt_texts',
    rows: "a text of a run's prompt book (a message, a schema), stored once: sha256, text, cut (characters not kept)",
    select:
      "SELECT run, json->>'sha256' AS sha256, json->>'text' AS text, TRY_CAST(json->>'cut' AS BIGINT) AS cut " +
      "FROM prompt_lines WHERE (json->>'type') = 'text'",
  },
  {
    name: 'prompts',
    rows:
      'a model call (prompts.jsonl): agent, kind, key (the decision), model, call (2: the re-ask), system, prompt ' +
      "(the last message), answer (raw), parse ('ok' or why not), error, schema, messages (JSON: role, sha256 in prompt_texts)",
    select:
      "SELECT c.run, TRY_CAST(c.json->>'round' AS INTEGER) AS round, c.json->>'agent' AS agent, c.json->>'kind' AS kind, " +
      "c.json->>'key' AS key, c.json->>'model' AS model, TRY_CAST(c.json->>'call' AS INTEGER) AS call, " +
      's.text AS system, p.text AS prompt, ' +
      "c.json->>'answer' AS answer, c.json->>'parse' AS parse, c.json->>'error' AS error, k.text AS schema, " +
      "c.json->'messages' AS messages FROM prompt_lines c " +
      "LEFT JOIN prompt_texts s ON s.run = c.run AND s.sha256 = json_extract_string(c.json, '$.messages[0].sha256') " +
      "LEFT JOIN prompt_texts p ON p.run = c.run AND p.sha256 = json_extract_string(c.json, '$.messages[#-1].sha256') " +
      "LEFT JOIN prompt_texts k ON k.run = c.run AND k.sha256 = (c.json->>'schema') " +
      "WHERE (c.json->>'type') = 'call'",
  },
];

/** The prompt books' lines: their run, and the line as JSON. */
export function promptLinesSelect(files: RunFiles): string {
  const paths = files.prompts.map((t) => sqlString(literalPath(t.file))).join(', ');
  return `SELECT ${ownerOf(files.prompts)} AS run, json FROM read_ndjson_objects([${paths}], filename = true)`;
}

/** A CSV table's view: its rows with the folder it came from (`experiment`). */
/** The tables whose rows carry a condition's name. */
const NAMED_TABLES: ReadonlySet<TableName> = new Set(['series', 'summaries', 'runs']);

export function tableSelect(files: RunFiles, name: TableName): string | undefined {
  const sources = files.tables.get(name);
  if (!sources?.length) return undefined;
  const paths = sources.map((s) => sqlString(literalPath(s.file))).join(', ');
  // A condition name the CSV guarded against spreadsheets (text/csv.ts: `'=cmd…`) is read back as
  // it was written: one quote taken off, as the writer added exactly one (issue 87).
  const unguard = NAMED_TABLES.has(name)
    ? ` REPLACE (regexp_replace(condition, '^''(''*[=+\\-@\t\r])', '\\1') AS condition)`
    : '';
  return (
    `SELECT ${ownerOf(sources)} AS experiment, * EXCLUDE (filename)${unguard} ` +
    `FROM read_csv([${paths}], union_by_name = true, filename = true, header = true)`
  );
}

export { TABLE_FILES };
