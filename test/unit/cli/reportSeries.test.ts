// Issue 45, outcomes over time in a run's report: metrics.json carries the declared state's
// outcomes and the series, series.csv one row per round; both need the scenario the trace names,
// unchanged (its hash), and go without the declared state when it is gone or edited.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { scratchDir } from '../../support/scratch';
import { GOODS_FRIENDS } from '../analysis/goodsFriends';

const repo = path.resolve(__dirname, '../../..');
const society = (args: string[]) =>
  spawnSync(process.execPath, [path.join(repo, 'bin/society.js'), ...args], {
    cwd: repo,
    encoding: 'utf8',
    timeout: 120_000,
  });

/** RFC 4180 rows of a CSV without quoted cells (these names need none). */
const rows = (text: string): string[][] =>
  text
    .trim()
    .split('\n')
    .map((l) => l.split(','));

describe('society report: the declared outcomes and series.csv', function () {
  it('writes the state outcomes and every round’s series, as the run’s --json has them', () => {
    const dir = scratchDir('society-report-series-');
    const file = path.join(dir, 'goods.society');
    fs.writeFileSync(file, GOODS_FRIENDS);
    const out = path.join(dir, 'run');
    const run = society(['run', file, '--out', out, '--json', '-q']);
    assert.equal(run.status, 0, run.stderr);
    const ran = JSON.parse(run.stdout);
    // A resumed run (here: one already finished) reads its outcomes back from its whole trace.
    const resumed = society(['run', file, '--out', out, '--resume', '--json', '-q']);
    assert.equal(resumed.status, 0, resumed.stderr);
    assert.deepEqual(JSON.parse(resumed.stdout).series, ran.series);
    assert.deepEqual(JSON.parse(resumed.stdout).state, ran.state);
    const report = society(['report', path.join(out, 'trace.jsonl'), '--static', '-q']);
    assert.equal(report.status, 0, report.stderr);
    const metrics = JSON.parse(fs.readFileSync(path.join(out, 'metrics.json'), 'utf8'));
    assert.deepEqual(metrics.state, ran.state);
    assert.deepEqual(metrics.series, ran.series);
    assert.equal(metrics.series.metrics.density.at(-1), metrics.network.density);

    const csv = rows(fs.readFileSync(path.join(out, 'series.csv'), 'utf8'));
    assert.deepEqual(csv[0], ['round', ...Object.keys(ran.series.metrics)]);
    assert.equal(csv.length, 1 + 7, 'a row per round, 0 to 6');
    const states = fs
      .readFileSync(path.join(out, 'trace.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l))
      .filter((e) => e.type === 'state');
    const pot = csv[0].indexOf('world.pot');
    assert.deepEqual(
      csv.slice(1).map((r) => Number(r[pot])),
      states.map((e) => e.world.pot),
    );
    // null (reciprocity with no tie) is an empty cell, never "null".
    assert.ok(!csv.flat().includes('null'));

    // The scenario edited since: no outcomes of a world the run did not have; the series are the
    // trace's own (its state events, issue 88), the run's values whatever the file says now.
    fs.writeFileSync(file, GOODS_FRIENDS.replace('pot: { initial: 0, min: 0 }', 'pot: { initial: 1, min: 0 }'));
    const again = society(['report', path.join(out, 'trace.jsonl'), '--static', '-q', '--out', path.join(dir, 'r2')]);
    assert.equal(again.status, 0, again.stderr);
    const edited = JSON.parse(fs.readFileSync(path.join(dir, 'r2', 'metrics.json'), 'utf8'));
    assert.equal(edited.state, undefined);
    assert.deepEqual(edited.series.metrics['world.pot'], ran.series.metrics['world.pot']);
    assert.deepEqual(edited.series.metrics.density, ran.series.metrics.density);
  });
});
