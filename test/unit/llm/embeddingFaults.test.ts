// Embedding calls that fail, fail for some callers only, or succeed after retries: failures are
// cached and replayed per retrieval, shared failures keep their real reason, and retried faults
// are kept (and replayed) rather than dropped.
import * as assert from 'node:assert/strict';
import { reply, type FakeRequest, useFakeOpenAI } from '../../support/fakeOpenAI';
import { scratchDir } from '../../support/scratch';
import { FAST_BACKOFF, modelConfig, scenario } from '../../support/llmFixtures';
import type { ModelConfig } from '../../../src/core/format/model/model';
import { ProviderError } from '../../../src/core/llm/errors';
import { ModelRegistry } from '../../../src/core/llm/registry';

const memories = ['Went bouldering with Ali at the climbing gym.', 'Talked about open data and climate reports.'];

/** The outcome of a retrieval as the engine sees it: scores, or the failure's reason and message. */
async function outcome(p: Promise<number[]>): Promise<unknown> {
  return p.then(
    (scores) => ({ scores }),
    (e: unknown) => (e instanceof ProviderError ? { reason: e.reason, message: e.message } : { other: String(e) }),
  );
}

describe('llm embeddings: failures and faults (real HTTP)', () => {
  const fake = useFakeOpenAI();
  let dir: string;
  beforeEach(() => {
    dir = scratchDir('society-embfault-');
  });

  const s = (extra: Partial<ModelConfig> = {}) =>
    scenario({
      default: modelConfig('default', {
        base_url: fake.server.url,
        embeddings: { model: 'fake-embed' },
        retries: 0,
        ...extra,
      }),
    });
  const live = (extra: Partial<ModelConfig> = {}) =>
    new ModelRegistry(s(extra), { cacheDir: dir, backoff: FAST_BACKOFF }).memoryRelevance('default')!;
  const replay = (extra: Partial<ModelConfig> = {}) =>
    new ModelRegistry(s(extra), { cacheDir: dir, replay: true }).memoryRelevance('default')!;

  it('replays a failed retrieval as failed, with its message, even when the same retrieval later succeeded', async () => {
    fake.server.script = (r) => (r.n === 0 ? reply.serverError(500) : undefined);
    const rel = live();
    const recorded = [
      await outcome(rel.scores('bouldering with Ali', memories)),
      await outcome(rel.scores('bouldering with Ali', memories)), // the same retrieval again: the endpoint is back
      await outcome(rel.scores('climate data', memories)),
    ];
    assert.equal((recorded[0] as { reason: string }).reason, 'server_error');
    assert.ok('scores' in (recorded[1] as object));

    const again = replay();
    const replayed = [
      await outcome(again.scores('bouldering with Ali', memories)),
      await outcome(again.scores('bouldering with Ali', memories)),
      await outcome(again.scores('climate data', memories)),
    ];
    assert.deepEqual(replayed, recorded);
  });

  it('a later live run that succeeds clears the failure an earlier run recorded', async () => {
    fake.server.script = () => reply.serverError(500);
    await outcome(live().scores('bouldering with Ali', memories));
    fake.server.script = undefined;
    const ok = await live().scores('bouldering with Ali', memories);
    assert.deepEqual(await replay().scores('bouldering with Ali', memories), ok);
  });

  it('a caller sharing a failed request reports its real reason, not a missing embedding', async () => {
    // The request that carries the shared text fails at once; the caller's own request succeeds later.
    fake.server.script = (r: FakeRequest) =>
      r.body.input.includes(memories[1]) ? reply.serverError(503) : reply.content('', 100);
    const rel = live();
    const first = outcome(rel.scores('bouldering', memories));
    const second = outcome(rel.scores('climbing', [memories[1], 'Had coffee; the weather was grey.']));
    const [a, b] = await Promise.all([first, second]);
    assert.equal((a as { reason: string }).reason, 'server_error');
    assert.deepEqual(b, a, 'the second caller gets the failure of the request it waited for');
  });

  it('keeps the faults an embeddings call got past, and replays them', async () => {
    fake.server.script = (r) => (r.n === 0 ? reply.serverError(500) : undefined);
    const registry = new ModelRegistry(s({ retries: 2 }), { cacheDir: dir, backoff: FAST_BACKOFF });
    await registry.memoryRelevance('default')!.scores('bouldering with Ali', memories);
    const { faults } = registry.embeddingUsage();
    assert.deepEqual(
      faults.map((f) => [f.attempt, f.reason, f.status]),
      [[1, 'server_error', 500]],
    );

    const again = new ModelRegistry(s({ retries: 2 }), { cacheDir: dir, replay: true });
    await again.memoryRelevance('default')!.scores('bouldering with Ali', memories);
    assert.deepEqual(again.embeddingUsage().faults, faults);
  });

  it('says how many attempts a failed embeddings call made, and names the status once', async () => {
    fake.server.script = () => reply.serverError(500);
    const err = await live({ retries: 1 })
      .scores('bouldering', memories)
      .then(
        () => undefined,
        (e: Error) => e,
      );
    assert.ok(err instanceof ProviderError);
    assert.equal(err.message, 'HTTP 500: The server had an error (after 2 attempts)');
  });
});
