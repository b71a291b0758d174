// Cancellation stops a call wherever it is: in flight, queued, or backing off. Without it these
// calls would wait for a 60 s timeout or a 60 s Retry-After; the bounds below are far under those
// and far over what a loaded machine needs, so they say "cancelled" without timing the machine.
import * as assert from 'node:assert/strict';
import { reply, useFakeOpenAI } from '../../support/fakeOpenAI';
import { FAST_BACKOFF, registryFor, requests } from '../../support/llmFixtures';

/** Polls `done` until it holds, or fails after `ms` (a condition, not a duration, is what is tested). */
async function until(done: () => boolean, what: string, ms = 10_000): Promise<void> {
  const end = performance.now() + ms;
  while (!done()) {
    if (performance.now() > end) assert.fail(`${what}: not within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** Must stop well before the 60 s timeout and Retry-After that would end these calls otherwise. */
const STOPPED_WITHIN_MS = 10_000;

/** Aborts once `ready` holds; resolves with the call's error and how long after the abort it settled. */
async function abortWhen(
  ready: () => boolean,
  what: string,
  run: (signal: AbortSignal) => Promise<unknown>,
): Promise<{ error: unknown; stoppedMs: number }> {
  const ac = new AbortController();
  const settled = run(ac.signal).then(
    () => undefined,
    (e: unknown) => e,
  );
  await until(ready, what);
  const abortedAt = performance.now();
  ac.abort(new Error('cancelled by the user'));
  const error = await settled;
  return { error, stoppedMs: performance.now() - abortedAt };
}

describe('llm cancellation', () => {
  const fake = useFakeOpenAI();

  it('aborts a hanging request, without retrying or recording a fault', async () => {
    fake.server.script = () => reply.hang();
    const records: unknown[] = [];
    const model = registryFor(fake.server.url, { timeout_ms: 60_000 }, { onCall: (r) => records.push(r) }).model('gpt');
    // Aborted once the request is at the server (in flight), not after a guessed delay.
    const { error, stoppedMs } = await abortWhen(
      () => fake.server.requests.length === 1,
      'the request arrived',
      (s) => model.decide(requests.interview(), s),
    );
    assert.match(String(error), /cancelled by the user/);
    assert.ok(stoppedMs < STOPPED_WITHIN_MS, `stopped ${stoppedMs.toFixed(0)} ms after the abort`);
    assert.equal(fake.server.requests.length, 1);
    assert.deepEqual(records, []);
    await until(() => fake.server.inFlight === 0, 'the connection was closed');
  });

  it('aborts calls queued behind the concurrency limit and paused by a Retry-After, and the call waiting it out', async () => {
    fake.server.script = () => reply.rateLimited(60);
    // Retry-After is honoured up to 60 s here, so an uncancelled wait would outlast the bound.
    const model = registryFor(
      fake.server.url,
      { concurrency: 1, timeout_ms: 60_000 },
      { backoff: { ...FAST_BACKOFF, maxRetryAfterMs: 60_000 } },
    ).model('gpt');
    const ac = new AbortController();
    const calls = [0, 1, 2].map((i) =>
      model.decide(requests.interview(`interview:${i}`), ac.signal).then(
        () => 'done',
        (e) => e,
      ),
    );
    // Call 0 met a 429 with a 60 s Retry-After: it waits that out, and the limiter holds calls 1
    // and 2 (queued behind its slot, then behind the pause) for as long.
    await until(() => fake.server.requests.length >= 1 && fake.server.inFlight === 0, 'the first request was answered');
    await new Promise((r) => setTimeout(r, 50));
    const t = performance.now();
    ac.abort(new Error('stop'));
    const results = await Promise.all(calls);
    const stoppedMs = performance.now() - t;
    assert.ok(stoppedMs < STOPPED_WITHIN_MS, `stopped ${stoppedMs.toFixed(0)} ms after the abort`);
    for (const r of results) assert.match(String(r), /stop/);
    assert.equal(
      fake.server.requests.length,
      1,
      'nothing was retried or started inside the Retry-After, nor after the abort',
    );
  });

  it('refuses to start when already aborted', async () => {
    const model = registryFor(fake.server.url).model('gpt');
    await assert.rejects(model.decide(requests.interview(), AbortSignal.abort(new Error('no'))), /no/);
    assert.equal(fake.server.requests.length, 0);
  });
});
