// The debugger's exception filters: which events each one stops after, and what it says.
import * as assert from 'node:assert/strict';
import { EVENT_FILTERS, eventFilter } from '../../../src/core/debug/eventFilters';
import type { TraceEvent } from '../../../src/core/trace/events';

const filter = (id: string) => eventFilter(id)!;
const tie = (previous: number, strength: number, cause: 'initial' | 'evaluation' = 'evaluation'): TraceEvent => ({
  type: 'tie',
  round: 2,
  from: 'maya',
  to: 'tom',
  previous,
  strength,
  exists: strength >= 0.6,
  cause,
});
const error = (handling: 'skipped' | 'fallback' | 'recovered'): TraceEvent => ({
  type: 'error',
  round: 1,
  agent: 'maya',
  phase: 'act',
  kind: 'speak',
  message: 'timed out after 60000 ms',
  handling,
  reason: 'timeout',
});

describe('debugger exception filters', () => {
  it('has unique ids, each for one event type, all off by default', () => {
    assert.equal(new Set(EVENT_FILTERS.map((f) => f.id)).size, EVENT_FILTERS.length);
    assert.ok(EVENT_FILTERS.every((f) => !f.default && f.label && f.description));
  });

  it('"Tie formed": a rating that lifts a tie across the threshold, not an existing tie or an initial one', () => {
    const f = filter('tieFormed');
    assert.equal(f.matches(tie(0.55, 0.62), 0.6), true);
    assert.equal(f.matches(tie(0.62, 0.7), 0.6), false, 'already a tie');
    assert.equal(f.matches(tie(0.4, 0.5), 0.6), false, 'still under the threshold');
    assert.equal(f.matches(tie(0, 0.65, 'initial'), 0.6), false, 'a relationship in the persona file');
    assert.deepEqual(f.agentsOf(tie(0.55, 0.62)), ['maya', 'tom'], 'the rater first');
    assert.equal(f.describe(tie(0.55, 0.62)), 'maya → tom: tie formed (0.55 → 0.62, evaluation)');
    const names = new Map([
      ['maya', 'Maya Chen'],
      ['tom', 'Tom Ruiz'],
    ]);
    assert.equal(
      f.describe(tie(0.55, 0.62), (id) => names.get(id)),
      'Maya Chen → Tom Ruiz: tie formed (0.55 → 0.62, evaluation)',
      'people by name where the names are known (issue 42: 5)',
    );
  });

  it('"Failed model calls" and "Retried model calls" split error events by what became of the call', () => {
    assert.deepEqual(
      ['skipped', 'fallback', 'recovered'].map((h) => filter('failedCall').matches(error(h as 'skipped'), 0.6)),
      [true, true, false],
    );
    assert.deepEqual(
      ['skipped', 'fallback', 'recovered'].map((h) => filter('retriedCall').matches(error(h as 'skipped'), 0.6)),
      [false, false, true],
    );
    assert.equal(
      filter('failedCall').describe(error('fallback')),
      'maya · act (speak): timed out after 60000 ms — answered by the offline rule-based model',
    );
    assert.equal(
      filter('failedCall').describe(error('skipped')),
      'maya · act (speak): timed out after 60000 ms — the step was skipped',
    );
  });

  it('"Reflection": every reflection event, about its agent', () => {
    const r: TraceEvent = {
      type: 'reflection',
      round: 4,
      agent: 'tom',
      memory: 41,
      evidence: [3, 9],
      importance_sum: 152,
    };
    assert.equal(filter('reflection').matches(r, 0.6), true);
    assert.equal(
      filter('reflection').describe(r),
      'tom reflected (memory #41, importance since the last reflection 152)',
    );
  });
});

describe('"Action taken" says who did what by name (issue 42: 5)', () => {
  const give = {
    type: 'action',
    round: 2,
    agent: 't3',
    action: 'give',
    args: { recipient: 'k7', amount: 1.5 },
    changes: { 't3.wealth': [10, 8.5], 'k7.wealth': [4, 7], 'world.pot': [0, 1.5] },
    reason: 'give',
    phase: 'contribute',
  } as unknown as TraceEvent;
  const names = new Map([
    ['t3', 'Bea Lund'],
    ['k7', 'Klaus Mueller'],
  ]);

  it('names the actor, an agent argument and whose quantities changed; the world stays world', () => {
    assert.equal(
      eventFilter('action')!.describe(give, (id) => names.get(id)),
      "Bea Lund: give (recipient Klaus Mueller, amount 1.5) [contribute]; Bea Lund's wealth 10 → 8.5, Klaus Mueller's wealth 4 → 7, world.pot 0 → 1.5",
    );
  });

  it('keeps ids without a name lookup', () => {
    assert.match(
      eventFilter('action')!.describe(give),
      /^t3: give \(recipient k7, amount 1\.5\) \[contribute\]; t3\.wealth/,
    );
  });
});
