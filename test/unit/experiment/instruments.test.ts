// Surveys and judges in experiments (issue 48): each run's scale α, persona adherence and
// test–retest and each judging dimension's mean score, averaged per condition over seeds with a
// 95% t-interval — in instruments.csv, experiment.html and the terminal summary; an experiment
// without instruments writes no instruments.csv and its page and summary say nothing of them.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { formatExperiment, runExperiment } from '../../../src/core/experiment';
import { instrumentRows } from '../../../src/core/experiment/instrumentSummary';
import { correlationInterval, meanInterval } from '../../../src/core/stats/meanInterval';
import { scenarioFromText } from '../engine/traceHelpers';
import { scratchDir } from '../../support/scratch';

const SCENARIO = (instruments: boolean): string =>
  [
    'kind: scenario',
    'name: Measured',
    'seed: 1',
    'world: { rounds: 2, encounters: { mode: random, per_round: 2 }, conversation: { turns: 2 } }',
    'personas:',
    '  - { id: ana, name: Ana, group: a, interests: [x], traits: { extraversion: 0.9, agreeableness: 0.2 } }',
    '  - { id: bo, name: Bo, group: a, interests: [x], traits: { extraversion: 0.1, agreeableness: 0.8 } }',
    '  - { id: cy, name: Cy, group: b, interests: [x], traits: { extraversion: 0.5, agreeableness: 0.5 } }',
    '  - { id: di, name: Di, group: b, interests: [x], traits: { extraversion: 0.7, agreeableness: 0.1 } }',
    ...(instruments
      ? [
          'instruments:',
          '  pair:',
          '    title: Pair',
          '    items:',
          '      - { id: e1, text: I am outgoing. }',
          '      - { id: e2, text: I keep to myself. }',
          '      - { id: e3, text: I start conversations. }',
          '      - { id: a1, text: I am kind. }',
          '      - { id: a2, text: I insult people. }',
          '      - { id: a3, text: I help others. }',
          '    scales:',
          '      outgoing: { items: [e1, e2, e3], reverse: [e2], measures: extraversion }',
          '      kind: { items: [a1, a2, a3], reverse: [a2], measures: agreeableness }',
          'surveys:',
          '  - { instrument: pair, at: [start, end] }',
          'judges:',
          '  - name: presence',
          '    rubric:',
          '      dimensions:',
          '        busy: { description: How much they did, min: 1, max: 5, offline: activity }',
          '    rounds: [2]',
        ]
      : []),
    'experiment:',
    '  seeds: [1, 2, 3]',
    '  conditions:',
    '    - { name: off, set: { coaching.enabled: false } }',
    '    - { name: on, set: { coaching.enabled: true } }',
    '',
  ].join('\n');

const csv = (text: string): string[][] =>
  text
    .trim()
    .split('\n')
    .map((l) => l.split(','));

describe('surveys and judges in experiments', function () {
  it('averages each scale and dimension over seeds per condition, with finite 95% CIs', async () => {
    const dir = scratchDir('exp-instruments-');
    const { result } = await runExperiment(await scenarioFromText(SCENARIO(true)), {
      outDir: dir,
      traces: false,
      jobs: 1,
    });
    const [head, ...rows] = csv(fs.readFileSync(path.join(dir, 'instruments.csv'), 'utf8'));
    assert.deepEqual(head, [
      'condition',
      'source',
      'instrument',
      'scale',
      'statistic',
      'mean',
      'ci_low',
      'ci_high',
      'runs',
    ]);
    const keys = rows.map((r) => r.slice(0, 5).join(' '));
    for (const c of ['off', 'on']) {
      for (const scale of ['outgoing', 'kind']) {
        for (const stat of ['alpha', 'adherence_r', 'retest_r']) {
          assert.ok(keys.includes(`${c} survey pair ${scale} ${stat}`));
        }
      }
      assert.ok(keys.includes(`${c} judging presence busy mean_score`));
    }
    for (const r of rows) {
      const [mean, low, high] = r.slice(5, 8).map(Number);
      assert.equal(r[8], '3', r.join(','));
      assert.ok(Number.isFinite(low) && Number.isFinite(high) && low <= mean && mean <= high, r.join(','));
    }
    /** Condition on's outgoing `statistic`: each run's value, and the row that sums them up. */
    const outgoing = (statistic: string) => ({
      values: result.runs
        .filter((r) => r.condition === 'on')
        .map((r) => r.instruments!.find((v) => v.part === 'outgoing' && v.statistic === statistic)!.value),
      row: instrumentRows(result).find(
        (x) => x.condition === 'on' && x.part === 'outgoing' && x.statistic === statistic,
      )!,
    });
    // α's interval is the t-interval over the runs' own values; a correlation's is the t-interval
    // of its runs' Fisher z, back on the r scale.
    const alpha = outgoing('alpha');
    assert.deepEqual(alpha.row.estimate, meanInterval(alpha.values));
    const retest = outgoing('retest_r');
    assert.deepEqual(retest.row.estimate, correlationInterval(retest.values));
    assert.ok(retest.row.estimate.low! > -1 && retest.row.estimate.high! < 1);

    const page = fs.readFileSync(path.join(dir, 'experiment.html'), 'utf8');
    assert.match(page, /<h2>Instruments<\/h2>/);
    assert.match(page, /<td>adherence r<\/td>/);
    const text = formatExperiment(result);
    assert.match(text, /Instruments \(mean over runs, 95% CI\):/);
    assert.match(text, /survey pair \/ outgoing — off: α -?\d\.\d+ \(.+….+\), adherence r .+, retest r .+; on: α/);
    assert.match(text, /judging presence \/ busy — off: mean score \d/);
  });

  it('writes nothing of instruments for an experiment without surveys or judges', async () => {
    const dir = scratchDir('exp-no-instruments-');
    const { result } = await runExperiment(await scenarioFromText(SCENARIO(false)), {
      outDir: dir,
      traces: false,
      jobs: 1,
    });
    assert.ok(!fs.existsSync(path.join(dir, 'instruments.csv')));
    assert.ok(result.runs.every((r) => !('instruments' in r)));
    assert.doesNotMatch(fs.readFileSync(path.join(dir, 'experiment.html'), 'utf8'), /Instruments/);
    assert.doesNotMatch(formatExperiment(result), /Instruments/);
  });
});
