// Issue 70: SQL had no bound. A recursive CTE ran until killed, a cancelled query kept running, a
// 50 MB cell went out whole, a folder named `[ab]` was read as a glob (itself gone, `a` and `b`
// twice) and `--format csv` wrote `=cmd|…` cells raw. Each is bounded where every query passes.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { openRunDatabase, QueryError, queryRows } from '../../../src/core/query/database';
import { writeResult } from '../../../src/core/query/resultText';
import { scratchDir } from '../../support/scratch';

const NEVER_ENDS = 'WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r) SELECT count(*) FROM r';

/** A folder of runs, each a one-line trace naming its folder. */
function runsFolder(names: string[]): string {
  const dir = scratchDir('society-sql-bounds-');
  for (const name of names) {
    fs.mkdirSync(path.join(dir, name), { recursive: true });
    fs.writeFileSync(path.join(dir, name, 'trace.jsonl'), `${JSON.stringify({ type: 'header', round: 0, name })}\n`);
  }
  return dir;
}

describe('society sql is bounded (issue 70)', function () {
  it('a query that never ends stops at its time limit, and the database answers the next one', async () => {
    const db = await openRunDatabase(runsFolder(['a']), { timeLimitMs: 1000 });
    try {
      await assert.rejects(
        queryRows(db, NEVER_ENDS, 10),
        (err: Error) => err instanceof QueryError && /ran past its time limit of 1 s and was stopped/.test(err.message),
      );
      assert.deepEqual((await queryRows(db, 'SELECT 41 + 1', 10)).rows, [[42]]);
    } finally {
      db.close();
    }
  });

  it('`society sql --time-limit 1` ends a query that never ends with a clear error (exit 2)', () => {
    const r = spawnSync(
      process.execPath,
      [path.resolve(__dirname, '../../../bin/society.js'), 'sql', runsFolder(['a']), NEVER_ENDS, '--time-limit', '1'],
      { encoding: 'utf8', timeout: 50_000 },
    );
    assert.equal(r.status, 2, r.stderr);
    assert.match(r.stderr, /^society sql: the query ran past its time limit of 1 s and was stopped/);
  });

  it('a cancelled query stops, says so, and the next one is answered', async () => {
    const db = await openRunDatabase(runsFolder(['a']), { timeLimitMs: 600_000 });
    try {
      const cancel = new AbortController();
      const asked = queryRows(db, NEVER_ENDS, 10, cancel.signal);
      cancel.abort();
      await assert.rejects(asked, (err: Error) => err instanceof QueryError && /cancelled/.test(err.message));
      const already = queryRows(db, 'SELECT 1', 10, cancel.signal);
      await assert.rejects(already, /cancelled/);
      assert.deepEqual((await queryRows(db, 'SELECT 41 + 1', 10)).rows, [[42]]);
    } finally {
      db.close();
    }
  });

  it('memory and threads are capped before the settings are locked', async () => {
    const db = await openRunDatabase(runsFolder(['a']));
    try {
      const [[memory, threads, temp]] = (
        await queryRows(
          db,
          "SELECT current_setting('memory_limit'), current_setting('threads'), current_setting('temp_directory')",
          1,
        )
      ).rows;
      assert.match(String(memory), /^953\.6 MiB$/);
      assert.ok(Number(threads) <= 2, `threads ${threads}`);
      assert.equal(temp, '', 'nothing spilled to disk');
    } finally {
      db.close();
    }
  });

  it('reads paths literally: a folder named [ab] beside a and b, each counted once', async () => {
    const db = await openRunDatabase(runsFolder(['a', 'b', '[ab]', '*', 'c?']));
    try {
      const { rows } = await queryRows(
        db,
        "SELECT run, event->>'name' AS name, count(*) FROM events GROUP BY ALL ORDER BY run",
        10,
      );
      assert.deepEqual(rows, [
        ['*', '*', 1],
        ['[ab]', '[ab]', 1],
        ['a', 'a', 1],
        ['b', 'b', 1],
        ['c?', 'c?', 1],
      ]);
    } finally {
      db.close();
    }
  });

  it('an answer over its budget: long cells cut with a note, rows and characters capped', async () => {
    const db = await openRunDatabase(runsFolder(['a']));
    try {
      const big = await queryRows(db, "SELECT repeat('x', 50000000) AS cell, 7 AS n", 10);
      const [[cell, n]] = big.rows;
      assert.equal(n, 7);
      assert.ok(typeof cell === 'string' && cell.length < 20_000, 'the cell is cut');
      assert.match(String(big.notes), /1 cell cut to its first \d+ characters \(of 50000000\)/);
      const many = await queryRows(db, "SELECT repeat('y', 5000) FROM range(1000)", 1000);
      assert.ok(many.rows.length < 1000 && many.truncated, 'rows stop at the character budget');
      assert.match(String(many.notes), /answer budget/);
    } finally {
      db.close();
    }
  });

  it('--format csv writes a formula-like cell as text', async () => {
    const db = await openRunDatabase(runsFolder(['a']));
    try {
      let text = '';
      await writeResult(
        await db.query(`SELECT '=cmd|'' /C calc''!A0' AS a, '+1' AS b, -0.25 AS c, '@x' AS d`),
        'csv',
        (t) => {
          text += t;
        },
      );
      assert.equal(text, `a,b,c,d\n'=cmd|' /C calc'!A0,'+1,-0.25,'@x\n`);
    } finally {
      db.close();
    }
  });
});
