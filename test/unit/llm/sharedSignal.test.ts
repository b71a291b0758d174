// Issue 33, defects 9 and 10: a run's signal shared by every call in flight, and a 429 on the last
// allowed attempt.
import * as assert from 'node:assert/strict';
import { getEventListeners } from 'node:events';
import { FakeOpenAI, startFakeOpenAI } from '../../support/fakeOpenAI';
import { registryFor, requests } from '../../support/llmFixtures';
import { Limiter } from '../../../src/core/llm/limits/limiter';
import { resilientCall } from '../../../src/core/llm/limits/resilientCall';
import { ProviderError } from '../../../src/core/llm/errors';
import { secrets } from '../../../src/core/llm/redact';

describe('the run signal and Retry-After (issue 33: 9, 10)', () => {
  let server: FakeOpenAI;
  before(async () => { server = await startFakeOpenAI(); });
  after(async () => { await server.close(); });
  beforeEach(() => server.reset());

  it('holds one listener on the run signal however many calls share it: no MaxListenersExceededWarning', async () => {
    const warnings: string[] = [];
    const onWarning = (w: Error): void => { warnings.push(`${w.name}: ${w.message}`); };
    process.on('warning', onWarning);
    try {
      server.latencyMs = 20;
      const ac = new AbortController();
      const model = registryFor(server.url, { concurrency: 64 }).model('gpt');
      const calls = Array.from({ length: 80 }, (_, i) => model.decide(requests.interview(`interview:${i}`), ac.signal));
      await new Promise((r) => setImmediate(r));
      assert.ok(getEventListeners(ac.signal, 'abort').length <= 1, `${getEventListeners(ac.signal, 'abort').length} listeners while 80 calls wait or run`);
      await Promise.all(calls);
      await new Promise((r) => setImmediate(r)); // a warning is emitted on the next tick
      assert.deepEqual(warnings.filter((w) => w.startsWith('MaxListenersExceededWarning')), []);
      assert.equal(server.requests.length, 80);
    } finally {
      server.latencyMs = 0;
      process.off('warning', onWarning);
    }
  });

  it('still cancels every waiting and running call through that one listener', async () => {
    server.latencyMs = 5_000;
    const ac = new AbortController();
    const model = registryFor(server.url, { concurrency: 2, timeout_ms: 60_000 }).model('gpt');
    const calls = Array.from({ length: 6 }, (_, i) => model.decide(requests.interview(`i:${i}`), ac.signal).then(() => 'done', (e) => String(e)));
    while (server.requests.length < 2) await new Promise((r) => setTimeout(r, 5));
    ac.abort(new Error('stop'));
    for (const r of await Promise.all(calls)) assert.match(r, /stop/);
    server.latencyMs = 0;
  });

  it('pauses the endpoint for its Retry-After also when the 429 came on the last allowed attempt', async () => {
    const limiter = new Limiter({ concurrency: 4 });
    const plan = { limiter, settings: { retries: 0, timeoutMs: 10_000 }, redactor: secrets, estimate: 1, tokensOf: () => 1 };
    const rateLimited = async (): Promise<never> => { throw new ProviderError('rate_limited', 'slow down', 429, 5_000); };
    await assert.rejects(resilientCall(rateLimited, plan), /slow down/);
    // Another call to the endpoint now waits out the Retry-After instead of starting into it.
    const next = limiter.acquire(1).then(() => 'admitted');
    const first = await Promise.race([next, new Promise((r) => setTimeout(() => r('held'), 100))]);
    assert.equal(first, 'held');
  });
});
