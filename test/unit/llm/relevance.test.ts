// Memory relevance: endpoint embeddings (cached, replayable) or BM25 when none are configured.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { FakeOpenAI, reply, startFakeOpenAI } from '../../support/fakeOpenAI';
import { modelConfig, scenario } from '../../support/llmFixtures';
import { FAST_BACKOFF } from '../../support/llmFixtures';
import { bm25Scores } from '../../../src/core/llm/bm25';
import { EmbeddingRelevance, bm25Relevance } from '../../../src/core/llm/embeddings';
import { ModelRegistry } from '../../../src/core/llm/registry';
import { ReplayMissError } from '../../../src/core/llm/errors';

const memories = ['Went bouldering with Ali at the climbing gym.', 'Talked about open data and climate reports.', 'Had coffee; the weather was grey.'];

describe('llm relevance: BM25', () => {
  it('ranks the memory sharing rare words first and scores 0..1', () => {
    const s = bm25Scores('climbing bouldering', memories);
    assert.equal(s[0], 1);
    assert.equal(s[1], 0);
    assert.equal(s[2], 0);
    const t = bm25Scores('climate data weather', memories);
    assert.ok(t[1] > t[2] && t[2] > 0 && t[0] === 0);
  });
  it('is all zeros when nothing matches, and empty for no documents', () => {
    assert.deepEqual(bm25Scores('quantum', memories), [0, 0, 0]);
    assert.deepEqual(bm25Scores('x', []), []);
  });
});

describe('llm relevance: embeddings (real HTTP)', () => {
  let server: FakeOpenAI;
  let dir: string;
  before(async () => { server = await startFakeOpenAI(); });
  after(async () => { await server.close(); });
  beforeEach(() => { server.reset(); dir = fs.mkdtempSync(path.join(os.tmpdir(), 'society-emb-')); });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const s = () => scenario({ default: modelConfig('default', { base_url: server.url, embeddings: { model: 'fake-embed' } }) });

  it('embeds each text once, batched, and ranks by cosine similarity', async () => {
    const rel = new ModelRegistry(s(), { cacheDir: dir, backoff: FAST_BACKOFF }).relevance();
    assert.equal(rel.kind, 'embeddings');
    const first = await rel.scores('bouldering with Ali', memories);
    assert.ok(first[0] > first[1] && first[0] > first[2]);
    await rel.scores('bouldering with Ali', memories);
    assert.equal(server.requests.length, 1, 'second query answered from memory');
    assert.equal(server.requests[0].body.model, 'fake-embed');
    assert.equal(server.requests[0].body.input.length, 4);

    const again = new ModelRegistry(s(), { cacheDir: dir, replay: true }).relevance();
    assert.deepEqual(await again.scores('bouldering with Ali', memories), first, 'replayed from the disk cache');
    await assert.rejects(again.scores('something new', memories), ReplayMissError);
  });

  it('falls back to BM25 when the embeddings call fails, and says so', async () => {
    server.script = () => reply.status(404, 'model not found');
    const failures: string[] = [];
    const rel = new ModelRegistry(s(), { backoff: FAST_BACKOFF, onRelevanceFallback: (e) => failures.push(e.message) }).relevance() as EmbeddingRelevance;
    const scores = await rel.scores('climbing bouldering', memories);
    assert.deepEqual(scores, bm25Scores('climbing bouldering', memories));
    assert.match(failures[0], /HTTP 404/);
  });

  it('is BM25 when the model has no embeddings configured', () => {
    assert.equal(new ModelRegistry(scenario({})).relevance(), bm25Relevance);
  });
});
