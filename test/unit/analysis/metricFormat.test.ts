import { strict as assert } from 'node:assert';
import { formatMetricValue } from '../../../src/core/analysis/report/metricFormat';
import { formatReal } from '../../../src/core/text/realFormat';
import { formatSummary, type RunSummary } from '../../../src/core/analysis/report/runSummary';

describe('metric formatting', () => {
  it('keeps fixed places unless they would show a non-zero value as zero', () => {
    assert.equal(formatReal(0.123456, 3), '0.123');
    assert.equal(formatReal(0, 3), '0.000');
    assert.equal(formatReal(0.0052, 3), '0.005');
    assert.equal(formatReal(0.00017, 3), '0.00017');
    assert.equal(formatReal(-0.00017, 3), '-0.00017');
    assert.equal(formatReal(0.5, 1), '0.5');
    assert.equal(formatReal(5.6e-15, 4), '0.0000', 'rounding residue is zero');
    assert.equal(formatReal(-5.6e-15, 4), '0.0000');
    assert.equal(formatReal(0.04, 1), '0.040');
    assert.equal(formatMetricValue('density', 0.000174), '0.0002');
    assert.equal(formatMetricValue('density', 0.0000174), '0.000017');
    assert.equal(formatMetricValue('density', 0.25), '0.2500');
  });

  it('shows a large society’s density in the run summary', () => {
    const s: RunSummary = {
      agents: 10000,
      ties: 17400,
      density: 17400 / (10000 * 9999),
      reciprocity: 0.5,
      average_clustering: 0.0012,
      communities: 900,
      median_degree: 3,
      reward: { social: 0.4, information: 0.2, presentation: 0.1, coordination: 0.2, support: 0.1 },
      baseline: { reciprocity: 0.0002, average_clustering: 0 },
    };
    const text = formatSummary(s);
    assert.match(text, /density\s+0\.00017\n/);
    assert.match(text, /reciprocity\s+0\.500 {2}\(random: 0\.00020\)/);
    assert.match(text, /clustering\s+0\.001 {2}\(random: 0\.000\)/);
  });
});
