// The model-call slots: uncontended acquisition is synchronous; queued calls with more dependent
// calls after them are served first, first come first served among equals.
import * as assert from 'node:assert/strict';
import { Semaphore } from '../../../src/core/engine/flow/semaphore';

describe('call slots (Semaphore)', () => {
  it('takes a free slot synchronously and queues once the limit is reached', () => {
    const s = new Semaphore(2);
    assert.equal(s.acquire(), undefined);
    assert.equal(s.acquire(5), undefined);
    assert.equal(s.inFlight, 2);
    const p = s.acquire();
    assert.ok(p instanceof Promise);
    assert.equal(s.waiters, 1);
  });

  it('hands a freed slot to the waiter with the longest chain after it, in arrival order among equals', async () => {
    const s = new Semaphore(1);
    assert.equal(s.acquire(), undefined);
    const served: string[] = [];
    const queue = (name: string, rest: number) =>
      s.acquire(rest)!.then(() => {
        served.push(name);
      });
    const all = [queue('a0', 0), queue('b2', 2), queue('c1', 1), queue('d2', 2), queue('e0', 0), queue('f3.7', 3.7)];
    for (let i = 0; i < all.length; i++) {
      s.release();
      await Promise.resolve();
      await Promise.resolve();
    }
    await Promise.all(all);
    assert.deepEqual(served, ['f3.7', 'b2', 'd2', 'c1', 'a0', 'e0']);
    assert.equal(s.waiters, 0);
    assert.equal(s.inFlight, 1, 'the last waiter holds the slot');
    s.release();
    assert.equal(s.inFlight, 0);
  });

  it('never has more than the limit in flight while waiters come and go', async () => {
    const s = new Semaphore(3);
    let inFlight = 0,
      peak = 0,
      done = 0;
    const work = async (i: number): Promise<void> => {
      const w = s.acquire(i % 4);
      if (w) await w;
      peak = Math.max(peak, ++inFlight);
      await new Promise((r) => setTimeout(r, i % 3));
      inFlight--;
      done++;
      s.release();
    };
    await Promise.all(Array.from({ length: 60 }, (_, i) => work(i)));
    assert.equal(done, 60);
    assert.equal(peak, 3);
    assert.equal(s.inFlight, 0);
  });
});
