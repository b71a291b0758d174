// `society sql` over a real run and an experiment-shaped folder: the views answer what the trace
// holds (counted here by reading it line by line), only reads pass, files outside the folder stay
// shut, and Parquet export writes what the views hold.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runCommand } from '../../../src/cli/commands/run';
import { openRunDatabase, QueryError, queryRows, type RunDatabase } from '../../../src/core/query/database';
import { loadDuckDB } from '../../../src/core/query/duckdb';
import { findRunFiles } from '../../../src/core/query/runFiles';
import { quietly } from '../../support/quietly';
import { csvLine } from '../../../src/core/text/csv';
import { scratchDir } from '../../support/scratch';

const root = path.resolve(__dirname, '../../..');
const friends = path.join(root, 'examples/friends/friends.society');

function traceEvents(file: string): Record<string, unknown>[] {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

async function rows(db: RunDatabase, sql: string): Promise<unknown[][]> {
  return (await queryRows(db, sql, 10_000)).rows;
}

describe('society sql', function () {
  let dir: string, run: string, trace: string, exp: string;

  before(async () => {
    dir = scratchDir('society-sql-');
    run = path.join(dir, 'friends');
    const r = await quietly(() => runCommand.run([friends, '--out', run, '--rounds', '3', '--quiet']));
    assert.equal(r.result, 0, r.errors);
    trace = path.join(run, 'trace.jsonl');
    // An experiment's shape: traces/<condition>-seed<n>.jsonl and its tables beside them.
    exp = path.join(dir, 'exp');
    fs.mkdirSync(path.join(exp, 'traces'), { recursive: true });
    fs.copyFileSync(trace, path.join(exp, 'traces', 'coached-seed1.jsonl'));
    fs.linkSync(trace, path.join(exp, 'traces', 'uncoached-seed1.jsonl'));
    fs.writeFileSync(
      path.join(exp, 'series.csv'),
      'condition,round,metric,n,mean,ci_low,ci_high\ncoached,0,density,1,0.5,0.5,0.5\nuncoached,0,density,1,0.25,0.25,0.25\n',
    );
  });

  it('counts the events of each type as the trace holds them', async () => {
    const expected = new Map<string, number>();
    for (const e of traceEvents(trace)) expected.set(e.type as string, (expected.get(e.type as string) ?? 0) + 1);
    const db = await openRunDatabase(run);
    try {
      const got = await rows(db, 'SELECT type, count(*) AS n FROM events GROUP BY type');
      assert.deepEqual(new Map(got.map(([type, n]) => [type as string, n as number])), expected);
      assert.deepEqual(await rows(db, 'SELECT DISTINCT run FROM events'), [['friends']]);
    } finally {
      db.close();
    }
  });

  it("gives the ties and messages views the trace's own fields", async () => {
    const events = traceEvents(trace);
    const ties = events.filter((e) => e.type === 'tie').map((e) => [e.round, e.from, e.to, e.strength, e.exists]);
    const messages = events.filter((e) => e.type === 'message').map((e) => [e.encounter, e.turn, e.from, e.text]);
    const db = await openRunDatabase(trace);
    try {
      const tieRows = await rows(db, 'SELECT round, from_agent, to_agent, strength, "exists" FROM ties');
      assert.deepEqual(tieRows, ties);
      assert.deepEqual(await rows(db, 'SELECT encounter, turn, from_agent, text FROM messages'), messages);
    } finally {
      db.close();
    }
  });

  it('reads an experiment: a run per trace, and its CSV tables', async () => {
    const db = await openRunDatabase(exp);
    try {
      assert.deepEqual(await rows(db, 'SELECT run, count(*) FROM agents GROUP BY run ORDER BY run'), [
        ['coached-seed1', 16],
        ['uncoached-seed1', 16],
      ]);
      assert.deepEqual(await rows(db, 'SELECT experiment, condition, mean FROM series ORDER BY condition'), [
        ['exp', 'coached', 0.5],
        ['exp', 'uncoached', 0.25],
      ]);
      assert.ok(!db.views.includes('fit'), 'no fit.csv here, so no fit view');
    } finally {
      db.close();
    }
  });

  it("gives back a condition's own name from a CSV that guarded it against spreadsheets (issue 87)", async () => {
    const guarded = path.join(dir, 'guarded');
    fs.mkdirSync(guarded);
    const names = ["=cmd|' /C calc'!A0", "'=already quoted", "'plain", '+1', 'coached'];
    fs.writeFileSync(
      path.join(guarded, 'runs.csv'),
      ['condition,seed', ...names.map((n, i) => csvLine([n, i + 1]))].join('\n') + '\n',
    );
    const db = await openRunDatabase(guarded);
    try {
      assert.deepEqual(
        (await rows(db, 'SELECT condition FROM runs ORDER BY seed')).map((r) => r[0]),
        names,
      );
    } finally {
      db.close();
    }
  });

  it('reads a trace linked twice inside the folder once, under its first name (issue 87)', async () => {
    const twice = path.join(dir, 'twice');
    fs.mkdirSync(path.join(twice, 'traces'), { recursive: true });
    fs.copyFileSync(trace, path.join(twice, 'traces', 'a-seed1.jsonl'));
    fs.symlinkSync('a-seed1.jsonl', path.join(twice, 'traces', 'b-seed1.jsonl'));
    const db = await openRunDatabase(twice);
    try {
      assert.deepEqual(await rows(db, 'SELECT run, count(*) FROM agents GROUP BY run'), [['a-seed1', 16]]);
    } finally {
      db.close();
    }
  });

  it('takes one read statement only, and says why otherwise', async () => {
    const db = await openRunDatabase(run);
    try {
      const refused = async (sql: string, message: RegExp): Promise<void> => {
        await assert.rejects(db.query(sql), (err: Error) => err instanceof QueryError && message.test(err.message));
      };
      await refused('CREATE TABLE t AS SELECT 1', /only reads are allowed .* not a CREATE statement/);
      // DuckDB binds a COPY's target first, and the file system is shut by then: refused either way.
      await refused("COPY (SELECT 1) TO 'out.csv'", /not a COPY statement|file system operations are disabled/);
      await refused("ATTACH 'other.db'", /not a ATTACH statement/);
      await refused('SET threads = 1', /not a SET statement/);
      await refused('SELECT 1; SELECT 2', /one statement at a time, got 2/);
      await refused('SELEC 1', /syntax error at or near "SELEC"/);
      await refused('SELECT * FROM tie', /does not exist[\s\S]*views here: events, agents, ties/);
      assert.deepEqual(await rows(db, 'WITH t AS (SELECT 41 AS x) SELECT x + 1 FROM t'), [[42]]);
      assert.ok((await rows(db, 'DESCRIBE ties')).length > 0);
    } finally {
      db.close();
    }
  });

  it('opens no file but the ones it found: not outside the folder, not its other files', async () => {
    const db = await openRunDatabase(run);
    try {
      for (const file of [path.join(root, 'package.json'), path.join(run, 'checkpoint.json')]) {
        await assert.rejects(
          queryRows(db, `SELECT * FROM read_text('${file}')`, 1),
          /file system operations are disabled/,
        );
      }
      await assert.rejects(db.query('SET enable_external_access = true'), /only reads/);
    } finally {
      db.close();
    }
  });

  it('gives one pushes row per push an offline action names, and the dominant push per decision (issue 85)', async () => {
    const goods = path.join(dir, 'public-goods');
    const example = path.join(root, 'examples/public-goods/public-goods.society');
    const r = await quietly(() => runCommand.run([example, '--out', goods, '--rounds', '3', '--quiet']));
    assert.equal(r.result, 0, r.errors);
    const actions = traceEvents(path.join(goods, 'trace.jsonl')).filter((e) => e.type === 'action');
    type Push = { rule: string; size: number };
    const pushes = actions.flatMap((e) => ((e.pushes ?? []) as Push[]).map((p) => [e.round, e.agent, p.rule, p.size]));
    assert.ok(pushes.length > actions.length, `${pushes.length} pushes on ${actions.length} actions`);
    const db = await openRunDatabase(goods);
    try {
      // Rows in no set order: compared as sets of rows.
      const sorted = (xs: unknown[][]) => xs.map((x) => JSON.stringify(x)).sort();
      assert.deepEqual(sorted(await rows(db, 'SELECT round, agent, rule, size FROM pushes')), sorted(pushes));
      // The largest |size| of each decision: the first the trace lists (pushes are written largest first).
      const dominant = await rows(
        db,
        'SELECT round, agent, arg_max(rule, abs(size)) FROM pushes GROUP BY round, agent, action ORDER BY round, agent',
      );
      const first = actions
        .filter((e) => (e.pushes as Push[] | undefined)?.length)
        .map((e) => [e.round, e.agent, (e.pushes as Push[])[0].rule])
        .sort((a, b) => (a[0] as number) - (b[0] as number) || String(a[1]).localeCompare(String(b[1])));
      assert.deepEqual(dominant, first);
    } finally {
      db.close();
    }
  });

  it('leaves out a trace linked from outside the folder', () => {
    const folder = path.join(dir, 'linked');
    fs.mkdirSync(path.join(folder, 'inside'), { recursive: true });
    fs.mkdirSync(path.join(folder, 'outside'));
    fs.symlinkSync(trace, path.join(folder, 'outside', 'trace.jsonl'));
    fs.copyFileSync(trace, path.join(folder, 'inside', 'trace.jsonl'));
    const found = findRunFiles(folder);
    assert.deepEqual(
      found.traces.map((t) => t.owner),
      ['inside'],
    );
    assert.equal(found.skipped.length, 1);
    assert.match(found.skipped[0], /^outside\/trace\.jsonl: a link to .*, outside the folder$/);
  });

  it('exports every view as Parquet that reads back the same rows', async () => {
    const out = path.join(dir, 'parquet');
    fs.mkdirSync(out);
    const db = await openRunDatabase(exp, { writable: [fs.realpathSync(out)] });
    try {
      const written = await db.exportParquet(fs.realpathSync(out));
      const nonEmpty: string[] = [];
      for (const v of db.views) {
        if (((await rows(db, `SELECT count(*) FROM ${v}`))[0][0] as number) > 0) nonEmpty.push(v);
      }
      assert.ok(!nonEmpty.includes('actions'), 'friends declares no actions');
      assert.deepEqual(written.map((f) => path.basename(f)).sort(), nonEmpty.map((v) => `${v}.parquet`).sort());
      const [[n]] = await rows(db, 'SELECT count(*) FROM ties');
      const api = await loadDuckDB();
      const reader = await (await api.DuckDBInstance.create()).connect();
      const back = await reader.runAndReadAll(
        `SELECT count(*) FROM '${path.join(fs.realpathSync(out), 'ties.parquet')}'`,
      );
      assert.equal(Number(back.getRows()[0][0]), n);
      reader.closeSync();
    } finally {
      db.close();
    }
  });

  it('prints CSV and exits 2 on bad SQL from the command line', () => {
    const society = (...args: string[]) =>
      spawnSync(process.execPath, [path.join(root, 'bin', 'society.js'), 'sql', ...args], {
        cwd: root,
        encoding: 'utf8',
      });
    const ok = society(
      run,
      'SELECT round, count(*) AS n FROM messages GROUP BY round ORDER BY round',
      '--format',
      'csv',
    );
    assert.equal(ok.status, 0, ok.stderr);
    const perRound = new Map<number, number>();
    for (const e of traceEvents(trace)) {
      if (e.type === 'message') perRound.set(e.round as number, (perRound.get(e.round as number) ?? 0) + 1);
    }
    assert.equal(ok.stdout, `round,n\n${[...perRound].map(([r, n]) => `${r},${n}`).join('\n')}\n`);
    const bad = society(run, 'DELETE FROM events');
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /^society sql: /);
  });
});
