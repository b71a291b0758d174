// Memory relevance from endpoint embeddings (cached, replayable); none configured leaves the engine's lexical relevance.
import * as assert from 'node:assert/strict';
import { reply, useFakeOpenAI } from '../../support/fakeOpenAI';
import { scratchDir } from '../../support/scratch';
import { modelConfig, scenario } from '../../support/llmFixtures';
import { FAST_BACKOFF } from '../../support/llmFixtures';
import { EmbeddingRelevance } from '../../../src/core/llm/embeddings';
import { ModelRegistry } from '../../../src/core/llm/registry';
import { ProviderError, ReplayMissError } from '../../../src/core/llm/errors';

const memories = [
  'Went bouldering with Ali at the climbing gym.',
  'Talked about open data and climate reports.',
  'Had coffee; the weather was grey.',
];

describe('llm relevance: embeddings (real HTTP)', () => {
  const fake = useFakeOpenAI();
  let dir: string;
  beforeEach(() => {
    dir = scratchDir('society-emb-');
  });

  const s = () =>
    scenario({ default: modelConfig('default', { base_url: fake.server.url, embeddings: { model: 'fake-embed' } }) });

  it('embeds each text once, batched, and ranks by cosine similarity', async () => {
    const rel = new ModelRegistry(s(), { cacheDir: dir, backoff: FAST_BACKOFF }).memoryRelevance('default')!;
    assert.ok(rel instanceof EmbeddingRelevance);
    const first = await rel.scores('bouldering with Ali', memories);
    assert.ok(first[0] > first[1] && first[0] > first[2]);
    await rel.scores('bouldering with Ali', memories);
    assert.equal(fake.server.requests.length, 1, 'second query answered from memory');
    assert.equal(fake.server.requests[0].body.model, 'fake-embed');
    assert.equal(fake.server.requests[0].body.input.length, 4);

    const again = new ModelRegistry(s(), { cacheDir: dir, replay: true }).memoryRelevance('default')!;
    assert.deepEqual(await again.scores('bouldering with Ali', memories), first, 'replayed from the disk cache');
    await assert.rejects(again.scores('something new', memories), ReplayMissError);
  });

  it('throws a ProviderError when the embeddings call fails (the engine records it and retrieves lexically)', async () => {
    fake.server.script = () => reply.status(404, 'model not found');
    const rel = new ModelRegistry(s(), { backoff: FAST_BACKOFF }).memoryRelevance('default')!;
    await assert.rejects(
      rel.scores('climbing bouldering', memories),
      (e) => e instanceof ProviderError && /HTTP 404/.test(e.message),
    );
  });

  it("is none (the engine's own lexical relevance) when the model has no embeddings configured", () => {
    assert.equal(new ModelRegistry(scenario({})).memoryRelevance('default'), undefined);
  });
});
