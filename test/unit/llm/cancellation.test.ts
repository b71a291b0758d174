// Cancellation stops a call wherever it is: in flight, queued, or backing off. Without it these
// calls would wait for a 60 s timeout or a 30 s Retry-After; the bounds below are far under those
// and far over what a loaded machine needs, so they say "cancelled" without timing the machine.
import * as assert from 'node:assert/strict';
import { FakeOpenAI, reply, startFakeOpenAI } from '../../support/fakeOpenAI';
import { registryFor, requests } from '../../support/llmFixtures';

/** Polls `done` until it holds, or fails after `ms` (a condition, not a duration, is what is tested). */
async function until(done: () => boolean, what: string, ms = 10_000): Promise<void> {
  const end = performance.now() + ms;
  while (!done()) {
    if (performance.now() > end) assert.fail(`${what}: not within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** Must stop well before the 60 s timeout and 30 s Retry-After that would end these calls otherwise. */
const STOPPED_WITHIN_MS = 10_000;

/** Aborts after `ms`; resolves with the call's error and the time it settled. */
async function abortAfter(ms: number, run: (signal: AbortSignal) => Promise<unknown>): Promise<{ error: unknown; stoppedMs: number }> {
  const ac = new AbortController();
  setTimeout(() => ac.abort(new Error('cancelled by the user')), ms);
  const error = await run(ac.signal).then(() => undefined, (e) => e);
  return { error, stoppedMs: performance.now() };
}

describe('llm cancellation', () => {
  let server: FakeOpenAI;
  before(async () => { server = await startFakeOpenAI(); });
  after(async () => { await server.close(); });
  beforeEach(() => server.reset());

  it('aborts a hanging request, without retrying or recording a fault', async () => {
    server.script = () => reply.hang();
    const records: unknown[] = [];
    const model = registryFor(server.url, { timeout_ms: 60_000 }, { onCall: (r) => records.push(r) }).model('gpt');
    const t = performance.now();
    const { error, stoppedMs } = await abortAfter(200, (s) => model.decide(requests.interview(), s));
    assert.match(String(error), /cancelled by the user/);
    assert.ok(stoppedMs - t - 200 < STOPPED_WITHIN_MS, `stopped ${(stoppedMs - t - 200).toFixed(0)} ms after the abort`);
    assert.equal(server.requests.length, 1);
    assert.deepEqual(records, []);
    await until(() => server.inFlight === 0, 'the connection was closed');
  });

  it('aborts calls queued behind the concurrency limit and during a Retry-After wait', async () => {
    server.script = (r) => (r.n === 0 ? reply.rateLimited(30) : reply.hang());
    const model = registryFor(server.url, { concurrency: 1, timeout_ms: 60_000 }).model('gpt');
    const ac = new AbortController();
    const calls = [0, 1, 2].map((i) => model.decide(requests.interview(`interview:${i}`), ac.signal).then(() => 'done', (e) => e));
    // The first call met its 429 (30 s Retry-After): the others wait behind it.
    await until(() => server.requests.length >= 1, 'the first request arrived');
    const t = performance.now();
    ac.abort(new Error('stop'));
    const results = await Promise.all(calls);
    assert.ok(performance.now() - t < STOPPED_WITHIN_MS, `stopped ${(performance.now() - t).toFixed(0)} ms after the abort`);
    for (const r of results) assert.match(String(r), /stop/);
  });

  it('refuses to start when already aborted', async () => {
    const model = registryFor(server.url).model('gpt');
    await assert.rejects(model.decide(requests.interview(), AbortSignal.abort(new Error('no'))), /no/);
    assert.equal(server.requests.length, 0);
  });
});
