// `society metrics` end to end: spawns the real command on a NetworkX fixture.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { COUNT_METRICS } from '../../../src/core/analysis/metrics/networkMetrics';
import { graphFixturesDir, repoRoot } from '../analysis/sharedFixtures';

const root = repoRoot();
const society = (...args: string[]) =>
  spawnSync(process.execPath, [path.join(root, 'bin', 'society.js'), ...args], { cwd: root, encoding: 'utf8' });

describe('society metrics', () => {
  const fixtureFile = path.join(graphFixturesDir(), 'graph-100.json');
  const expected = JSON.parse(readFileSync(fixtureFile, 'utf8')).expected as Record<string, number | null>;

  it('prints JSON whose keys and values match the fixture', () => {
    const result = society('metrics', path.relative(root, fixtureFile), '--json');
    assert.equal(result.status, 0, result.stderr);
    const metrics = JSON.parse(result.stdout) as Record<string, unknown>;
    for (const [key, want] of Object.entries(expected)) {
      if (want === null || COUNT_METRICS.includes(key)) assert.strictEqual(metrics[key], want, key);
      else assert.ok(Math.abs((metrics[key] as number) - want) <= 1e-9, `${key}: ${metrics[key]} vs ${want}`);
    }
  });

  it('says plainly why a file cannot be read: a folder, a missing file', () => {
    const folder = society('metrics', 'examples');
    assert.equal(folder.status, 1);
    assert.equal(folder.stderr.trim(), 'society metrics: examples: cannot read it: it is a folder, not a file');
    const missing = society('metrics', 'no-such-graph.json');
    assert.equal(missing.stderr.trim(), 'society metrics: no-such-graph.json: cannot read it: no such file');
  });

  it('says when no node has the --attribute asked for', () => {
    const none = society('metrics', fixtureFile, '--attribute', 'nope');
    assert.equal(none.status, 0, none.stderr);
    assert.equal(
      none.stderr.trim(),
      "society metrics: note: no agent has the attribute 'nope': nope_assortativity and nope_modularity are n/a",
    );
    assert.match(none.stdout, /^nope_assortativity\s+n\/a$/m);
    assert.equal(society('metrics', fixtureFile).stderr, '', 'nothing said for the default attribute');
  });

  it("refuses --attribute degree, whose homophily would overwrite the network's degree_assortativity", () => {
    for (const command of ['metrics', 'report']) {
      const r = society(command, fixtureFile, '--attribute', 'degree');
      assert.equal(r.status, 2, command);
      assert.match(r.stderr, /--attribute degree would be reported as degree_assortativity/, command);
    }
  });

  it('prints a table for people', () => {
    const result = society('metrics', fixtureFile);
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /^reciprocity\s+0\.4561$/m);
    assert.match(result.stdout, /^mutual_pairs\s+13$/m);
  });

  it('names homophily metrics after --attribute', () => {
    const result = society('metrics', fixtureFile, '--json', '--attribute', 'openness');
    assert.equal(result.status, 0, result.stderr);
    const metrics = JSON.parse(result.stdout);
    assert.equal(typeof metrics.openness_assortativity, 'number');
    assert.ok(!('group_assortativity' in metrics));
  });

  it('fails clearly on a missing file and on bad usage', () => {
    const missing = society('metrics', 'no-such-graph.json');
    assert.equal(missing.status, 1);
    assert.match(missing.stderr, /no-such-graph\.json/);
    assert.equal(society('metrics').status, 2);
    assert.equal(society('metrics', fixtureFile, '--bogus').status, 2);
  });
});
