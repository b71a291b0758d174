// The views' trace budget: whole rounds up to the first round end past the limit, a note saying
// where the view stopped, and traces too large to open refused with the setting's name.
import * as assert from 'node:assert/strict';
import { limitBytes, MEAN_EVENT_BYTES, tooLargeToOpen, ViewBudget } from '../../../src/core/trace/viewBudget';
import type { TraceEvent } from '../../../src/core/trace/events';

const roundEnd = (round: number): TraceEvent => ({
  type: 'round_end',
  round,
  stats: {
    agents: 2,
    encounters: 0,
    messages: 0,
    ties: 0,
    mean_reward: 0,
    usage: { calls: 0, input_tokens: 0, output_tokens: 0, cost_usd: 0 },
  },
});
const roundStart = (round: number): TraceEvent => ({ type: 'round_start', round, agents: 2 });

describe('view trace budget', () => {
  it('takes whole rounds and stops after the first round end past the limit', () => {
    const budget = new ViewBudget(1); // 1 MB
    const taken: number[] = [];
    for (let r = 0; r < 10; r++) {
      for (const e of [roundStart(r), roundEnd(r)]) if (budget.take(e, 300 * 1024)) taken.push(e.round);
    }
    // 600 KB a round: round 0 ends at 600 KB, round 1 at 1.2 MB (past 1 MB): rounds 0 and 1 are kept whole.
    assert.deepEqual(taken, [0, 0, 1, 1]);
    assert.equal(budget.stoppedAfter, 1);
    assert.match(budget.note()!, /rounds 0–1 only.*1 MB.*society\.views\.maxTraceMB/);
  });

  it('says nothing when the budget is spent at the last round end: nothing was left out', () => {
    const budget = new ViewBudget(1);
    const runEnd: TraceEvent = {
      type: 'run_end',
      round: 1,
      rounds: 1,
      usage: { calls: 0, input_tokens: 0, output_tokens: 0, cost_usd: 0 },
    };
    const taken = [roundStart(0), roundEnd(0), roundStart(1), roundEnd(1), runEnd].filter((e) =>
      budget.take(e, 300 * 1024),
    );
    assert.equal(taken.length, 5, 'round 1 spends the budget; run_end closes it and is kept');
    assert.equal(budget.stopped, false);
    assert.equal(budget.note(), undefined);
    const more = new ViewBudget(1);
    for (const e of [roundStart(0), roundEnd(0), roundStart(1), roundEnd(1)]) more.take(e, 300 * 1024);
    assert.equal(more.stopped, false, 'not stopped until an event is refused');
    assert.equal(more.take(roundStart(2), 300 * 1024), false);
    assert.equal(more.stoppedAfter, 1);
    assert.equal(more.take(runEnd), false, 'run_end after a refused round is refused too');
  });

  it('counts live events at the mean line size, and has no limit at 0', () => {
    const budget = new ViewBudget(1);
    const perRound = Math.ceil((1024 * 1024) / MEAN_EVENT_BYTES / 4);
    let kept = 0;
    for (let r = 0; r < 10; r++) {
      for (let i = 0; i < perRound; i++) if (budget.take(roundStart(r))) kept++;
      budget.take(roundEnd(r));
    }
    assert.equal(budget.stoppedAfter, 3, 'four rounds of a quarter of the budget each');
    assert.equal(kept, 4 * perRound);
    const unlimited = new ViewBudget(0);
    for (let r = 0; r < 100; r++) assert.ok(unlimited.take(roundEnd(r), 1 << 30));
    assert.equal(unlimited.note(), undefined);
    assert.equal(limitBytes(0), Infinity);
    assert.equal(limitBytes(Number.NaN), Infinity);
    assert.equal(limitBytes(2), 2 * 1024 * 1024);
  });

  it('refuses to open a file larger than the limit, naming its size and the setting', () => {
    assert.equal(tooLargeToOpen('t.jsonl', 256 * 1024 * 1024, 256), undefined);
    assert.match(
      tooLargeToOpen('runs/big/trace.jsonl', 452 * 1024 * 1024, 256)!,
      /^runs\/big\/trace\.jsonl is 452 MB, more than the 256 MB .*society\.views\.maxTraceMB.*society report/,
    );
    assert.equal(tooLargeToOpen('t.jsonl', 1e12, 0), undefined);
  });
});
