// The `openai` package against a real local HTTP server: request shape, parameters, headers,
// structured output and its fallback, Azure URLs and headers.
import * as assert from 'node:assert/strict';
import { reply, useFakeOpenAI } from '../../support/fakeOpenAI';
import { registryFor, requests } from '../../support/llmFixtures';
import { OpenAIChatClient } from '../../../src/core/llm/openai/chatClient';
import { Redactor } from '../../../src/core/llm/redact';
import { modelConfig } from '../../support/llmFixtures';

describe('llm openai client (real HTTP)', () => {
  const fake = useFakeOpenAI();

  it('sends model, messages, sampling parameters, seed, extra headers and a JSON schema', async () => {
    const model = registryFor(fake.server.url, {
      temperature: 0.3,
      max_tokens: 120,
      seed: 7,
      headers: { 'X-Team': 'lab' },
    }).model('gpt');
    const res = await model.decide(requests.choose());
    assert.equal(res.choice, 'ali');
    const [req] = fake.server.requests;
    assert.equal(req.path, '/v1/chat/completions');
    assert.equal(req.body.model, 'fake-model');
    assert.equal(req.body.temperature, 0.3);
    assert.equal(req.body.max_tokens, 120);
    assert.equal(req.body.seed, 7);
    assert.equal(req.headers['x-team'], 'lab');
    assert.equal(req.body.response_format.type, 'json_schema');
    assert.equal(req.body.response_format.json_schema.name, 'choose_partner');
    assert.deepEqual(req.body.response_format.json_schema.schema.properties.choice.enum, ['ali', 'sam']);
    assert.equal(req.body.messages[0].role, 'system');
    assert.ok(res.usage.input_tokens > 50 && res.usage.output_tokens > 0);
  });

  it('steps down to JSON mode, then to prompt-only JSON, when the endpoint rejects the format', async () => {
    fake.server.script = (r) => (r.body.response_format ? reply.rejectFormat() : reply.json({ answer: 'plain' }));
    const model = registryFor(fake.server.url).model('gpt');
    const first = await model.decide(requests.interview());
    assert.equal(first.answer, 'plain');
    assert.deepEqual(
      fake.server.requests.map((r) => r.body.response_format?.type ?? 'none'),
      ['json_schema', 'json_object', 'none'],
    );
    await model.decide(requests.interview('interview:3:maya'));
    assert.equal(fake.server.requests[3].body.response_format, undefined, 'the step down is remembered');
  });

  it('switches to max_completion_tokens when the endpoint asks for it', async () => {
    fake.server.script = (r) =>
      r.body.max_tokens !== undefined
        ? reply.status(
            400,
            "Unsupported parameter: 'max_tokens' is not supported with this model. Use 'max_completion_tokens' instead.",
          )
        : undefined;
    const model = registryFor(fake.server.url, { max_tokens: 50 }).model('gpt');
    await model.decide(requests.interview());
    assert.equal(fake.server.requests[1].body.max_completion_tokens, 50);
  });

  it('sends the key as a bearer token, and a placeholder when the endpoint needs none', async () => {
    await registryFor(
      fake.server.url,
      { api_key_env: 'FAKE_KEY' },
      { secrets: (n) => (n === 'FAKE_KEY' ? 'sk-live-abcdefghijklmnop' : undefined) },
    )
      .model('gpt')
      .decide(requests.interview());
    assert.equal(fake.server.requests[0].headers.authorization, 'Bearer sk-live-abcdefghijklmnop');
    await registryFor(fake.server.url).model('gpt').decide(requests.interview());
    assert.equal(fake.server.requests[1].headers.authorization, 'Bearer no-key');
  });

  it("does not pick up OPENAI_API_KEY or OPENAI_BASE_URL from the environment behind the scenario's back", async () => {
    const saved = { key: process.env.OPENAI_API_KEY, url: process.env.OPENAI_BASE_URL };
    process.env.OPENAI_API_KEY = 'sk-ambient-0123456789';
    process.env.OPENAI_BASE_URL = 'http://127.0.0.1:9/v1';
    try {
      await registryFor(fake.server.url).model('gpt').decide(requests.interview());
      assert.equal(fake.server.requests[0].headers.authorization, 'Bearer no-key');
    } finally {
      if (saved.key === undefined) delete process.env.OPENAI_API_KEY;
      else process.env.OPENAI_API_KEY = saved.key;
      if (saved.url === undefined) delete process.env.OPENAI_BASE_URL;
      else process.env.OPENAI_BASE_URL = saved.url;
    }
  });

  it('talks Azure OpenAI: deployment path, api-version query, api-key header', async () => {
    const base = fake.server.url.replace(/\/v1$/, '');
    const model = registryFor(
      base,
      { model: undefined, azure: { deployment: 'gpt4o-prod', api_version: '2024-10-21' }, api_key_env: 'AZ' },
      { secrets: () => 'azure-key-0123456789' },
    ).model('gpt');
    await model.decide(requests.interview());
    const [req] = fake.server.requests;
    assert.equal(req.path, '/openai/deployments/gpt4o-prod/chat/completions');
    assert.equal(req.query.get('api-version'), '2024-10-21');
    assert.equal(req.headers['api-key'], 'azure-key-0123456789');
    assert.equal(req.headers.authorization, undefined);
    assert.equal(model.label, 'Azure OpenAI deployment gpt4o-prod');
  });

  it('works the same over the platform fetch as over the built-in node:http transport', async () => {
    fake.server.script = (r) => (r.n === 0 ? reply.rateLimited(0) : undefined);
    const records: unknown[] = [];
    const res = await registryFor(fake.server.url, {}, { fetch: globalThis.fetch, onCall: (r) => records.push(r) })
      .model('gpt')
      .decide(requests.evaluate());
    assert.equal(res.rating, 1);
    assert.equal(fake.server.requests.length, 2);
    assert.match(String(fake.server.requests[1].headers['user-agent']), /OpenAI/);
  });

  it('reports an answer without content as a bad response', async () => {
    fake.server.script = () => ({ status: 200, body: { id: 'x', choices: [] } });
    const client = new OpenAIChatClient(modelConfig('gpt', { base_url: fake.server.url }), {}, new Redactor());
    await assert.rejects(client.complete({ messages: [{ role: 'user', content: 'hi' }] }), {
      name: 'ProviderError',
      reason: 'bad_response',
    });
  });

  it("quotes a gateway's own error shapes instead of 'status code (no body)'", async () => {
    const client = new OpenAIChatClient(modelConfig('gpt', { base_url: fake.server.url }), {}, new Redactor());
    const ask = () => client.complete({ messages: [{ role: 'user', content: 'hi' }] });
    // Portkey's AI Gateway and FastAPI servers (vLLM's) do not wrap their errors in `error`.
    fake.server.script = () => ({ status: 400, body: { status: 'failure', message: 'Invalid config passed' } });
    await assert.rejects(ask(), (e: Error) => /HTTP 400 .*: Invalid config passed$/.test(e.message));
    fake.server.script = () => ({ status: 422, body: { detail: 'max_tokens must be at least 1' } });
    await assert.rejects(ask(), (e: Error) => e.message.includes('{"detail":"max_tokens must be at least 1"}'));
    fake.server.script = () => reply.status(400, 'Unknown model');
    await assert.rejects(ask(), (e: Error) => /: Unknown model$/.test(e.message));
  });
});
