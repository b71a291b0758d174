// Model calls from worker threads (openai/chatPool.ts) against the local OpenAI-compatible server:
// every call made through the pool gives what the in-thread client gives — answers, step-downs,
// the same ProviderError for a failure (secrets masked), usage carried from a body without
// content, cancellation — a seeded run writes the same trace with and without it, and idle
// workers do not keep the process alive.
import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { FakeOpenAI, reply, startFakeOpenAI } from '../../support/fakeOpenAI';
import {
  FAST_BACKOFF,
  allowKeysOf,
  modelConfig,
  persona,
  registryFor,
  requests,
  scenario,
} from '../../support/llmFixtures';
import type { CallRecord } from '../../../src/core/llm/callRecord';
import type { ModelConfig, Scenario } from '../../../src/core/format/model/model';
import { ModelRegistry } from '../../../src/core/llm/registry';
import { ChatPool, chatPool, closeChatPools } from '../../../src/core/llm/openai/chatPool';
import { OpenAIChatClient } from '../../../src/core/llm/openai/chatClient';
import { Redactor } from '../../../src/core/llm/redact';
import { ProviderError } from '../../../src/core/llm/errors';
import type { ChatClient } from '../../../src/core/llm/chat';
import { Limiter } from '../../../src/core/llm/limits/limiter';
import { ResilientChatClient } from '../../../src/core/llm/limits/resilientClient';
import { runToText } from '../../support/runToText';

const KEY = 'sk-pooltest-0123456789abcdef';

/** The decision's call record (or its failure) with threads 1 (in this thread) and 2 (the pool). */
async function both(
  server: FakeOpenAI,
  cfg: Partial<ModelConfig>,
  decide: (m: ReturnType<ModelRegistry['model']>) => Promise<unknown>,
): Promise<{ records: CallRecord[]; outcomes: unknown[]; requests: unknown[][] }> {
  const records: CallRecord[] = [];
  const outcomes: unknown[] = [];
  const sent: unknown[][] = [];
  for (const threads of [1, 2]) {
    const script = server.script;
    server.reset();
    server.script = script;
    const model = registryFor(
      server.url,
      { api_key_env: 'POOL_KEY', ...cfg },
      { threads, secrets: () => KEY, onCall: (r) => records.push(r) },
    ).model('gpt');
    outcomes.push(
      await decide(model).then(
        (v) => v,
        (e: unknown) => (e instanceof Error ? `${e.name}: ${e.message}` : String(e)),
      ),
    );
    sent.push(server.requests.map((r) => ({ path: r.path, body: r.body, auth: r.headers.authorization })));
  }
  return { records, outcomes, requests: sent };
}

describe('llm calls from worker threads (real HTTP)', function () {
  let server: FakeOpenAI;
  before(async () => {
    server = await startFakeOpenAI();
  });
  after(async () => {
    await server.close();
    await closeChatPools();
  });
  beforeEach(() => server.reset());

  it('answers as the in-thread client does: the same requests on the wire, answers, usage and records', async () => {
    const r = await both(server, { temperature: 0.3, max_tokens: 120, seed: 7, headers: { 'X-Team': 'lab' } }, (m) =>
      Promise.all([m.decide(requests.choose()), m.decide(requests.speak()), m.decide(requests.evaluate())]),
    );
    assert.equal(r.records.length, 6);
    assert.deepEqual(r.outcomes[1], r.outcomes[0]);
    const byKey = (a: CallRecord[]) => [...a].sort((x, y) => x.key.localeCompare(y.key));
    assert.deepEqual(byKey(r.records.slice(3)), byKey(r.records.slice(0, 3)));
    const byBody = (a: unknown[]) => a.map((x) => JSON.stringify(x)).sort();
    assert.deepEqual(byBody(r.requests[1]), byBody(r.requests[0]));
    assert.equal((r.requests[1][0] as { auth: string }).auth, `Bearer ${KEY}`);
  });

  it('steps down the structured-output format and max_tokens, and remembers the steps', async () => {
    server.script = (q) =>
      q.body.response_format
        ? reply.rejectFormat()
        : q.body.max_tokens !== undefined
          ? reply.rejectMaxTokens()
          : reply.json({ answer: 'plain' });
    const r = await both(server, { max_tokens: 50 }, async (m) => [
      await m.decide(requests.interview()),
      await m.decide(requests.interview('interview:3:maya')),
    ]);
    assert.deepEqual(r.outcomes[1], r.outcomes[0]);
    const shapes = r.requests.map((sent) =>
      sent.map((x) => {
        const b = (x as { body: { response_format?: { type: string }; max_tokens?: number } }).body;
        return `${b.response_format?.type ?? 'none'}/${b.max_tokens !== undefined ? 'max_tokens' : 'max_completion_tokens'}`;
      }),
    );
    assert.deepEqual(shapes[1], shapes[0]);
    assert.deepEqual(shapes[1], [
      'json_schema/max_tokens',
      'json_object/max_tokens',
      'none/max_tokens',
      'none/max_completion_tokens',
      'none/max_completion_tokens',
    ]);
  });

  it("keeps a run's step-downs to that run: the next registry with the same config starts from JSON schema", async () => {
    server.script = (q) => (q.body.response_format ? reply.rejectFormat() : reply.json({ answer: 'plain' }));
    const first = registryFor(server.url, {}, { threads: 2 }).model('gpt');
    await first.decide(requests.interview());
    await first.decide(requests.interview('interview:3:maya'));
    assert.equal(server.requests[3].body.response_format, undefined, 'remembered within the run');
    server.reset();
    const next = registryFor(server.url, {}, { threads: 2 }).model('gpt');
    await next.decide(requests.interview());
    assert.deepEqual(
      server.requests.map((r) => r.body.response_format?.type ?? 'none'),
      ['json_schema'],
    );
  });

  it('fails a call with the same ProviderError, the key masked, and carries a body without content into the usage', async () => {
    server.script = (q) =>
      q.n === 0
        ? reply.status(401, `Incorrect API key provided: ${KEY}`)
        : q.n === 1
          ? {
              status: 200,
              body: { usage: { prompt_tokens: 11, completion_tokens: 0 }, error: { message: 'overloaded' } },
            }
          : q.n === 2
            ? reply.serverError(503)
            : undefined;
    const r = await both(server, { retries: 3 }, async (m) => [
      await m.decide(requests.interview()).catch((e: Error) => e.message),
      await m.decide(requests.interview('interview:3:maya')),
    ]);
    assert.deepEqual(r.outcomes[1], r.outcomes[0]);
    assert.deepEqual(r.records.slice(2), r.records.slice(0, 2));
    const [failed, recovered] = r.records.slice(2);
    assert.equal(failed.outcome, 'failed');
    assert.equal(failed.faults[0].reason, 'rejected');
    assert.equal(failed.faults[0].status, 401);
    assert.match(failed.faults[0].message, /HTTP 401 \(POST http:\/\/127\.0\.0\.1:\d+\/v1\/chat\/completions\)/);
    assert.ok(!JSON.stringify(r.records).includes(KEY), 'the key is masked');
    assert.deepEqual(
      recovered.faults.map((f) => f.reason),
      ['bad_response', 'server_error'],
    );
    assert.ok(recovered.usage.input_tokens > 11, 'the tokens of the body without content are counted');
  });

  it('throws the ProviderError itself from the client, with status and Retry-After', async () => {
    server.script = () => ({ ...reply.rateLimited(3), latencyMs: 0 });
    const pool = new ChatPool(2);
    try {
      const errors: unknown[] = [];
      for (const p of [undefined, pool]) {
        const client = new OpenAIChatClient(modelConfig('gpt', { base_url: server.url }), {}, new Redactor(), p);
        errors.push(await client.complete({ messages: [{ role: 'user', content: 'hi' }] }).catch((e: unknown) => e));
      }
      for (const e of errors) assert.ok(e instanceof ProviderError);
      const [a, b] = errors as ProviderError[];
      assert.deepEqual(
        [b.reason, b.status, b.retryAfterMs, b.message],
        [a.reason, a.status, a.retryAfterMs, a.message],
      );
      assert.equal(b.retryAfterMs, 3000);
    } finally {
      await pool.close();
    }
  });

  it('cancels a request in flight in its worker: the call settles at once and the connection closes', async () => {
    server.script = () => reply.hang();
    const records: CallRecord[] = [];
    const model = registryFor(server.url, { timeout_ms: 60_000 }, { threads: 2, onCall: (c) => records.push(c) }).model(
      'gpt',
    );
    const ac = new AbortController();
    const settled = model.decide(requests.interview(), ac.signal).then(
      () => 'answered',
      (e: unknown) => String(e),
    );
    while (server.inFlight === 0) await new Promise((res) => setTimeout(res, 5));
    ac.abort(new Error('cancelled by the user'));
    // The abort's own reason, not the 60 s timeout's: the call ended because it was cancelled.
    assert.match(await settled, /cancelled by the user/);
    while (server.inFlight > 0) await new Promise((res) => setTimeout(res, 5));
    assert.equal(server.requests.length, 1, 'not retried');
    assert.deepEqual(records, [], 'a cancelled decision is not reported as failed');
  });

  it('times an attempt out as the in-thread client does', async () => {
    server.script = (q) => (q.n % 2 === 0 ? reply.hang() : undefined);
    const r = await both(server, { timeout_ms: 200, retries: 1 }, (m) => m.decide(requests.interview()));
    assert.deepEqual(r.records[1], r.records[0]);
    assert.deepEqual(
      r.records[1].faults.map((f) => `${f.reason}: ${f.message}`),
      ['timeout: no answer within 200 ms'],
    );
  });

  it("does not count a client's start-up (a worker starting) against its calls' timeout", async () => {
    let started = false;
    const slow: ChatClient = {
      identity: { provider: 'openai', model: 'm' },
      ready: () => new Promise<void>((res) => setTimeout(() => ((started = true), res()), 300)),
      complete: () => {
        assert.ok(started, 'no attempt before the client is ready');
        return Promise.resolve({ content: 'ok', tokens: { input_tokens: 1, output_tokens: 1 }, faults: [] });
      },
    };
    const client = new ResilientChatClient(
      slow,
      new Limiter({ concurrency: 1 }),
      { retries: 0, timeoutMs: 100 },
      new Redactor(),
    );
    const res = await client.complete({ messages: [{ role: 'user', content: 'hi' }] });
    assert.deepEqual([res.content, res.faults], ['ok', []]);
  });

  it('a closed pool refuses calls; the process pool is made again after closeChatPools', async () => {
    const pool = chatPool(2)!;
    assert.equal(chatPool(2), pool, 'one pool per size, shared');
    assert.equal(chatPool(1), undefined, 'one thread: calls in the calling thread');
    await closeChatPools();
    const client = new OpenAIChatClient(modelConfig('gpt', { base_url: server.url }), {}, new Redactor(), pool);
    await assert.rejects(client.complete({ messages: [{ role: 'user', content: 'hi' }] }), /closed/);
    const again = chatPool(2)!;
    assert.notEqual(again, pool);
    const fresh = new OpenAIChatClient(modelConfig('gpt', { base_url: server.url }), {}, new Redactor(), again);
    assert.equal((await fresh.complete({ messages: [{ role: 'user', content: 'hi' }] })).content, '{}');
  });

  it('idle workers do not hold the process open: a script that made calls exits by itself', async function () {
    const script = [
      `const { ChatPool } = require(${JSON.stringify(path.resolve(__dirname, '../../../src/core/llm/openai/chatPool.ts'))});`,
      `const { OpenAIChatClient } = require(${JSON.stringify(path.resolve(__dirname, '../../../src/core/llm/openai/chatClient.ts'))});`,
      `const { Redactor } = require(${JSON.stringify(path.resolve(__dirname, '../../../src/core/llm/redact.ts'))});`,
      `const pool = new ChatPool(2);`,
      `const cfg = { name: 'gpt', provider: 'openai', model: 'm', base_url: ${JSON.stringify(server.url)}, concurrency: 8, timeout_ms: 5000, retries: 0, on_error: 'skip' };`,
      `const c = new OpenAIChatClient(cfg, {}, new Redactor(), pool);`,
      `Promise.all([1, 2, 3, 4].map(() => c.complete({ messages: [{ role: 'user', content: 'hi' }] })))`,
      `  .then((r) => console.log('answers', r.length));`,
    ].join('\n');
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--require', require.resolve('tsx/cjs'), '-e', script],
      {
        timeout: 50_000,
      },
    );
    assert.equal(stdout.trim(), 'answers 4');
  });
});

describe('a seeded run with and without worker threads (real HTTP)', function () {
  let server: FakeOpenAI;
  before(async () => {
    server = await startFakeOpenAI();
    server.latencyMs = 2;
  });
  after(async () => {
    await server.close();
    await closeChatPools();
  });

  async function trace(sc: Scenario, threads: number): Promise<string> {
    const registry = new ModelRegistry(sc, {
      threads,
      backoff: FAST_BACKOFF,
      secrets: () => KEY,
      allowKeys: allowKeysOf(sc),
    });
    return (await runToText(sc, { modelFactory: registry.factory, calls: registry.calls })).trace;
  }

  it('writes the same trace, byte for byte, with recovered faults in it', async () => {
    const names = ['maya', 'ali', 'tom', 'zoe', 'sam', 'ivy', 'lea', 'bo'];
    const sc = scenario(
      {},
      {
        personas: names.map((n) => persona(n)),
        world: { ...scenario({}).world, rounds: 2 },
        models: {
          default: modelConfig('default', { base_url: server.url, api_key_env: 'POOL_KEY', concurrency: 8 }),
        },
      },
    );
    // Deterministic faults, by what is asked rather than by arrival order: a 500 on the first try
    // of every third distinct request.
    const seen = new Set<string>();
    server.script = (q) => {
      const k = JSON.stringify(q.body.messages);
      if (seen.has(k) || k.length % 3 !== 0) return undefined;
      seen.add(k);
      return reply.serverError(500);
    };
    const inThread = await trace(sc, 1);
    const inThreadRequests = server.count;
    seen.clear();
    server.reset();
    server.script = (q) => {
      const k = JSON.stringify(q.body.messages);
      if (seen.has(k) || k.length % 3 !== 0) return undefined;
      seen.add(k);
      return reply.serverError(500);
    };
    const pooled = await trace(sc, 2);
    assert.ok(inThread.includes('"handling":"recovered"'), 'retried 500s are in the trace');
    assert.equal(server.count, inThreadRequests);
    assert.equal(pooled, inThread);
  });
});
