// Retries against real HTTP failures: 429 with Retry-After, 5xx with backoff, malformed bodies,
// hangs cut by the timeout; non-transient errors fail at once; every fault is recorded.
import * as assert from 'node:assert/strict';
import { reply } from '../../support/fakeOpenAI';
import { registryFor, requests, useFakeEndpoint } from '../../support/llmFixtures';
import { ModelCallError } from '../../../src/core/llm/errors';
import { backoffMs, parseRetryAfter, retryDelayMs } from '../../../src/core/llm/limits/backoff';

describe('llm retries (real HTTP)', () => {
  const fake = useFakeEndpoint();
  const model = (cfg = {}) => registryFor(fake.server.url, cfg, { onCall: fake.onCall }).model('gpt');

  it('waits for Retry-After on 429, then succeeds, and fake.records the fault', async () => {
    fake.server.script = (r) => (r.n === 0 ? reply.rateLimited(1) : undefined);
    const t = performance.now();
    const res = await model().decide(requests.interview());
    const waited = performance.now() - t;
    assert.ok(res.answer);
    assert.ok(waited >= 950, `retried after ${waited.toFixed(0)} ms, before Retry-After: 1`);
    assert.equal(fake.server.requests.length, 2);
    assert.equal(fake.records.length, 1);
    assert.deepEqual(
      fake.records[0].faults.map((f) => [f.attempt, f.reason, f.status, f.retry_after_ms]),
      [[1, 'rate_limited', 429, 1000]],
    );
    assert.equal(fake.records[0].attempts, 2);
  });

  it('retries 500s with growing delays', async () => {
    const arrivals: number[] = [];
    fake.server.script = (r) => {
      arrivals.push(performance.now());
      return r.n < 3 ? reply.serverError(503) : undefined;
    };
    await model().decide(requests.interview());
    assert.equal(arrivals.length, 4);
    const gaps = arrivals.slice(1).map((t, i) => t - arrivals[i]);
    // FAST_BACKOFF: base 20 ms, doubling, equal jitter: [10,20], [20,40], [40,80] ms
    assert.ok(gaps[0] >= 9 && gaps[2] >= 39, `gaps ${gaps.map((g) => g.toFixed(0)).join(', ')}`);
    assert.deepEqual(
      fake.records[0].faults.map((f) => f.reason),
      ['server_error', 'server_error', 'server_error'],
    );
  });

  it('retries a malformed JSON body and a hang (after the timeout)', async () => {
    fake.server.script = (r) => (r.n === 0 ? reply.malformed() : r.n === 1 ? reply.hang() : undefined);
    const t = performance.now();
    await model({ timeout_ms: 300 }).decide(requests.interview());
    assert.ok(performance.now() - t >= 300);
    assert.deepEqual(
      fake.records[0].faults.map((f) => f.reason),
      ['bad_response', 'timeout'],
    );
    assert.equal(fake.server.inFlight, 0, 'the hung request was abandoned');
  });

  it('gives up after `retries` and throws ModelCallError carrying every fault', async () => {
    fake.server.script = () => reply.serverError(502);
    const err = await model({ retries: 2 })
      .decide(requests.evaluate())
      .then(
        () => undefined,
        (e) => e,
      );
    assert.ok(err instanceof ModelCallError);
    assert.equal(err.kind, 'evaluate');
    assert.equal(err.key, 'evaluate:2:maya:0:maya:ali');
    assert.equal(err.reason, 'server_error');
    assert.equal(err.attempts, 3);
    assert.equal(err.faults.length, 3);
    assert.match(err.message, /model 'gpt' failed to evaluate \(server_error\) after 3 attempts: HTTP 502/);
    assert.equal(fake.server.requests.length, 3);
    assert.equal(fake.records[0].outcome, 'failed');
  });

  it('does not retry what will not change: 400, 401, 404', async () => {
    for (const status of [400, 401, 404]) {
      fake.server.reset();
      fake.server.script = () => reply.status(status, 'no');
      await assert.rejects(
        model().decide(requests.interview()),
        (e: ModelCallError) => e.reason === 'rejected' && e.attempts === 1,
      );
      assert.equal(fake.server.requests.length, 1);
    }
  });
});

describe('llm backoff arithmetic', () => {
  const s = { baseMs: 100, maxMs: 1000, maxRetryAfterMs: 5000 };
  it('doubles with equal jitter and caps', () => {
    assert.equal(
      backoffMs(1, s, () => 0),
      50,
    );
    assert.equal(
      backoffMs(1, s, () => 1),
      100,
    );
    assert.equal(
      backoffMs(3, s, () => 0),
      200,
    );
    assert.equal(
      backoffMs(10, s, () => 1),
      1000,
    );
  });
  it('prefers Retry-After, capped', () => {
    assert.equal(retryDelayMs(1, 2500, s), 2500);
    assert.equal(retryDelayMs(1, 60_000, s), 5000);
  });
  it('parses seconds, HTTP dates and retry-after-ms', () => {
    assert.equal(parseRetryAfter('2'), 2000);
    assert.equal(parseRetryAfter(null, '150'), 150);
    const now = Date.parse('2025-01-01T00:00:00Z');
    assert.equal(parseRetryAfter('Wed, 01 Jan 2025 00:00:03 GMT', null, now), 3000);
    assert.equal(parseRetryAfter('soon'), undefined);
  });
});
