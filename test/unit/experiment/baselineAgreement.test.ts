// A run's random baseline is one figure wherever it is shown: the experiment's claims compare with
// the baseline the run's report prints (QA: the homophily baseline behind the claims was shown
// nowhere per run, so −0.08 in a claim could not be traced back to any run).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildRunReport } from '../../../src/core/analysis/report/reportModel';
import { renderReportHtml } from '../../../src/core/analysis/report/reportHtml';
import { assortativityBaseline } from '../../../src/core/analysis/metrics/assortativityBaseline';
import { loadScenarioFile } from '../../../src/core/format/project/load';
import { runOne } from '../../../src/core/experiment/runOne';
import { readTrace } from '../../../src/core/trace/reader';
import { scratchDir } from '../../support/scratch';

const repo = path.resolve(__dirname, '../../..');

describe("a run's random baseline", () => {
  it('is the same in the experiment outcome and in the run report, homophily included', async function () {
    const { scenario } = await loadScenarioFile(path.join(repo, 'examples/friends/friends.society'), { root: repo });
    assert.ok(scenario);
    const tracePath = path.join(scratchDir('society-baseline-'), 'trace.jsonl');
    const outcome = await runOne(scenario, { name: 'coached', set: { 'coaching.enabled': true } }, 3, {
      rounds: 8,
      tracePath,
    });
    const trace = readTrace(fs.readFileSync(tracePath, 'utf8'));
    const report = buildRunReport(trace.header!, trace.events, { seed: 3 });
    assert.equal(report.attribute, 'group');
    assert.ok(report.attributePresent, "the example's personas have groups");
    assert.equal(report.baseline.expected_reciprocity, outcome.baseline.reciprocity);
    assert.equal(report.baseline.mean_average_clustering, outcome.baseline.average_clustering);
    assert.equal(typeof outcome.baseline.group_assortativity, 'number');
    assert.equal(report.baseline.mean_attribute_assortativity, outcome.baseline.group_assortativity);
    // …and the report's metrics table prints it beside the observed figure.
    const html = renderReportHtml(report);
    const shown = html.match(
      /<code>group_<wbr\/>assortativity<\/code><\/td><td class="num">[^<]*<\/td><td class="num">([^<]*)<\/td>/,
    )?.[1];
    assert.ok(shown, 'the group_assortativity row has a baseline');
    assert.ok(
      Math.abs(Number(shown) - outcome.baseline.group_assortativity!) < 5e-5,
      `${shown} vs ${outcome.baseline.group_assortativity}`,
    );
  });

  it('of homophily is near 0, reproducible, and undefined without categories', () => {
    const categories = Array.from({ length: 40 }, (_, i) => ['a', 'b', 'c'][i % 3]);
    const v = assortativityBaseline(categories, 120, 7)!;
    assert.ok(Math.abs(v) < 0.1, `${v}`);
    assert.equal(assortativityBaseline(categories, 120, 7), v);
    assert.notEqual(assortativityBaseline(categories, 120, 8), v);
    assert.equal(
      assortativityBaseline(
        categories.map(() => ''),
        120,
        7,
      ),
      null,
    );
    assert.equal(assortativityBaseline(['a'], 0, 7), null);
  });
});
