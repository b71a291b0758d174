// Provider-layer timings the unit tests no longer assert (they count and order instead, so a busy
// machine cannot fail them; issue 31 §4): how close 40 calls at 1,200 requests per minute come to
// the rate's ideal, and how soon cancelled calls settle: in flight, queued, or in a Retry-After wait.
import { reply, startFakeOpenAI } from '../test/support/fakeOpenAI';
import { FAST_BACKOFF, registryFor, requests } from '../test/support/llmFixtures';
import { report, type Timing } from './measure';

function timing(samples: number[]): Timing {
  const s = [...samples].sort((a, b) => a - b);
  return { median: s[Math.floor(s.length / 2)], min: s[0], max: s[s.length - 1], runs: s.length };
}

async function until(done: () => boolean): Promise<void> {
  while (!done()) await new Promise((r) => setTimeout(r, 1));
}

export async function run(): Promise<void> {
  const server = await startFakeOpenAI();
  try {
    const rpm: number[] = [];
    for (let i = 0; i < 3; i++) {
      server.reset();
      const model = registryFor(server.url, { concurrency: 64, rpm: 1200 }).model('gpt');
      const t = performance.now();
      await Promise.all(Array.from({ length: 40 }, (_, k) => model.decide(requests.interview(`interview:${k}`))));
      rpm.push(performance.now() - t);
    }
    report(
      'llm limits: 40 calls at 1,200 rpm',
      timing(rpm),
      3000,
      'ideal 1,000 ms (a burst of 20, then one per 50 ms); the unit test keeps only the lower bound',
    );

    const inFlight: number[] = [];
    for (let i = 0; i < 10; i++) {
      server.reset();
      server.script = () => reply.hang();
      const model = registryFor(server.url, { timeout_ms: 60_000 }).model('gpt');
      const ac = new AbortController();
      const settled = model.decide(requests.interview(), ac.signal).catch(() => undefined);
      await until(() => server.requests.length === 1);
      const t = performance.now();
      ac.abort(new Error('stop'));
      await settled;
      inFlight.push(performance.now() - t);
    }
    report('llm cancellation: a call in flight settles after its abort', timing(inFlight), 1000, 'else a 60 s timeout');

    const mixed: number[] = [];
    for (let i = 0; i < 10; i++) {
      server.reset();
      server.script = () => reply.rateLimited(60);
      const model = registryFor(
        server.url,
        { concurrency: 1, timeout_ms: 60_000 },
        { backoff: { ...FAST_BACKOFF, maxRetryAfterMs: 60_000 } },
      ).model('gpt');
      const ac = new AbortController();
      const calls = [0, 1, 2].map((k) =>
        model.decide(requests.interview(`interview:${k}`), ac.signal).catch(() => undefined),
      );
      await until(() => server.requests.length >= 1 && server.inFlight === 0);
      const t = performance.now();
      ac.abort(new Error('stop'));
      await Promise.all(calls);
      mixed.push(performance.now() - t);
    }
    report(
      'llm cancellation: a call in a Retry-After wait and the calls it holds settle after their abort',
      timing(mixed),
      1000,
      'else a 60 s Retry-After',
    );
  } finally {
    await server.close();
  }
}
