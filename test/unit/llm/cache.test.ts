// The content-addressed response cache and replay: stable keys, identical reruns, replay with no
// network (faults and failures replayed too), and a clear error on a replay miss.
import * as assert from 'node:assert/strict';
import { reply, useFakeOpenAI } from '../../support/fakeOpenAI';
import { scratchDir } from '../../support/scratch';
import { FAST_BACKOFF, modelConfig, registryFor, requests, scenario } from '../../support/llmFixtures';
import type { PromptTemplates } from '../../../src/core/format/model/model';
import { ModelRegistry } from '../../../src/core/llm/registry';
import { cacheKey } from '../../../src/core/llm/cache/key';
import type { CallRecord } from '../../../src/core/llm/callRecord';
import { ModelCallError, ReplayMissError } from '../../../src/core/llm/errors';
import type { AgentModel, DecisionRequest } from '../../../src/core/llm/types';

const identity = { provider: 'openai', model: 'gpt-4o-mini', endpoint: 'https://api.openai.com/v1', temperature: 0.7 };
const request = { messages: [{ role: 'user' as const, content: 'hello' }] };

async function decideAll(model: AgentModel): Promise<string> {
  const reqs: DecisionRequest[] = [
    requests.choose(),
    requests.speak(),
    requests.evaluate(),
    requests.advise(),
    requests.reflect(),
    requests.interview(),
  ];
  const out = [];
  for (const r of reqs) out.push(await model.decide(r).catch((e: Error) => ({ error: e.message })));
  return JSON.stringify(out);
}

describe('llm cache keys', () => {
  it('are stable across runs and key order (pinned value)', () => {
    const reordered = {
      temperature: 0.7,
      endpoint: 'https://api.openai.com/v1',
      model: 'gpt-4o-mini',
      provider: 'openai',
    };
    assert.equal(cacheKey(identity, request), cacheKey(reordered, request));
    assert.equal(cacheKey(identity, request), 'fa908bf61a8d387661d0f704d642a0530c5795f1404649fdae0c1d5947c52627');
  });

  it('differ for a different model, parameter, endpoint, message or schema', () => {
    const base = cacheKey(identity, request);
    const variants = [
      cacheKey({ ...identity, model: 'gpt-4o' }, request),
      cacheKey({ ...identity, temperature: 0.2 }, request),
      cacheKey({ ...identity, seed: 1 }, request),
      cacheKey({ ...identity, endpoint: 'http://localhost:11434/v1' }, request),
      cacheKey(identity, { messages: [{ role: 'user', content: 'hello!' }] }),
      cacheKey(identity, { ...request, json: { name: 'interview', schema: { type: 'object' } } }),
    ];
    assert.equal(new Set([base, ...variants]).size, variants.length + 1);
  });
});

describe('llm cache and replay (real HTTP)', () => {
  const fake = useFakeOpenAI();
  let dir: string;
  beforeEach(() => {
    dir = scratchDir('society-cache-');
  });

  it('a cached rerun gives identical decisions and records without calling the endpoint', async () => {
    let n = 0;
    fake.server.script = (r) =>
      r.n === 1
        ? reply.serverError()
        : r.body.response_format.json_schema.name === 'interview'
          ? reply.json({ answer: `answer ${n++}` })
          : undefined;
    const live: CallRecord[] = [];
    const first = await decideAll(
      registryFor(fake.server.url, {}, { cacheDir: dir, onCall: (r) => live.push(r) }).model('gpt'),
    );
    const calls = fake.server.requests.length;
    assert.equal(calls, 7, 'six decisions, one retried');

    const again: CallRecord[] = [];
    const second = await decideAll(
      registryFor(fake.server.url, {}, { cacheDir: dir, onCall: (r) => again.push(r) }).model('gpt'),
    );
    assert.equal(fake.server.requests.length, calls, 'no new requests');
    assert.equal(second, first);
    assert.deepEqual(
      again.map((r) => ({ ...r, cached: false })),
      live,
    );
    assert.ok(again.every((r) => r.cached));
  });

  it('replay needs no server and reproduces faults and final failures exactly', async () => {
    fake.server.script = (r) =>
      r.body.response_format.json_schema.name === 'evaluate'
        ? reply.serverError(503)
        : r.n === 0
          ? reply.rateLimited(0)
          : undefined;
    const live: CallRecord[] = [];
    const first = await decideAll(
      registryFor(fake.server.url, { retries: 1 }, { cacheDir: dir, onCall: (r) => live.push(r) }).model('gpt'),
    );
    assert.match(first, /failed to evaluate \(server_error\) after 2 attempts/);

    const calls = fake.server.requests.length;
    const replayed: CallRecord[] = [];
    // No key needed either: replay never builds an HTTP client.
    const offline = registryFor(
      fake.server.url,
      { retries: 1, api_key_env: 'NOT_SET_ANYWHERE' },
      { cacheDir: dir, replay: true, onCall: (r) => replayed.push(r) },
    );
    const second = await decideAll(offline.model('gpt'));
    assert.equal(fake.server.requests.length, calls, 'no network in replay');
    assert.equal(second, first);
    assert.deepEqual(
      replayed.map((r) => ({ ...r, cached: false })),
      live,
    );
    assert.equal(replayed[0].faults[0].reason, 'rate_limited');
  });

  it('a replay miss fails clearly and never touches the network', async () => {
    const model = registryFor(fake.server.url, {}, { cacheDir: dir, replay: true }).model('gpt');
    const err = await model.decide(requests.interview()).then(
      () => undefined,
      (e) => e,
    );
    assert.ok(err instanceof ReplayMissError);
    assert.ok(!(err instanceof ModelCallError), 'not subject to on_error');
    assert.match(err.message, /replay: no cached answer for decision 'interview:2:maya' of model 'gpt'/);
    assert.equal(fake.server.requests.length, 0);
  });

  it("keys the coach's answer by its rendered messages: a changed coach_system is a miss, a changed system is not", async () => {
    fake.server.script = () =>
      reply.content(JSON.stringify({ driver: 'social', action: 'explore', text: 'Meet someone new.' }));
    const coach = (prompts: PromptTemplates, replay = false) =>
      new ModelRegistry(scenario({ gpt: modelConfig('gpt', { base_url: fake.server.url }) }, { prompts }), {
        backoff: FAST_BACKOFF,
        cacheDir: dir,
        replay,
      }).model('gpt');
    const decide = (prompts: PromptTemplates) => coach(prompts).decide(requests.advise());
    await decide({ coach_system: 'You coach {{persona.name}}.' });
    assert.equal(fake.server.requests.length, 1);
    await decide({ coach_system: 'You coach {{persona.name}}.' });
    assert.equal(fake.server.requests.length, 1, 'the same coach prompt: a hit');
    await decide({
      coach_system: 'You coach {{persona.name}}.',
      system: 'You are {{persona.name}}. Stay in character.',
    });
    assert.equal(fake.server.requests.length, 1, "the agents' system prompt is not the coach's: still a hit");
    await decide({ coach_system: 'You mentor {{persona.name}}.' });
    assert.equal(fake.server.requests.length, 2, 'a changed coach system prompt: a miss, not the stale answer');
    // The shared task and JSON shape come first (cache layout), the coach system last.
    assert.ok(fake.server.requests[1].body.messages[0].content.endsWith('\n\nYou mentor Maya.'));
    await decide({});
    assert.equal(fake.server.requests.length, 3, 'back to the built-in coach system: another miss');
    const err = await coach({ coach_system: 'You guide {{persona.name}}.' }, true)
      .decide(requests.advise())
      .then(
        () => undefined,
        (e) => e,
      );
    assert.ok(err instanceof ReplayMissError, 'replay with an unseen coach system prompt misses');
    assert.equal(fake.server.requests.length, 3);
    const replayed = await coach({ coach_system: 'You mentor {{persona.name}}.' }, true).decide(requests.advise());
    assert.equal(replayed.text, 'Meet someone new.', 'a coach system prompt seen before replays');
  });

  it('replay without a cache directory is refused', () => {
    assert.throws(() => registryFor(fake.server.url, {}, { replay: true }), /replay needs a response cache directory/);
  });
});
