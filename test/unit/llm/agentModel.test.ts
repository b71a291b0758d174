// The LLM agent model: repairs, one re-ask, then a typed ModelCallError; usage and cost.
import * as assert from 'node:assert/strict';
import { reply } from '../../support/fakeOpenAI';
import { registryFor, requests, useFakeEndpoint } from '../../support/llmFixtures';
import { ModelCallError } from '../../../src/core/llm/errors';

describe('llm agent model (real HTTP)', () => {
  const fake = useFakeEndpoint();
  const model = (cfg = {}) => registryFor(fake.server.url, cfg, { onCall: fake.onCall }).model('gpt');

  it('repairs a sloppy answer without a re-ask and says which repairs it made', async () => {
    fake.server.script = () =>
      reply.content(
        "Of course!\n```json\n{'act': 'Ask', 'text': 'Which crag do you like?', 'topic': 'bouldering',}\n```",
      );
    const res = await model().decide(requests.speak());
    assert.deepEqual(
      { act: res.act, text: res.text, topic: res.topic },
      { act: 'ask', text: 'Which crag do you like?', topic: 'bouldering' },
    );
    assert.equal(fake.server.requests.length, 1);
    assert.deepEqual(fake.records[0].repairs, ['code fence', 'single quotes', 'trailing commas', '"act" spelling']);
  });

  it('re-asks once with the problem, then accepts a good answer; usage covers both calls', async () => {
    fake.server.script = (r) =>
      r.n === 0 ? reply.json({ choice: 'zed', reason: 'x' }) : reply.json({ choice: 'sam', reason: 'new people' });
    const res = await model({ price: { input: 1, output: 2 } }).decide(requests.choose());
    assert.equal(res.choice, 'sam');
    const second = fake.server.requests[1].body.messages;
    assert.equal(second.at(-2).role, 'assistant');
    assert.match(second.at(-1).content, /"choice" must be one of ali, sam, not "zed"/);
    const [r] = fake.records;
    assert.equal(r.calls, 2);
    assert.deepEqual(
      r.faults.map((f) => f.reason),
      ['unparseable'],
    );
    assert.match(r.faults[0].message, /answer: "\{"choice":"zed","reason":"x"\}"/);
    assert.equal(res.usage.input_tokens, r.usage.input_tokens);
    assert.ok(res.usage.input_tokens > 500, 'both prompts counted');
    const expected = (res.usage.input_tokens * 1 + res.usage.output_tokens * 2) / 1e6;
    assert.ok(Math.abs(res.usage.cost_usd - expected) < 1e-9);
  });

  it('throws ModelCallError after a second unusable answer, recording both', async () => {
    fake.server.script = () => reply.content('I think I will talk to Ali.');
    const err = await model()
      .decide(requests.choose())
      .then(
        () => undefined,
        (e) => e,
      );
    assert.ok(err instanceof ModelCallError);
    assert.equal(err.reason, 'unparseable');
    assert.equal(err.kind, 'choose_partner');
    assert.equal(err.attempts, 2);
    assert.equal(fake.server.requests.length, 2, 'exactly one re-ask');
    assert.match(
      err.message,
      /the answer was unusable twice: no JSON object found in the answer; answer: "I think I will talk to Ali\."/,
    );
    assert.equal(fake.records[0].outcome, 'failed');
    assert.equal(fake.records[0].faults.length, 2);
    assert.ok(err.usage && err.usage.input_tokens > 0, 'failed decisions still report their tokens');
  });

  it('labels the model with the endpoint model and host', () => {
    assert.match(model().label, /^fake-model at 127\.0\.0\.1:\d+$/);
  });
});
