// Stepping down (structured output → JSON mode → prompt-only, max_tokens → max_completion_tokens)
// with many calls in flight: each call steps down from what it sent, so a call rejected after
// another one already moved the shared setting on still gets its answer.
import * as assert from 'node:assert/strict';
import { FakeOpenAI, reply, startFakeOpenAI } from '../../support/fakeOpenAI';
import { modelConfig, registryFor, requests } from '../../support/llmFixtures';
import { OpenAIChatClient } from '../../../src/core/llm/openai/chatClient';
import { Redactor } from '../../../src/core/llm/redact';

const format = (body: any): string => body.response_format?.type ?? 'none';
const eight = () => Array.from({ length: 8 }, (_, i) => requests.interview(`interview:2:maya:${i}`));

describe('llm step down under concurrency (real HTTP)', () => {
  let server: FakeOpenAI;
  before(async () => {
    server = await startFakeOpenAI();
  });
  after(async () => {
    await server.close();
  });
  beforeEach(() => {
    server.reset();
    // The first eight answers wait until all eight are in flight: concurrency by state, not by a latency.
    server.holdUntilInFlight(8);
  });

  it('loses no decision when every response_format is rejected with 8 calls in flight', async () => {
    server.script = (r) =>
      r.body.response_format ? reply.rejectFormat(format(r.body)) : reply.json({ answer: 'plain' });
    const model = registryFor(server.url, { concurrency: 8 }).model('gpt');
    const answers = await Promise.all(eight().map((q) => model.decide(q)));
    assert.deepEqual(
      answers.map((a) => a.answer),
      Array(8).fill('plain'),
    );
    assert.equal(server.maxInFlight, 8, 'all eight were in flight together');
    const before = server.requests.length;
    await model.decide(requests.interview('interview:3:maya'));
    assert.deepEqual(
      server.requests.slice(before).map((r) => format(r.body)),
      ['none'],
      'the step is remembered',
    );
  });

  it('steps only as far as needed, and the shared mode never moves back', async () => {
    server.script = (r) =>
      format(r.body) === 'json_schema' ? reply.rejectFormat() : reply.json({ answer: 'json mode' });
    const client = new OpenAIChatClient(modelConfig('gpt', { base_url: server.url }), {}, new Redactor());
    const json = { name: 'interview', schema: { type: 'object' } };
    const results = await Promise.all(
      Array.from({ length: 8 }, () => client.complete({ messages: [{ role: 'user', content: 'hi' }], json })),
    );
    assert.equal(results.length, 8);
    assert.equal(client.mode, 'json_object');
    assert.ok(!server.requests.some((r) => format(r.body) === 'none'), 'no call skipped JSON mode');
  });

  it("loses no decision when max_tokens is rejected (OpenAI's message) with 8 calls in flight, response_format too", async () => {
    server.script = (r) =>
      r.body.max_tokens !== undefined
        ? reply.rejectMaxTokens()
        : r.body.response_format
          ? reply.rejectFormat(format(r.body))
          : reply.json({ answer: 'ok' });
    const model = registryFor(server.url, { concurrency: 8, max_tokens: 300 }).model('gpt');
    const answers = await Promise.all(eight().map((q) => model.decide(q)));
    assert.deepEqual(
      answers.map((a) => a.answer),
      Array(8).fill('ok'),
    );
    const answered = server.requests.filter((r) => r.body.max_tokens === undefined && !r.body.response_format);
    assert.equal(answered.length, 8);
    for (const r of answered) assert.equal(r.body.max_completion_tokens, 300);
  });
});
