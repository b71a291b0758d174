// The one meter (core/llm/spendMeter.ts, issue 87: 2): asked before each call, shared by worker
// threads through a SharedArrayBuffer, and passed by at most one call per caller in flight.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { SpendLimitReached, SpendMeter } from '../../../src/core/llm/spendMeter';
import { SpendLimit } from '../../../src/core/llm/spendLimit';

const price = { input: 10, output: 30 };
const dollars = (usd: number) => ({ input_tokens: (usd / 10) * 1e6, output_tokens: 0 });

describe('the spending meter', () => {
  it('refuses a call once spent plus the calls in flight reach the limit; the run stops at its round', () => {
    const limit = new SpendLimit(1);
    const a = limit.meter.begin();
    a.end(dollars(0.6), price);
    assert.equal(limit.reached, false);
    const b = limit.meter.begin();
    b.end(dollars(0.3), price);
    assert.equal(limit.reached, false);
    limit.meter.begin().end(dollars(0.2), price);
    assert.equal(limit.reached, true, 'spent $1.10');
    assert.throws(() => limit.meter.begin(), /cost limit of \$1\.00 is reached: the model calls so far cost \$1\.10/);
    assert.match(
      limit.reason(3),
      /^stopped after round 3: its model calls cost \$1\.10 .* reaching the cost limit of \$1\.00$/,
    );
    assert.equal(limit.meter.calls, 3);
  });

  it('lets the first calls go one at a time until one has a cost to reserve (no wave of unknown cost)', async () => {
    const m = SpendMeter.create(1);
    const first = await m.admit();
    let second: { end: (t: ReturnType<typeof dollars>, p: typeof price) => void } | undefined;
    const waiting = m.admit().then((c) => (second = c));
    await new Promise((r) => setTimeout(r, 30));
    assert.equal(second, undefined, 'held while no call has ended');
    first.end(dollars(0.7), price);
    await waiting;
    // Now each call in flight holds $0.70: a third would pass the limit with the second under way.
    assert.throws(() => m.begin(), SpendLimitReached);
    second!.end(dollars(0.1), price);
    assert.equal(m.spentUsd.toFixed(2), '0.80');
  });

  it('counts the calls in flight: each holds the largest cost a call has had', () => {
    const m = SpendMeter.create(1);
    m.begin().end(dollars(0.6), price);
    const inFlight = m.begin(); // holds $0.60: 0.6 + 0.6 ≥ 1
    assert.throws(() => m.begin(), SpendLimitReached);
    assert.equal(m.reached, true, 'a refused call stops the run');
    inFlight.end(dollars(0.1), price);
    assert.equal(m.spentUsd.toFixed(2), '0.70');
  });

  it('a call that fails books what the endpoint billed, nothing when it billed nothing', () => {
    const m = SpendMeter.create(5);
    m.begin().end(undefined, price);
    m.begin().end(dollars(1), undefined);
    assert.equal(m.spentUsd, 0);
    assert.equal(m.calls, 2);
  });

  it('a call a stop cut off is counted apart and said after the reason, not left out (issue 87)', () => {
    const m = SpendMeter.create(1);
    assert.equal(m.cutOffNote(), '', 'none cut off: nothing said');
    m.begin().end(dollars(0.6), price);
    m.begin().end(undefined, price, true);
    assert.equal(m.calls, 1, 'the answered call');
    assert.equal(m.cutOff, 1);
    assert.match(
      m.cutOffNote(),
      /^; 1 call was cut off under way by the stop and may be billed too \(at most about \$0\.60 each/,
    );
    // A call that failed on its own (no stop) reported nothing and is not billed: not cut off.
    m.begin().end(undefined, price, false);
    assert.equal(m.cutOff, 1);
    // One begun and never ended (its worker thread ended under it) is cut off too.
    m.begin();
    assert.equal(m.cutOff, 2);
    assert.match(m.cutOffNote(), /^; 2 calls were cut off/);
  });

  it('worker threads share the total: $10 passed by at most one $1 call per thread', async () => {
    const m = SpendMeter.create(10);
    const workers = 3;
    const made = await Promise.all(
      Array.from(
        { length: workers },
        () =>
          new Promise<number>((resolve, reject) => {
            const w = new Worker(path.join(__dirname, '../../support/meterWorker.ts'), {
              workerData: m.port,
              execArgv: ['--require', require.resolve('tsx/cjs')],
            });
            w.once('message', resolve);
            w.once('error', reject);
          }),
      ),
    );
    const total = made.reduce((a, b) => a + b, 0);
    assert.equal(m.calls, total, 'every call booked once, from every thread');
    assert.ok(m.spentUsd >= 10, `spent $${m.spentUsd}`);
    assert.ok(m.spentUsd <= 10 + workers, `spent $${m.spentUsd}, past $10 + one call per thread`);
  });
});
