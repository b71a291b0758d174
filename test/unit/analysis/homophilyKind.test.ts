// The report and the metric descriptions say whether attribute homophily is numeric or categorical.
import assert from 'node:assert/strict';
import { describeMetric } from '../../../src/core/analysis/report/metricDescriptions';
import { formatMetricValue } from '../../../src/core/analysis/report/metricFormat';
import { renderReportHtml } from '../../../src/core/analysis/report/reportHtml';
import { buildRunReport } from '../../../src/core/analysis/report/reportModel';
import { reportScenario, runTrace } from './runTrace';

describe('homophily kind in the report', function () {
  let trace: Awaited<ReturnType<typeof runTrace>>;

  before(async () => {
    const scenario = reportScenario(9, 3);
    // Ages for all but one agent: that one is left out of the numeric figure.
    scenario.personas.forEach((p, i) => {
      if (i > 0) p.age = 20 + 5 * i;
    });
    trace = await runTrace(scenario);
  });

  it('reports a numeric attribute as a correlation, without modularity, counting who is left out', () => {
    const report = buildRunReport(trace.header, trace.events, { attribute: 'age' });
    assert.equal(report.metrics.age_assortativity_kind, 'numeric');
    assert.equal(report.metrics.age_assortativity_missing, 1);
    assert.ok(!('age_modularity' in report.metrics));
    const html = renderReportHtml(report);
    assert.match(html, /Homophily \(numeric\): do agents tie to others of similar age/);
    assert.match(html, /<code>age_<wbr\/>assortativity_<wbr\/>kind<\/code><\/td><td class="num">numeric<\/td>/);
    assert.match(html, /Agents without a numeric age, left out/);
  });

  it('treats traits as numeric too', () => {
    const report = buildRunReport(trace.header, trace.events, { attribute: 'openness' });
    assert.equal(report.metrics.openness_assortativity_kind, 'numeric');
    assert.equal(report.metrics.openness_assortativity_missing, 0);
  });

  it('reports a text attribute as categorical, with its modularity', () => {
    const report = buildRunReport(trace.header, trace.events);
    assert.equal(report.metrics.group_assortativity_kind, 'categorical');
    assert.ok('group_modularity' in report.metrics);
    const html = renderReportHtml(report);
    assert.match(html, /Homophily \(categorical\): do agents tie within their group/);
    assert.match(html, /<code>group_<wbr\/>assortativity_<wbr\/>kind<\/code><\/td><td class="num">categorical<\/td>/);
  });

  it('describes the kind key and shows its value as text in the CLI table', () => {
    assert.match(describeMetric('age_assortativity_kind'), /numeric .* or categorical/);
    assert.match(describeMetric('age_assortativity'), /categorical/, 'without the metrics: the categorical reading');
    assert.equal(formatMetricValue('age_assortativity_kind', 'numeric'), 'numeric');
  });
});
