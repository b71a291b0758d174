// `society report` writes what the world has (issue 73): a public goods game has no ties and no
// rewards, so its report has no tie files, no network or reward numbers in metrics.json, no tie or
// reward columns in series.csv, and its page links no tie file; a friendship run keeps all six.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { repoRoot } from '../analysis/sharedFixtures';

const root = repoRoot();
const society = (...args: string[]) =>
  spawnSync(process.execPath, [path.join(root, 'bin', 'society.js'), ...args], { cwd: root, encoding: 'utf8' });
const TIE_FILES = ['ties.graphml', 'ties.gexf', 'ties.csv'];

describe('society report: only what the world has', function () {
  let dir: string;
  let goods: string;
  let friends: string;

  before(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'society-report-ties-'));
    goods = path.join(dir, 'goods');
    friends = path.join(dir, 'friends');
    const runs: [string, string][] = [
      ['examples/public-goods/public-goods.society', goods],
      ['examples/friends/friends.society', friends],
    ];
    for (const [scenario, out] of runs) {
      const run = society('run', scenario, '--rounds', '2', '--out', out, '--json');
      assert.equal(run.status, 0, run.stderr);
    }
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('a world without ties gets no tie files, numbers, columns or links', () => {
    const out = path.join(dir, 'goods-report');
    const result = society('report', path.join(goods, 'trace.jsonl'), '--out', out, '--static');
    assert.equal(result.status, 0, result.stderr);
    const written = ['report.html', 'metrics.json', 'series.csv'].map((f) => path.join(out, f));
    assert.deepEqual(result.stdout.trim().split('\n'), written);
    for (const f of TIE_FILES) assert.ok(!existsSync(path.join(out, f)), f);
    const metrics = JSON.parse(readFileSync(path.join(out, 'metrics.json'), 'utf8'));
    for (const key of ['network', 'random_baseline', 'degree_preserving_baseline', 'rounds', 'threshold', 'rewards']) {
      assert.ok(!(key in metrics), `metrics.json has ${key}`);
    }
    assert.ok(metrics.state, 'the game state is there');
    const columns = readFileSync(path.join(out, 'series.csv'), 'utf8').split('\n')[0].split(',');
    for (const column of ['density', 'ties', 'reciprocity', 'louvain_modularity', 'mean_reward']) {
      assert.ok(!columns.includes(column), `series.csv has ${column}`);
    }
    assert.ok(columns.includes('world.pot'), columns.join(','));
    assert.deepEqual(Object.keys(metrics.series.metrics), columns.slice(1));
    const page = readFileSync(path.join(out, 'report.html'), 'utf8');
    assert.doesNotMatch(page, /ties\.(csv|gexf|graphml)|id="network"|id="rewards"/);
  });

  it('a world with ties keeps all six files and its network numbers', () => {
    const out = path.join(dir, 'friends-report');
    const result = society('report', path.join(friends, 'trace.jsonl'), '--out', out, '--static');
    assert.equal(result.status, 0, result.stderr);
    for (const f of ['report.html', 'metrics.json', 'series.csv', ...TIE_FILES]) {
      assert.ok(existsSync(path.join(out, f)), f);
    }
    const metrics = JSON.parse(readFileSync(path.join(out, 'metrics.json'), 'utf8'));
    assert.equal(typeof metrics.network.density, 'number');
    assert.ok(metrics.rewards);
    assert.match(readFileSync(path.join(out, 'series.csv'), 'utf8').split('\n')[0], /(^|,)density(,|$)/);
  });

  it("a report replacing one with ties takes its tie files with it, and leaves a user's alone", () => {
    const out = path.join(dir, 'shared');
    assert.equal(society('report', path.join(friends, 'trace.jsonl'), '--out', out, '--static').status, 0);
    assert.ok(existsSync(path.join(out, 'ties.csv')));
    const replaced = society('report', path.join(goods, 'trace.jsonl'), '--out', out, '--static');
    assert.equal(replaced.status, 0, replaced.stderr);
    for (const f of TIE_FILES) assert.ok(!existsSync(path.join(out, f)), `${f} of the earlier report is still there`);

    // A ties.csv of the user's own: kept, and not listed as ours, even under --overwrite.
    const mine = path.join(dir, 'mine');
    assert.equal(society('report', path.join(goods, 'trace.jsonl'), '--out', mine, '--static').status, 0);
    writeFileSync(path.join(mine, 'ties.csv'), 'my,own\n');
    const again = society('report', path.join(goods, 'trace.jsonl'), '--out', mine, '--static', '--overwrite');
    assert.equal(again.status, 0, again.stderr);
    assert.equal(readFileSync(path.join(mine, 'ties.csv'), 'utf8'), 'my,own\n');
    const listed = readFileSync(path.join(mine, '.society-files.json'), 'utf8');
    assert.doesNotMatch(listed, /ties\.csv/);
  });
});
