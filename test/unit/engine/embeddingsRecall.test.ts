// Memory relevance from endpoint embeddings inside the engine: with `embeddings` on the agents'
// model config, retrieval ranks by embedding cosine (each memory text embedded once per run, over
// real HTTP against the local fake server), a rerun from the cache is byte-identical with no
// request, and a failing embeddings endpoint is recorded and answered with lexical relevance.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { FakeOpenAI, reply, startFakeOpenAI } from '../../support/fakeOpenAI';
import { FAST_BACKOFF, modelConfig, persona, scenario, allowKeysOf } from '../../support/llmFixtures';
import { ModelRegistry } from '../../../src/core/llm/registry';
import type { RelevanceScorer } from '../../../src/core/llm/embeddings';
import { Simulation } from '../../../src/core/engine/kernel/simulation';
import { recall } from '../../../src/core/engine/phases/recall';
import { retrieveByRelevance, retrieveFor } from '../../../src/core/engine/memory/memory';
import { Tape } from '../../../src/core/engine/flow/tape';
import { runToText } from '../../support/runToText';
import { estimateRun } from '../../../src/core/llm/estimate';
import type { Scenario } from '../../../src/core/format/model/model';
import type { ErrorEvent } from '../../../src/core/trace/events';

/** A run whose agents recall through the registry's embeddings, as its trace's text. */
const run = async (sc: Scenario, registry: ModelRegistry): Promise<string> =>
  (await runToText(sc, { modelFactory: registry.factory, relevance: registry.memoryRelevance })).trace;

describe('engine memory relevance from embeddings', function () {
  it("ranks with the scorer it is given, with the lexical path's recency, importance and weights", async () => {
    const sc = scenario({});
    // A stand-in for embeddings: the share of the query's words that a memory contains.
    const share = (query: string, doc: string) => {
      const q = query.toLowerCase().split(/\W+/).filter(Boolean);
      return q.filter((w) => doc.toLowerCase().includes(w)).length / q.length;
    };
    const scorer: RelevanceScorer = {
      async scores(query, documents) {
        return documents.map((d) => share(query, d));
      },
    };
    const sim = Simulation.create(sc, { relevance: () => scorer });
    await sim.run();
    const maya = sim.agent('maya')!;
    const situation = ['bouldering', 'Ali'];
    const got = await recall(sim.world, maya, situation, { tape: new Tape() });
    const rel = maya.memories.records().map((m) => share(situation.join('; '), m.text));
    assert.ok(rel.some((x) => x > 0) && rel.some((x) => x === 0), 'the stand-in tells memories apart');
    const want = retrieveByRelevance(maya.memories.records(), rel, sim.world.round, sim.world.settings.memory);
    assert.deepEqual(
      got.map((m) => [m.id, m.score]),
      want.map((s) => [s.memory.id, s.score]),
    );
    assert.equal(got.length, sc.memory.top_k);
    // Without a scorer the engine keeps its own lexical relevance (synchronously).
    const plain = Simulation.create(sc);
    await plain.run();
    const lexical = recall(plain.world, plain.agent('maya')!, situation);
    assert.ok(!(lexical instanceof Promise));
    assert.deepEqual(
      lexical.map((m) => m.id),
      retrieveFor(plain.agent('maya')!.memories, situation, plain.world.round, sc.memory).map((s) => s.memory.id),
    );
  });

  describe('against an OpenAI-compatible endpoint (real HTTP)', () => {
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
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'society-emb-run-'));
    });
    afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

    const sc = (): Scenario =>
      scenario(
        {},
        {
          personas: ['maya', 'ali', 'tom', 'zoe'].map((n) =>
            persona(n, { memories: [{ text: `${n} grew up by the sea and loves climbing.`, importance: 6 }] }),
          ),
          world: { ...scenario({}).world, rounds: 3 },
          models: {
            default: modelConfig('default', {
              base_url: server.url,
              api_key_env: 'FAKE_KEY',
              concurrency: 4,
              embeddings: { model: 'fake-embed' },
            }),
          },
        },
      );

    it('embeds each memory once, records the embeddings model, and replays byte-identically with no request', async () => {
      const registry = new ModelRegistry(sc(), {
        secrets: () => 'sk-test',
        allowKeys: allowKeysOf(sc()),
        cacheDir: dir,
        backoff: FAST_BACKOFF,
      });
      const live = await run(sc(), registry);
      const embedCalls = server.requests.filter((r) => r.path.endsWith('/embeddings'));
      assert.ok(embedCalls.length > 0, 'the embeddings endpoint was used');
      const texts = embedCalls.flatMap((r) => r.body.input as string[]);
      assert.equal(new Set(texts).size, texts.length, 'no text embedded twice');
      assert.ok(embedCalls.every((r) => r.body.model === 'fake-embed'));
      assert.deepEqual(registry.embeddingUsage().requests, embedCalls.length);
      const header = JSON.parse(live.split('\n')[0]);
      assert.deepEqual(header.models.default.embeddings, { model: 'fake-embed' });
      assert.ok(!live.includes('"kind":"embed"'), 'no embedding failures');

      // `society estimate` predicts this run's embedding traffic. The fake server's answers repeat,
      // so texts are compared with repeats counted: a situation per retrieval (own turn, each
      // encounter's partner) plus the seeds and every memory written before the last round.
      const events = live
        .trim()
        .split('\n')
        .slice(1)
        .map((l) => JSON.parse(l));
      const rounds = 3,
        agents = 4;
      const retrievals = agents * rounds + events.filter((e) => e.type === 'encounter').length;
      const needed = retrievals + events.filter((e) => e.type === 'memory' && e.round < rounds).length;
      const predicted = estimateRun(sc()).models[0].embeddings!;
      assert.ok(
        Math.abs(predicted.texts - needed) <= needed * 0.25,
        `estimated ${predicted.texts} texts, needed ${needed}`,
      );
      assert.equal(predicted.requests, retrievals);
      assert.ok(embedCalls.length <= predicted.requests, 'at most one request per retrieval');

      server.reset();
      const replayed = await run(
        sc(),
        new ModelRegistry(sc(), {
          secrets: () => 'sk-test',
          allowKeys: allowKeysOf(sc()),
          cacheDir: dir,
          replay: true,
        }),
      );
      assert.equal(server.count, 0, 'no request while replaying');
      assert.equal(replayed, live);
    });

    it('records a failing embeddings endpoint and retrieves lexically instead: the run completes, nothing is lost', async () => {
      server.script = (r) => (r.path.endsWith('/embeddings') ? reply.status(500, 'embedder down') : undefined);
      const registry = new ModelRegistry(sc(), {
        secrets: () => 'sk-test',
        allowKeys: allowKeysOf(sc()),
        backoff: FAST_BACKOFF,
      });
      const trace = await run(sc(), registry);
      const events = trace
        .trim()
        .split('\n')
        .slice(1)
        .map((l) => JSON.parse(l));
      const failures = events.filter((e): e is ErrorEvent => e.type === 'error' && e.kind === 'embed');
      assert.ok(failures.length > 0);
      // The failed requests are counted (QA: with every request failing, `society run` said nothing of embeddings).
      const usage = registry.embeddingUsage();
      assert.equal(usage.requests, 0);
      assert.ok(usage.failed > 0, `failed ${usage.failed}`);
      assert.ok(
        failures.every(
          (e) =>
            e.handling === 'fallback' &&
            /lexical relevance/.test(e.message) &&
            (e.phase === 'retrieve' || e.phase === 'act'),
        ),
      );
      assert.ok(!trace.includes('sk-test'));
      assert.deepEqual(
        events.filter((e) => e.type === 'round_end').map((e) => e.round),
        [0, 1, 2, 3],
        'setup and every round',
      );
      assert.ok(
        events.some((e) => e.type === 'message'),
        'conversations went on',
      );
    });
  });
});
