// Issue 72: the offline model sees stakes, the rounds left and how its payoff compares with the
// others'. Changes were each divided by the largest change any option made to the same target, so
// a benefit of 5 or 3 to a partner weighed alike; reciprocity's worth ignored how many rounds
// remain; and no responder minded being left far behind.
import * as assert from 'node:assert/strict';
import { act } from '../../../src/core/llm/offline/act';
import { shadowOfFuture, CONTINUATION } from '../../../src/core/llm/offline/reciprocity';
import { aversion, comparisonOf, inequity, FAIRNESS } from '../../../src/core/llm/offline/inequity';
import { stream } from '../../../src/core/random/rng';
import type { ActOption, ActRequest } from '../../../src/core/llm/types';
import { actRequest } from '../../support/actRequests';

const request = (options: ActOption[], extra: Partial<ActRequest> = {}): ActRequest =>
  actRequest(options, {
    own: [{ name: 'points', value: 10 }],
    others: [{ id: 'b', name: 'B', tie: 0, state: { points: 10 } }],
    ...extra,
  });

const share = (req: ActRequest, action: string, n = 600): number =>
  Array.from({ length: n }, (_, i) => act(req, stream(3, 'stakes', i))).filter((d) => d.action === action).length / n;

const dilemma = (benefit: number, later_turns: number): ActRequest =>
  request(
    [
      { action: 'cooperate', args: {}, changes: { 'me.points': -1, 'b.points': benefit } },
      { action: 'defect', args: {}, changes: {} },
    ],
    { later_turns },
  );

describe('offline model: stakes, horizon and envy (issue 72)', () => {
  it('a larger benefit to the partner raises cooperation (one unit per quantity, whoever holds it)', () => {
    const three = share(dilemma(3, 0), 'cooperate'),
      five = share(dilemma(5, 0), 'cooperate');
    assert.ok(five > three + 0.05, `benefit 3: ${three}, benefit 5: ${five}`);
  });

  it('more rounds left make reciprocity worth more, and none left worth nothing', () => {
    assert.equal(shadowOfFuture(0), 0);
    assert.equal(shadowOfFuture(undefined), 0);
    assert.ok(Math.abs(shadowOfFuture(4) - (1 - CONTINUATION ** 4)) < 1e-12);
    assert.ok(shadowOfFuture(19) > shadowOfFuture(4));
    const four = share(dilemma(3, 4), 'cooperate'),
      nineteen = share(dilemma(3, 19), 'cooperate'),
      none = share(dilemma(3, 0), 'cooperate');
    assert.ok(nineteen > four && four > none, `0 left ${none}, 4 left ${four}, 19 left ${nineteen}`);
  });

  it('in the last turn a partner’s kindness of an earlier round is not rewarded; one of this round is', () => {
    // B gave (conduct 1) where the others shown did not: the conduct gap rewards it.
    const others = (conduct_now?: true): ActRequest['others'] => [
      { id: 'b', name: 'B', tie: 0, state: { points: 10 }, conduct: 1, ...(conduct_now ? { conduct_now } : {}) },
      { id: 'c', name: 'C', tie: 0, state: { points: 10 }, conduct: 0 },
    ];
    const kind = (later_turns: number, conduct_now?: true) =>
      share({ ...dilemma(3, later_turns), others: others(conduct_now) }, 'cooperate');
    const earlierAtEnd = kind(0),
      nowAtEnd = kind(0, true),
      plain = share(dilemma(3, 0), 'cooperate');
    // Before the end the earlier kindness is rewarded (beyond what reciprocity's shadow adds).
    assert.ok(kind(1) > share(dilemma(3, 1), 'cooperate') + 0.05, `earlier kindness, 1 left: ${kind(1)}`);
    assert.ok(Math.abs(earlierAtEnd - plain) < 0.03, `earlier kindness at the end ${earlierAtEnd}, none ${plain}`);
    assert.ok(nowAtEnd > earlierAtEnd + 0.05, `this round's kindness ${nowAtEnd}, an earlier round's ${earlierAtEnd}`);
  });

  it('α follows Fehr & Schmidt’s distribution; no draws, no envy', () => {
    assert.deepEqual(aversion(request([])), { envy: 0 });
    const alpha = (u: number) => aversion(request([], { fairness: { envy: u } })).envy;
    assert.deepEqual([alpha(0.1), alpha(0.4), alpha(0.7), alpha(0.95)], [0, 0.5, 1, 4]);
  });

  it('envy is judged against the payoffs the round is expected to close with, in the quantity’s unit', () => {
    // A responder offered 2 of 10: accepting leaves it 6 behind the proposer; rejecting, level.
    const accept: ActOption = { action: 'accept', args: {}, changes: { 'me.points': 2, 'b.points': 8 } };
    const reject: ActOption = { action: 'reject', args: {}, changes: {} };
    const req = request([accept, reject], { fairness: { envy: 0.95 } });
    const cmp = comparisonOf(req);
    assert.deepEqual(cmp, { ids: ['b'], names: ['points'] });
    assert.ok(Math.abs(inequity(req, accept, cmp, () => 8) - (-FAIRNESS * 4 * 6) / 8) < 1e-12);
    assert.equal(
      inequity(req, reject, cmp, () => 8),
      0,
    );
    // Expected to close 6 ahead already (what the round brings it), accepting leaves it level.
    const ahead = { ...req, expected_close: { 'me.points': 6 } };
    assert.equal(
      inequity(ahead, accept, cmp, () => 8),
      0,
    );
  });

  it('envious responders turn down low offers more often than fair ones', () => {
    const offer = (x: number, envy: number) =>
      request(
        [
          { action: 'accept', args: {}, changes: { 'me.points': x, 'b.points': 10 - x } },
          { action: 'reject', args: {}, changes: {} },
        ],
        {
          own: [{ name: 'points', value: 0 }],
          others: [{ id: 'b', name: 'B', tie: 0, state: { points: 0 } }],
          fairness: { envy },
        },
      );
    const low = share(offer(1, 0.95), 'reject'),
      fair = share(offer(5, 0.95), 'reject'),
      calm = share(offer(1, 0.1), 'reject');
    assert.ok(low > fair + 0.2, `offer 1: ${low} rejected, offer 5: ${fair}`);
    assert.ok(low > calm + 0.2, `envious ${low}, not envious ${calm}`);
  });
});
