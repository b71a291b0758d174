// Issue 33, defects 9 and 10: a run's signal shared by every call in flight, and a 429 on the last
// allowed attempt.
import * as assert from 'node:assert/strict';
import { getEventListeners } from 'node:events';
import { reply, useFakeOpenAI } from '../../support/fakeOpenAI';
import { registryFor, requests } from '../../support/llmFixtures';
import { Limiter } from '../../../src/core/llm/limits/limiter';
import { resilientCall } from '../../../src/core/llm/limits/resilientCall';
import { attemptSignal, sleep } from '../../../src/core/llm/limits/abortable';
import { ProviderError } from '../../../src/core/llm/errors';
import { secrets } from '../../../src/core/llm/redact';

describe('the run signal and Retry-After (issue 33: 9, 10)', () => {
  const fake = useFakeOpenAI();

  it('holds one listener on the run signal however many calls share it: no MaxListenersExceededWarning', async () => {
    const warnings: string[] = [];
    const onWarning = (w: Error): void => {
      warnings.push(`${w.name}: ${w.message}`);
    };
    process.on('warning', onWarning);
    try {
      fake.server.latencyMs = 20;
      const ac = new AbortController();
      const model = registryFor(fake.server.url, { concurrency: 64 }).model('gpt');
      const calls = Array.from({ length: 80 }, (_, i) => model.decide(requests.interview(`interview:${i}`), ac.signal));
      await new Promise((r) => setImmediate(r));
      assert.ok(
        getEventListeners(ac.signal, 'abort').length <= 1,
        `${getEventListeners(ac.signal, 'abort').length} listeners while 80 calls wait or run`,
      );
      await Promise.all(calls);
      await new Promise((r) => setImmediate(r)); // a warning is emitted on the next tick
      assert.deepEqual(
        warnings.filter((w) => w.startsWith('MaxListenersExceededWarning')),
        [],
      );
      assert.equal(fake.server.requests.length, 80);
    } finally {
      fake.server.latencyMs = 0;
      process.off('warning', onWarning);
    }
  });

  it('leaves no listener on the run signal once its calls are done: attempts, queueing and backoff remove theirs (issue 33: 9)', async () => {
    const warnings: string[] = [];
    const onWarning = (w: Error): void => {
      warnings.push(`${w.name}: ${w.message}`);
    };
    process.on('warning', onWarning);
    try {
      const ac = new AbortController();
      const count = (): number => getEventListeners(ac.signal, 'abort').length;
      for (let i = 0; i < 20; i++) attemptSignal(1_000, ac.signal).dispose();
      await sleep(1, ac.signal);
      assert.equal(count(), 0, 'after 20 attempts and a sleep');
      // Calls queued behind concurrency 2, every third one retried after a 500.
      fake.server.script = (r) => (r.n % 3 === 0 ? reply.serverError() : undefined);
      const model = registryFor(fake.server.url, { concurrency: 2 }).model('gpt');
      await Promise.all(
        Array.from({ length: 30 }, (_, i) => model.decide(requests.interview(`interview:${i}`), ac.signal)),
      );
      await new Promise((r) => setImmediate(r));
      assert.ok(fake.server.requests.length > 30, 'some calls were retried');
      assert.equal(count(), 0, `after ${fake.server.requests.length} requests`);
      assert.deepEqual(
        warnings.filter((w) => w.startsWith('MaxListenersExceededWarning')),
        [],
      );
      ac.abort(new Error('late'));
    } finally {
      process.off('warning', onWarning);
    }
  });

  it('still cancels every waiting and running call through that one listener', async () => {
    fake.server.latencyMs = 5_000;
    const ac = new AbortController();
    const model = registryFor(fake.server.url, { concurrency: 2, timeout_ms: 60_000 }).model('gpt');
    const calls = Array.from({ length: 6 }, (_, i) =>
      model.decide(requests.interview(`i:${i}`), ac.signal).then(
        () => 'done',
        (e) => String(e),
      ),
    );
    while (fake.server.requests.length < 2) await new Promise((r) => setTimeout(r, 5));
    ac.abort(new Error('stop'));
    for (const r of await Promise.all(calls)) assert.match(r, /stop/);
    fake.server.latencyMs = 0;
  });

  it('pauses the endpoint for its Retry-After also when the 429 came on the last allowed attempt', async () => {
    const limiter = new Limiter({ concurrency: 4 });
    const plan = {
      limiter,
      settings: { retries: 0, timeoutMs: 10_000 },
      redactor: secrets,
      estimate: 1,
      tokensOf: () => 1,
    };
    const rateLimited = async (): Promise<never> => {
      throw new ProviderError('rate_limited', 'slow down', 429, 5_000);
    };
    await assert.rejects(resilientCall(rateLimited, plan), /slow down/);
    // Another call to the endpoint now waits out the Retry-After instead of starting into it.
    const next = limiter.acquire(1).then(() => 'admitted');
    const first = await Promise.race([next, new Promise((r) => setTimeout(() => r('held'), 100))]);
    assert.equal(first, 'held');
  });

  it("pauses by the limiter's own clock: an injected clock decides when the Retry-After ends (issue 33: 10)", async () => {
    let now = 0;
    const limiter = new Limiter({ concurrency: 4 }, () => now);
    const plan = {
      limiter,
      settings: { retries: 0, timeoutMs: 10_000 },
      redactor: secrets,
      estimate: 1,
      tokensOf: () => 1,
    };
    await assert.rejects(
      resilientCall(async (): Promise<never> => {
        throw new ProviderError('rate_limited', 'slow down', 429, 5_000);
      }, plan),
      /slow down/,
    );
    let admitted = false;
    const next = limiter.acquire(1).then((p) => {
      admitted = true;
      return p;
    });
    now = 4_999;
    await new Promise((r) => setTimeout(r, 20));
    assert.equal(admitted, false, "inside the Retry-After by the limiter's clock");
    now = 5_000;
    (await limiter.acquire(1).then((p) => p)).release(); // wakes the queue: the clock moved
    (await next).release();
    assert.equal(admitted, true, "admitted once the limiter's clock reaches the end of the Retry-After");
  });

  it("no request starts between a last-attempt 429 and the end of its Retry-After, by the server's clock, not even one queued behind it (issue 33: 10)", async () => {
    // Concurrency 1: the second call waits for the first one's slot. The first meets a 429 with
    // Retry-After: 1 on its only allowed attempt; its slot must not pass on before the pause is set.
    fake.server.script = (r) => (r.n === 0 ? reply.rateLimited(1) : undefined);
    const model = registryFor(fake.server.url, { concurrency: 1, retries: 0 }).model('gpt');
    const results = await Promise.all(
      [0, 1].map((i) =>
        model.decide(requests.interview(`interview:${i}`)).then(
          () => 'ok',
          (e: Error) => e.message,
        ),
      ),
    );
    assert.match(results[0], /rate_limited/);
    assert.equal(results[1], 'ok');
    const [limited, next] = fake.server.requests;
    assert.equal(fake.server.requests.length, 2);
    assert.ok(
      next.at - limited.at >= 1_000,
      `the next request came ${next.at - limited.at} ms after the 429, inside its Retry-After of 1000 ms`,
    );
  });
});
