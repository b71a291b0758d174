// The one-sentence account of a run's failed model calls (CLI summary, editor's end-of-run message).
import * as assert from 'node:assert/strict';
import type { TraceEventOf } from '../../../src/core/trace/events';
import { FaultTally } from '../../../src/core/trace/faultTally';

type ErrorEvent = TraceEventOf<'error'>;
const error = (
  handling: ErrorEvent['handling'],
  reason: string | undefined,
  message: string,
  kind = 'speak',
): ErrorEvent => ({
  type: 'error',
  round: 1,
  agent: 'a',
  phase: 'act',
  kind,
  message,
  handling,
  ...(reason ? { reason } : {}),
});

describe('fault tally', () => {
  it('says nothing when nothing failed', () => {
    const t = new FaultTally();
    t.listener({ type: 'round_start', round: 1, agents: 2 });
    assert.equal(t.describe(), undefined);
    assert.equal(t.failed, 0);
  });

  it('counts failures by how they were answered and why, most common reason first, with the first message', () => {
    const t = new FaultTally();
    for (const e of [
      error('fallback', 'timeout', 'speak timed out after 60000 ms'),
      error('fallback', 'network', 'connect ECONNREFUSED'),
      error('skipped', 'network', 'connect ECONNREFUSED'),
      error('fallback', 'network', 'embeddings failed', 'embed'),
      error('recovered', 'rate_limited', 'recovered after 1 fault: rate_limited 429'),
      error('fallback', undefined, 'unparseable answer'),
    ]) {
      t.listener(e);
    }
    assert.deepEqual([t.fallback, t.skipped, t.lexical, t.recovered, t.failed], [3, 1, 1, 1, 5]);
    assert.equal(
      t.describe(),
      '5 model calls failed (network 3, other 1, timeout 1): 3 answered by the offline rule-based model, 1 skipped, ' +
        '1 memory lookup by lexical relevance instead of embeddings; first: speak timed out after 60000 ms. ' +
        '1 decision got its answer past faults (retries, re-asks, repairs, or unusable usage figures). Each is an `error` event in the trace.',
    );
    assert.equal(t.nothingAnswered, false, 'the recovered decision got its answer');
  });

  it('mentions retried decisions alone when nothing was lost', () => {
    const t = new FaultTally();
    t.add(error('recovered', 'server_error', 'recovered after 2 faults'));
    t.add(error('recovered', 'server_error', 'recovered after 1 fault'));
    assert.equal(t.failed, 0);
    assert.equal(
      t.describe(),
      '2 decisions got their answer past faults (retries, re-asks, repairs, or unusable usage figures). Each is an `error` event in the trace.',
    );
    assert.equal(t.nothingAnswered, false);
  });

  it("says when no decision got its model's answer: the rounds' calls are all failed ones", () => {
    const t = new FaultTally();
    const roundEnd = (round: number, calls: number) =>
      t.listener({
        type: 'round_end',
        round,
        stats: {
          agents: 2,
          encounters: 1,
          messages: 2,
          ties: 0,
          mean_reward: 0,
          usage: { calls, input_tokens: 0, output_tokens: 0, cost_usd: 0 },
        },
      });
    t.listener(error('skipped', 'auth', '401 Incorrect API key'));
    roundEnd(1, 1); // the failed call is among the round's calls
    assert.equal(t.nothingAnswered, true);
    assert.match(
      t.describe()!,
      /^No model call succeeded: 1 model call failed \(auth 1\): 1 skipped; first: 401 Incorrect API key\./,
    );
    roundEnd(2, 3);
    assert.equal(t.nothingAnswered, false, 'three decisions were answered in round 2');
    assert.match(t.describe()!, /^1 model call failed/);
  });

  it("a failing expression or module hook is a step of the scenario's mechanics, not a failed model call", () => {
    const t = new FaultTally();
    t.listener(error('skipped', 'expression', 'actions.fish.effects.world.fish: division by zero'));
    t.listener(error('skipped', 'module', "module endRound: module: no agent 'ghost'"));
    assert.equal(t.failed, 0);
    assert.equal(t.nothingAnswered, false);
    assert.equal(
      t.describe(),
      "2 steps of the scenario's mechanics failed and were skipped (expression 1, module 1); first: actions.fish.effects.world.fish: division by zero. Each is an `error` event in the trace.",
    );
  });
});
