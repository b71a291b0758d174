// Cancellation stops a call within a second wherever it is: in flight, queued, or backing off.
import * as assert from 'node:assert/strict';
import { FakeOpenAI, reply, startFakeOpenAI } from '../../support/fakeOpenAI';
import { registryFor, requests } from '../../support/llmFixtures';

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

  it('aborts a hanging request within a second, without retrying or recording a fault', async () => {
    server.script = () => reply.hang();
    const records: unknown[] = [];
    const model = registryFor(server.url, { timeout_ms: 60_000 }, { onCall: (r) => records.push(r) }).model('gpt');
    const t = performance.now();
    const { error, stoppedMs } = await abortAfter(200, (s) => model.decide(requests.interview(), s));
    assert.match(String(error), /cancelled by the user/);
    assert.ok(stoppedMs - t - 200 < 1000, `stopped ${(stoppedMs - t - 200).toFixed(0)} ms after the abort`);
    assert.equal(server.requests.length, 1);
    assert.deepEqual(records, []);
    await new Promise((r) => setTimeout(r, 20));
    assert.equal(server.inFlight, 0, 'the connection was closed');
  });

  it('aborts calls queued behind the concurrency limit and during a Retry-After wait', async () => {
    server.script = (r) => (r.n === 0 ? reply.rateLimited(30) : reply.hang());
    const model = registryFor(server.url, { concurrency: 1, timeout_ms: 60_000 }).model('gpt');
    const ac = new AbortController();
    const calls = [0, 1, 2].map((i) => model.decide(requests.interview(`interview:${i}`), ac.signal).then(() => 'done', (e) => e));
    await new Promise((r) => setTimeout(r, 300));
    const t = performance.now();
    ac.abort(new Error('stop'));
    const results = await Promise.all(calls);
    assert.ok(performance.now() - t < 1000);
    for (const r of results) assert.match(String(r), /stop/);
  });

  it('refuses to start when already aborted', async () => {
    const model = registryFor(server.url).model('gpt');
    await assert.rejects(model.decide(requests.interview(), AbortSignal.abort(new Error('no'))), /no/);
    assert.equal(server.requests.length, 0);
  });
});
