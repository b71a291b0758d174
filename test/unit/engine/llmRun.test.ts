// The engine on a real OpenAI-compatible endpoint (a local fake server) through the provider layer:
// a stage's calls are in flight together within the model's concurrency, usage reaches the trace,
// and a rerun from the response cache (--replay) writes the identical trace without a single call.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { FakeOpenAI, startFakeOpenAI } from '../../support/fakeOpenAI';
import { modelConfig, persona, scenario, allowKeysOf } from '../../support/llmFixtures';
import { ModelRegistry } from '../../../src/core/llm/registry';
import { reply, sampleOf as sampleOfSchema } from '../../support/fakeOpenAI';
import { runToText } from '../../support/runToText';
import type { Scenario } from '../../../src/core/format/model/model';

/** A run through the registry's models, with its trace's text. */
const run = (sc: Scenario, registry: ModelRegistry) =>
  runToText(sc, { modelFactory: registry.factory, calls: registry.calls });

describe('engine with an LLM provider', function () {
  let server: FakeOpenAI;
  let dir: string;
  before(async () => {
    server = await startFakeOpenAI();
  });
  after(async () => {
    await server.close();
  });
  beforeEach(() => {
    server.reset();
    server.latencyMs = 5;
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'society-llm-run-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('runs phase by phase within the concurrency, records usage and recovered faults, and replays byte-identically from the cache', async () => {
    const names = ['maya', 'ali', 'tom', 'zoe', 'sam', 'ivy'];
    const sc = scenario(
      {},
      {
        personas: names.map((n) => persona(n)),
        world: { ...scenario({}).world, rounds: 2 },
        models: {
          default: modelConfig('default', {
            base_url: server.url,
            api_key_env: 'FAKE_KEY',
            concurrency: 4,
            price: { input: 1, output: 2 },
          }),
        },
      },
    );
    // Every 15th request is rate limited once; the provider layer retries it.
    server.script = (r) => (r.n % 15 === 7 ? reply.rateLimited(0) : undefined);
    const backoff = { baseMs: 1, maxMs: 5, maxRetryAfterMs: 5 };
    const live = await run(
      sc,
      new ModelRegistry(sc, { secrets: () => 'sk-test', allowKeys: allowKeysOf(sc), cacheDir: dir, backoff }),
    );
    assert.ok(server.count > 50, `calls ${server.count}`);
    assert.ok(server.maxInFlight > 1 && server.maxInFlight <= 4, `max in flight ${server.maxInFlight}`);
    const usage = live.sim.world.usage;
    assert.ok(usage.total.input_tokens > 0 && usage.total.cost_usd > 0);
    assert.deepEqual([...usage.byModel.keys()], ['default']);
    assert.match(live.trace, /"type":"message".*"usage":\{"model":"default","input_tokens":\d+/);
    const recovered = live.trace.split('\n').filter((l) => l.includes('"handling":"recovered"'));
    assert.ok(
      recovered.length > 0 && recovered.every((l) => l.includes('rate_limited 429')),
      'retried 429s are in the trace',
    );
    assert.ok(!live.trace.includes('"handling":"skipped"'));

    server.reset();
    const replayed = await run(sc, new ModelRegistry(sc, { cacheDir: dir, replay: true }));
    assert.equal(server.count, 0, 'replay makes no calls');
    assert.equal(replayed.trace, live.trace);
  });

  it('records answers it had to repair (a code fence, a candidate named instead of its id) as recovered, with what was changed', async () => {
    const sc = scenario(
      {},
      {
        personas: [
          ['maya', 'Maya Chen'],
          ['ali', 'Ali Okafor'],
          ['tom', 'Tom Berg'],
        ].map(([id, name]) => persona(id, { name })),
        world: { ...scenario({}).world, rounds: 1 },
        models: { default: modelConfig('default', { base_url: server.url, api_key_env: 'FAKE_KEY' }) },
      },
    );
    server.script = (r) => {
      const schema = r.body?.response_format?.json_schema;
      if (!schema) return undefined;
      if (schema.name === 'choose_partner') {
        // The candidate's name instead of its id.
        const id = schema.schema.properties.choice.enum[0] as string;
        return reply.json({ choice: sc.personas.find((p) => p.id === id)!.name, reason: 'we share climate' });
      }
      return reply.content('```json\n' + JSON.stringify(sampleOfSchema(schema.schema)) + '\n```');
    };
    const { trace } = await run(sc, new ModelRegistry(sc, { secrets: () => 'sk-test', allowKeys: allowKeysOf(sc) }));
    const repaired = trace
      .split('\n')
      .filter((l) => l.includes('"reason":"repaired"'))
      .map((l) => JSON.parse(l) as { handling: string; kind: string; message: string });
    assert.ok(repaired.length > 0, 'repaired answers are in the trace');
    assert.ok(repaired.every((e) => e.handling === 'recovered'));
    assert.ok(
      repaired.some((e) => e.kind === 'speak' && e.message === 'answer repaired: code fence'),
      JSON.stringify(repaired.slice(0, 3)),
    );
    assert.ok(
      repaired.some(
        (e) => e.kind === 'choose_partner' && e.message === 'answer repaired: a candidate named instead of its id',
      ),
      JSON.stringify(repaired.slice(0, 3)),
    );
    assert.ok(!trace.includes('"handling":"skipped"') && !trace.includes('"handling":"fallback"'));
  });
});
