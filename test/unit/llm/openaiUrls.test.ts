// Where requests go: Azure embeddings to their own deployment, a base_url's query kept as a
// query (not pasted before the path), and failures naming the URL requested, credentials masked.
import * as assert from 'node:assert/strict';
import { reply, useFakeOpenAI } from '../../support/fakeOpenAI';
import { FAST_BACKOFF, modelConfig, registryFor, requests, scenario } from '../../support/llmFixtures';
import { ModelCallError, ProviderError } from '../../../src/core/llm/errors';
import { ModelRegistry } from '../../../src/core/llm/registry';

const TOKEN = 'qtok-0123456789secret';

describe('llm request URLs (real HTTP)', () => {
  const fake = useFakeOpenAI();

  it('sends Azure embeddings to the embeddings deployment (embeddings.model), chat to the chat deployment', async () => {
    const cfg = modelConfig('default', {
      model: undefined,
      base_url: fake.server.url.replace(/\/v1$/, ''),
      embeddings: { model: 'embed-dep' },
      azure: { deployment: 'chat-dep', api_version: '2024-10-21' },
    });
    const registry = new ModelRegistry(scenario({ default: cfg }), { backoff: FAST_BACKOFF });
    await registry.memoryRelevance('default')!.scores('bouldering with Ali', ['Went bouldering.']);
    await registry.model('default').decide(requests.interview());
    assert.deepEqual(
      fake.server.requests.map((r) => [r.path, r.query.get('api-version')]),
      [
        ['/openai/deployments/embed-dep/embeddings', '2024-10-21'],
        ['/openai/deployments/chat-dep/chat/completions', '2024-10-21'],
      ],
    );
  });

  it('keeps a base_url query as the query of every request', async () => {
    const url = `${fake.server.url}?token=${TOKEN}&x=1`;
    await registryFor(url).model('gpt').decide(requests.interview());
    const embed = new ModelRegistry(
      scenario({ default: modelConfig('default', { base_url: url, embeddings: { model: 'e' } }) }),
      { backoff: FAST_BACKOFF },
    );
    await embed.memoryRelevance('default')!.scores('climbing', ['Went bouldering.']);
    assert.deepEqual(
      fake.server.requests.map((r) => [r.path, r.query.get('token'), r.query.get('x')]),
      [
        ['/v1/chat/completions', TOKEN, '1'],
        ['/v1/embeddings', TOKEN, '1'],
      ],
    );
  });

  it('names the URL requested, query secrets masked, when the endpoint rejects the call', async () => {
    fake.server.script = () => reply.status(404, 'not found');
    const url = `${fake.server.url}?token=${TOKEN}&x=1`;
    const err = await registryFor(url)
      .model('gpt')
      .decide(requests.interview())
      .then(
        () => undefined,
        (e) => e,
      );
    assert.ok(err instanceof ModelCallError);
    assert.ok(
      err.message.includes(`HTTP 404 (POST ${fake.server.url}/chat/completions?token=[redacted]&x=1): not found`),
      err.message,
    );
    const embed = new ModelRegistry(
      scenario({ default: modelConfig('default', { base_url: url, embeddings: { model: 'e' } }) }),
      { backoff: FAST_BACKOFF },
    );
    const e2 = await embed
      .memoryRelevance('default')!
      .scores('climbing', ['x'])
      .then(
        () => undefined,
        (e) => e,
      );
    assert.ok(
      e2 instanceof ProviderError && e2.message.includes(`${fake.server.url}/embeddings?token=[redacted]&x=1`),
      String(e2),
    );
    assert.ok(!err.message.includes(TOKEN) && !e2.message.includes(TOKEN));
  });
});
