// Time outcomes (issue 45) read off a run's series: the value after round k, and the first round a
// series reaches (≥) or falls to (≤) a level, censored at rounds + 1 when it never does; nulls are
// skipped, not read as "not yet". And the names and words around them.
import * as assert from 'node:assert/strict';
import { timeOutcome, timeOutcomes } from '../../../src/core/analysis/metrics/timeOutcomes';
import type { RunSeries } from '../../../src/core/analysis/metrics/runSeries';
import {
  describeTimeOutcome,
  malformedTimeOutcome,
  parseTimeOutcome,
  wantedTimeOutcomes,
} from '../../../src/core/format/model/timeOutcomeNames';
import { describeMetric } from '../../../src/core/analysis/report/metricDescriptions';
import { metricBounds } from '../../../src/core/analysis/metrics/metricBounds';
import { censoredText } from '../../../src/core/experiment/censored';
import { analyzeExperiment } from '../../../src/core/experiment/analyze';
import { formatExperiment, renderExperimentHtml, type RunOutcome } from '../../../src/core/experiment';
import { outcome } from './fixtures';

const series: RunSeries = {
  rounds: [0, 1, 2, 3, 4, 5],
  metrics: {
    'knowledge.rumour.share': [0.04, 0.12, 0.32, 0.5, 0.76, 0.92],
    'world.fish': [20, 17, 12, 9, 4, 6],
    'agents.catch.gini': [null, null, 0.2, 0.3, null, 0.1],
    // 7 × 0.1 in floating point: 0.7000000000000001, and 0.1 + 0.2 + 0.4 = 0.7000000000000001 too.
    'agents.share.mean': [0, 0.1 + 0.2 + 0.39999999999, 0.7, 0.7, 0.7, 0.7],
    density: [null, null, null, null, null, null],
  },
};

describe('time outcomes of a run', () => {
  it('finds the first round a series reaches or falls to a level', () => {
    assert.equal(timeOutcome(series, 'knowledge.rumour.share.reaches.0.5'), 3);
    assert.equal(timeOutcome(series, 'knowledge.rumour.share.reaches.0.3'), 2);
    assert.equal(timeOutcome(series, 'world.fish.falls.10'), 3);
    assert.equal(timeOutcome(series, 'world.fish.falls.4'), 4);
    // A level met at the start is met at round 0.
    assert.equal(timeOutcome(series, 'world.fish.reaches.20'), 0);
    assert.equal(timeOutcome(series, 'world.fish.falls.-1'), 6);
  });

  it('counts a run that never gets there as its rounds + 1 (censored)', () => {
    assert.equal(timeOutcome(series, 'knowledge.rumour.share.reaches.1'), 6);
    assert.equal(timeOutcome(series, 'world.fish.reaches.21'), 6);
    const shorter: RunSeries = { rounds: [0, 1, 2], metrics: { 'world.fish': [5, 5, 5] } };
    assert.equal(timeOutcome(shorter, 'world.fish.reaches.6'), 3);
  });

  it('meets a level within floating-point rounding', () => {
    assert.equal(timeOutcome(series, 'agents.share.mean.reaches.0.7'), 1);
  });

  it('skips undefined values, and is null where the series has none or is absent', () => {
    assert.equal(timeOutcome(series, 'agents.catch.gini.reaches.0.25'), 3);
    assert.equal(timeOutcome(series, 'agents.catch.gini.falls.0.15'), 5);
    assert.equal(timeOutcome(series, 'density.reaches.0.1'), null);
    assert.equal(timeOutcome(series, 'ties.reaches.3'), null);
  });

  it('gives the value after a round, null where undefined or past the run', () => {
    assert.equal(timeOutcome(series, 'world.fish.at.r0'), 20);
    assert.equal(timeOutcome(series, 'world.fish.at.r4'), 4);
    assert.equal(timeOutcome(series, 'agents.catch.gini.at.r1'), null);
    assert.equal(timeOutcome(series, 'world.fish.at.r9'), null);
    assert.deepEqual(timeOutcomes(series, ['world.fish.at.r2', 'world.fish.falls.12']), {
      'world.fish.at.r2': 12,
      'world.fish.falls.12': 2,
    });
  });
});

describe('time outcome names', () => {
  it('parses at, reaches and falls, splitting at the last marker', () => {
    assert.deepEqual(parseTimeOutcome('knowledge.rumour.share.reaches.0.5'), {
      series: 'knowledge.rumour.share',
      kind: 'reaches',
      level: 0.5,
    });
    assert.deepEqual(parseTimeOutcome('world.at.at.r3'), { series: 'world.at', kind: 'at', round: 3 });
    assert.deepEqual(parseTimeOutcome('world.t.falls.-2.5'), { series: 'world.t', kind: 'falls', level: -2.5 });
    for (const bad of [
      'world.t.reaches.half',
      'world.t.reaches.',
      'world.t.at.3',
      'world.t.falls.1e3',
      'world.t.reaches.0.5.1',
    ]) {
      assert.equal(parseTimeOutcome(bad), undefined, bad);
      assert.ok(malformedTimeOutcome(bad), bad);
    }
    assert.equal(parseTimeOutcome('world.fish.final'), undefined);
    assert.equal(malformedTimeOutcome('world.fish.final'), undefined);
  });

  it('collects those an experiment names in its metrics and claims, once each', () => {
    assert.deepEqual(
      wantedTimeOutcomes({
        metrics: ['density', 'world.fish.at.r3', 'world.fish.reaches.x'],
        claims: [
          { metric: 'knowledge.k.share.reaches.0.5' },
          { metric: 'world.fish.at.r3' },
          { metric: 'world.fish.final' },
        ],
      }),
      ['world.fish.at.r3', 'knowledge.k.share.reaches.0.5'],
    );
    assert.deepEqual(wantedTimeOutcomes(undefined), []);
  });

  it('says each in words for reports, with the censoring, and bounds it', () => {
    assert.match(
      describeTimeOutcome('knowledge.rumour.share.reaches.0.5')!,
      /^First round knowledge\.rumour\.share ≥ 0\.5 .*rounds \+ 1, censored/,
    );
    assert.match(describeMetric('world.fish.falls.3'), /^First round world\.fish ≤ 3 /);
    assert.equal(describeMetric('world.fish.at.r4'), 'world.fish after round 4.');
    assert.equal(describeMetric('world.fish.at.r0'), 'world.fish at the start (round 0).');
    assert.deepEqual(metricBounds('density.at.r3'), [0, 1]);
    assert.deepEqual(metricBounds('density.reaches.0.1'), [0, Infinity]);
    assert.equal(metricBounds('world.fish.at.r3'), undefined);
  });
});

describe('censored runs in verdicts and reports', () => {
  const six = [1, 2, 3, 4, 5, 6].map((round) => ({ round, ties: 0, mean_reward: 0 }));
  const run = (condition: string, seed: number, t: number): RunOutcome => ({
    ...outcome(condition, seed, { 'knowledge.news.share.reaches.0.5': t }),
    rounds: six,
  });
  const runs = [1, 2, 3, 4].flatMap((s) => [run('slow', s, s <= 2 ? 7 : 5 + (s % 2)), run('fast', s, 2 + (s % 2))]);
  const conditions = [
    { name: 'slow', set: {} },
    { name: 'fast', set: {} },
  ];

  it('counts the runs that never got there, by condition', () => {
    assert.equal(
      censoredText(runs, 'knowledge.news.share.reaches.0.5', ['slow', 'fast']),
      'never got there in 2 of 4 runs of slow, 0 of 4 of fast (counted as rounds + 1)',
    );
    assert.equal(censoredText(runs, 'density', ['slow', 'fast']), undefined);
  });

  it("says them in a claim's evidence, the terminal summary and the report", () => {
    const r = analyzeExperiment('s', conditions, [1, 2, 3, 4], runs, {
      claims: [{ metric: 'knowledge.news.share.reaches.0.5', higher: 'slow', than: 'fast' }],
    });
    const claim = r.claims.find((c) => c.family === 'declared')!;
    assert.equal(claim.holds, true);
    assert.match(
      claim.evidence,
      /; never got there in 2 of 4 runs of slow, 0 of 4 of fast \(counted as rounds \+ 1\)$/,
    );
    assert.match(
      formatExperiment(r),
      /\n {2}knowledge\.news\.share\.reaches\.0\.5: First round knowledge\.news\.share ≥ 0\.5 .* Never got there in 2 of 4 runs of slow, 0 of 4 of fast \(counted as rounds \+ 1\)\.(\n|$)/,
    );
    const html = renderExperimentHtml(r, { model: 'offline', rounds: 6, wallSeconds: 1 });
    assert.match(html, /First round knowledge\.news\.share ≥ 0\.5 .*never got there in/);
  });
});
