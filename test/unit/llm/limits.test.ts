// Admission limits: concurrency (observed by the server), requests and tokens per minute.
import * as assert from 'node:assert/strict';
import { useFakeOpenAI } from '../../support/fakeOpenAI';
import { FAST_BACKOFF, modelConfig, registryFor, requests, scenario } from '../../support/llmFixtures';
import { ModelRegistry } from '../../../src/core/llm/registry';
import { endpointKey, sharedLimits } from '../../../src/core/format/assemble/endpointLimits';
import type { ModelConfig } from '../../../src/core/format/model/model';
import { Limiter } from '../../../src/core/llm/limits/limiter';
import { TokenBucket } from '../../../src/core/llm/limits/tokenBucket';

describe('llm limits', () => {
  const fake = useFakeOpenAI();

  it('never has more than `concurrency` requests in flight, and uses all of it', async () => {
    fake.server.latencyMs = 30;
    // "Uses all of it" as a state the server waits for, not a latency hoped long enough on a busy machine.
    fake.server.holdUntilInFlight(5);
    const registry = registryFor(fake.server.url, { concurrency: 5 });
    const model = registry.model('gpt');
    await Promise.all(Array.from({ length: 40 }, (_, i) => model.decide(requests.interview(`interview:${i}`))));
    fake.server.latencyMs = 0;
    assert.equal(fake.server.requests.length, 40);
    assert.equal(fake.server.maxInFlight, 5);
  });

  it('two configs calling the same model at one endpoint share one limiter, with the strictest limits', async () => {
    fake.server.latencyMs = 30;
    fake.server.holdUntilInFlight(3);
    const s = scenario({
      gpt: modelConfig('gpt', { base_url: fake.server.url, concurrency: 6 }),
      // Same model and endpoint (the URL spelled with a trailing slash), another temperature.
      cool: modelConfig('cool', { base_url: `${fake.server.url}/`, temperature: 0.1, concurrency: 3 }),
    });
    const registry = new ModelRegistry(s, { backoff: FAST_BACKOFF });
    assert.equal(registry.limiter(s.models.gpt), registry.limiter(s.models.cool));
    const [gpt, cool] = [registry.model('gpt'), registry.model('cool')];
    await Promise.all(
      Array.from({ length: 30 }, (_, i) => (i % 2 ? gpt : cool).decide(requests.interview(`interview:${i}`))),
    );
    fake.server.latencyMs = 0;
    assert.equal(fake.server.requests.length, 30);
    assert.equal(fake.server.maxInFlight, 3);
  });

  it('endpoint keys: same model and endpoint share, another model or deployment does not', () => {
    const key = (extra: Partial<ModelConfig>) => endpointKey(modelConfig('m', extra));
    assert.equal(key({ base_url: 'http://Host:8000/v1/' }), key({ base_url: 'http://host:8000/v1', temperature: 0 }));
    assert.notEqual(
      key({ base_url: 'http://host:8000/v1', model: 'a' }),
      key({ base_url: 'http://host:8000/v1', model: 'b' }),
    );
    assert.notEqual(key({ base_url: 'http://host:8000/v1' }), key({ base_url: 'http://host:8001/v1' }));
    assert.equal(key({}), key({ base_url: 'https://api.openai.com/v1' }), 'no base_url is OpenAI');
    const azure = (deployment: string) =>
      key({ base_url: 'https://r.openai.azure.com/openai', azure: { deployment, api_version: '2024-10-21' } });
    assert.notEqual(azure('gpt4o'), azure('mini'));
    assert.equal(endpointKey(modelConfig('o', { provider: 'offline' })), undefined);
    const all = {
      a: modelConfig('a', { concurrency: 16, rpm: 600 }),
      b: modelConfig('b', { concurrency: 4, tpm: 90_000 }),
      c: modelConfig('c', { model: 'other', concurrency: 2 }),
    };
    assert.deepEqual(sharedLimits(all.a, all), {
      models: ['a', 'b'],
      settings: { concurrency: 4, rpm: 600, tpm: 90_000 },
    });
    assert.deepEqual(sharedLimits(all.c, all), { models: ['c'], settings: { concurrency: 2 } });
  });

  it('spreads requests to respect requests-per-minute', async () => {
    // 1200 rpm = 20 per second with a one-second burst: 40 calls need about one more second.
    const model = registryFor(fake.server.url, { concurrency: 64, rpm: 1200 }).model('gpt');
    const t = performance.now();
    await Promise.all(Array.from({ length: 40 }, (_, i) => model.decide(requests.interview(`interview:${i}`))));
    const ms = performance.now() - t;
    // The limit holds the calls back: never faster than the rate allows (a busy machine only slows
    // them). No upper bound near the ideal: one loaded core stretches it; 30 s says "not stuck".
    assert.equal(fake.server.requests.length, 40);
    assert.ok(ms >= 900, `40 calls at 1200 rpm took ${ms.toFixed(0)} ms: faster than the limit allows`);
    assert.ok(ms < 30_000, `40 calls at 1200 rpm took ${ms.toFixed(0)} ms`);
  });

  it('token bucket: burst, refill, debt for oversized costs', () => {
    const b = TokenBucket.perMinute(600, 0); // 10 per second, burst 10
    assert.equal(b.waitMs(10, 0), 0);
    b.take(10, 0);
    assert.equal(b.waitMs(1, 0), 100);
    assert.equal(b.waitMs(1, 100), 0);
    assert.equal(b.waitMs(50, 100), 900, 'a cost above capacity waits for a full bucket');
    b.take(50, 1000);
    assert.equal(b.available, -40);
    b.adjust(30, 1000);
    assert.equal(b.available, -10);
  });

  it('limiter: tokens-per-minute holds a request until the estimate fits', async () => {
    let now = 0;
    const limiter = new Limiter({ concurrency: 10, tpm: 60_000 }, () => now); // 1000 tokens per second
    const a = await limiter.acquire(1000);
    let granted = false;
    const pending = limiter.acquire(500).then((p) => {
      granted = true;
      return p;
    });
    await new Promise((r) => setTimeout(r, 5));
    assert.equal(granted, false);
    a.release(200); // used less than estimated: 800 tokens come back
    await new Promise((r) => setTimeout(r, 5));
    assert.equal(granted, true);
    (await pending).release();
    now = 0;
  });

  it('limiter: requests-per-minute admits a one-second burst, then one per 60/rpm s of its clock', async () => {
    // Counted against the limiter's own clock, so a loaded machine changes when the timers fire,
    // never how many calls are in.
    let now = 0;
    const limiter = new Limiter({ concurrency: 64, rpm: 1200 }, () => now); // 20 per second: one per 50 ms
    let granted = 0;
    const permits = Array.from({ length: 40 }, () =>
      limiter.acquire(1).then((p) => {
        granted++;
        return p;
      }),
    );
    /** Waits (on real timers) for the limiter to admit what the clock allows, then checks it is exactly that. */
    const admitted = async (want: number, what: string): Promise<void> => {
      const end = performance.now() + 20_000;
      while (granted < want && performance.now() < end) await new Promise((r) => setTimeout(r, 5));
      assert.equal(granted, want, what);
      assert.equal(limiter.waiting, 40 - want, what);
    };
    await admitted(20, 'at 0 ms: the burst');
    now = 50;
    await admitted(21, 'at 50 ms: one more');
    now = 500;
    await admitted(30, 'at 500 ms: one per 50 ms');
    now = 1000;
    await admitted(40, 'at 1000 ms: all');
    for (const p of await Promise.all(permits)) p.release();
    assert.equal(limiter.inFlight, 0);
  });

  it('limiter: a queued request can be cancelled and leaves the queue', async () => {
    const limiter = new Limiter({ concurrency: 1 });
    const held = await limiter.acquire(1);
    const ac = new AbortController();
    const waiting = limiter.acquire(1, ac.signal);
    assert.equal(limiter.waiting, 1);
    ac.abort(new Error('stop'));
    await assert.rejects(waiting, /stop/);
    assert.equal(limiter.waiting, 0);
    held.release();
    assert.equal(limiter.inFlight, 0);
  });
});
