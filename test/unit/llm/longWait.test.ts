// Issue 41, defect 15: a single 429 with a long Retry-After held a run for up to 10 minutes
// without a word on the terminal. The registry says so (onLongWait, naming the endpoint), and
// `society run` writes one line a pause: how long, which endpoint, when calls resume.
import * as assert from 'node:assert/strict';
import { FakeOpenAI, reply, startFakeOpenAI } from '../../support/fakeOpenAI';
import { FAST_BACKOFF, registryFor, requests } from '../../support/llmFixtures';
import { longWaitSayer, type LongWait } from '../../../src/core/llm/limits/longWait';

describe('a long Retry-After is said (issue 41: 15)', () => {
  let server: FakeOpenAI;
  before(async () => {
    server = await startFakeOpenAI();
  });
  after(() => server.close());

  it('tells onLongWait the endpoint and the pause of a 429 with Retry-After 30 s', async () => {
    server.script = () => reply.rateLimited(30);
    const waits: { endpoint: string; ms: number; retryAfterMs: number }[] = [];
    const model = registryFor(
      server.url,
      { concurrency: 1 },
      { backoff: { ...FAST_BACKOFF, maxRetryAfterMs: 20_000 }, onLongWait: (w) => waits.push(w) },
    ).model('gpt');
    const ac = new AbortController();
    const call = model.decide(requests.interview(), ac.signal).catch((e: unknown) => e);
    const t = performance.now();
    while (waits.length === 0 && performance.now() - t < 5_000) await new Promise((r) => setTimeout(r, 10));
    ac.abort(new Error('stop'));
    await call;
    assert.deepEqual(waits, [{ endpoint: server.url, ms: 20_000, retryAfterMs: 30_000 }]);
  });

  it('writes one line a pause, with the wait asked, the cap and the time calls resume', () => {
    const lines: string[] = [];
    let now = Date.parse('2026-01-01T10:00:00');
    const say = longWaitSayer(
      (l) => lines.push(l),
      'run',
      () => now,
    );
    const wait = (ms: number, retryAfterMs = ms): LongWait => ({
      endpoint: 'https://api.example/v1',
      ms,
      retryAfterMs,
    });
    say(wait(120_000));
    now += 100; // the other calls in flight meet the same 429
    say(wait(120_000));
    say(wait(600_000, 3_600_000)); // a new, longer pause
    assert.equal(lines.length, 2);
    const resume = (ms: number) => new Date(ms).toTimeString().slice(0, 8);
    assert.equal(
      lines[0],
      `society run: https://api.example/v1 answered 429 (rate limited) and asks to wait 120 s (Retry-After): its calls resume at ${resume(Date.parse('2026-01-01T10:02:00'))}`,
    );
    assert.match(
      lines[1],
      /asks to wait 3600 s \(Retry-After\); a run waits at most 600 s, then tries again: its calls resume at /,
    );
  });
});
