import assert from 'node:assert/strict';
import { rewardCurves } from '../../../src/core/analysis/report/rewardCurves';
import { formatMetricValue } from '../../../src/core/analysis/report/metricFormat';
import type { DriverWeights } from '../../../src/core/format/model/model';
import type { RewardEvent, TraceEvent } from '../../../src/core/trace/events';

const raw = (social: number, information = 0): DriverWeights => ({
  social,
  information,
  presentation: 0,
  coordination: 0,
  support: 0,
});
const reward = (round: number, agent: string, r: DriverWeights, total: number): RewardEvent => ({
  type: 'reward',
  round,
  agent,
  raw: r,
  weighted: r,
  total,
  basis: {
    conversations: 1,
    partners: 1,
    rating_received: 0,
    questions_asked: 0,
    answers_received: 0,
    new_topics: 0,
    shares: 0,
    shares_acknowledged: 0,
    plans_agreed: 0,
    support_received: 0,
    support_given: 0,
  },
});

describe('rewardCurves', () => {
  it('averages raw rewards per driver over the agents rewarded each round, with gaps as null', () => {
    const events: TraceEvent[] = [
      { type: 'round_start', round: 1, agents: 2 },
      reward(1, 'a', raw(0.2, 1), 0.5),
      reward(1, 'b', raw(0.6, 0), 0.1),
      reward(3, 'a', raw(1, 0.5), 0.9),
    ];
    const curves = rewardCurves(events);
    assert.deepEqual(curves.rounds, [1, 2, 3]);
    assert.deepEqual(curves.drivers.social, [0.4, null, 1]);
    assert.deepEqual(curves.drivers.information, [0.5, null, 0.5]);
    assert.deepEqual(curves.drivers.support, [0, null, 0]);
    assert.deepEqual(curves.total, [0.3, null, 0.9]);
  });

  it('is empty without reward events', () => {
    assert.deepEqual(rewardCurves([]).rounds, []);
  });
});

describe('formatMetricValue', () => {
  it('formats counts, reals, undefined values and distributions', () => {
    assert.equal(formatMetricValue('edges', 57), '57');
    assert.equal(formatMetricValue('density', 0.0655172), '0.0655');
    assert.equal(formatMetricValue('density', 0), '0');
    assert.equal(formatMetricValue('reciprocity', null), 'n/a');
    assert.equal(formatMetricValue('in_degree_distribution', [3, 0, 2]), '0:3 2:2');
    assert.equal(formatMetricValue('in_degree_distribution', []), '-');
  });
});
