// The friends example's experiment (coached and uncoached, 20 seeds each: 40 runs and their random
// graphs) reproduces the seed paper's claims as the README states them, Holm's correction and the
// degree-preserving null included. A scale test: its work is the 40 runs.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadScenarioFile } from '../../../src/core/format/project/load';
import { runExperiment } from '../../../src/core/experiment';
import { holmVerdict } from '../../../src/core/experiment/claimVerdict';

const repo = path.resolve(__dirname, '../../..');

describe('the friends example reproduces the seed paper (offline model)', function () {
  it('coaching raises density and median degree; reciprocity, clustering and homophily beat a random graph', async () => {
    const { scenario } = await loadScenarioFile(path.join(repo, 'examples/friends/friends.society'), { root: repo });
    assert.ok(scenario);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'exp-friends-'));
    const run = await runExperiment(scenario, { outDir: dir, traces: false });
    assert.equal(run.result.runs.length, scenario.experiment!.conditions.length * scenario.experiment!.seeds.length);
    const claims = run.result.claims;
    // Two coaching claims; three network claims per condition against each of two null models.
    assert.equal(claims.length, 2 + 3 * 2 * 2);
    for (const c of claims) assert.ok(c.holds, `${c.text}: ${c.evidence}`);
    // The README says every claim survives Holm's correction and the degree-preserving null.
    for (const c of claims) {
      assert.equal(
        holmVerdict(c).kind,
        'holds',
        `${c.text} after Holm (p ${c.p}, adjusted ${c.p_holm}): ${c.evidence}`,
      );
    }
    assert.equal(claims.filter((c) => c.text.includes('degree-preserving')).length, 6);
    for (const c of claims.filter((x) => x.text.startsWith('Coaching'))) assert.equal(c.test, 'paired t', c.text);
    for (const c of claims.filter((x) => x.text.startsWith('Coaching'))) {
      assert.ok(c.confident, `${c.text} with 95% confidence: ${c.evidence}`);
    }
    const html = fs.readFileSync(path.join(dir, 'experiment.html'), 'utf8');
    for (const c of claims) {
      assert.ok(html.includes(c.evidence.replace(/'/g, '&#39;')), `the report states: ${c.evidence}`);
    }
  });
});
