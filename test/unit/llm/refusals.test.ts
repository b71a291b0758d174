// 200 answers without message content: a refusal is the model's answer (counted, re-asked once,
// quoted when the decision fails, never retried as transient); a body with no content at all is
// retried, and what it was billed is still counted.
import * as assert from 'node:assert/strict';
import { reply } from '../../support/fakeOpenAI';
import { registryFor, requests, useFakeEndpoint } from '../../support/llmFixtures';
import { ModelCallError } from '../../../src/core/llm/errors';

const KEY = 'sk-live-refusal0123456789';
const billed = (n: number) => ({ prompt_tokens: n, completion_tokens: 5, total_tokens: n + 5 });

describe('llm refusals and contentless answers (real HTTP)', () => {
  const fake = useFakeEndpoint();
  const model = (cfg = {}) =>
    registryFor(fake.server.url, { api_key_env: 'K', ...cfg }, { secrets: () => KEY, onCall: fake.onCall }).model(
      'gpt',
    );

  it("counts a refusal's tokens and re-asks it like any unusable answer", async () => {
    fake.server.script = (r) =>
      r.n === 0 ? reply.refusal('I cannot help with that.', billed(100)) : reply.usage(billed(200));
    const res = await model().decide(requests.interview());
    assert.ok(res.answer);
    assert.equal(fake.server.requests.length, 2);
    assert.deepEqual([res.usage.input_tokens, res.usage.output_tokens], [300, 10]);
    assert.deepEqual(
      fake.records[0].faults.map((f) => f.reason),
      ['unparseable'],
    );
    assert.match(fake.records[0].faults[0].message, /I cannot help with that\./);
  });

  it('fails a decision refused twice quoting the refusal (secrets masked), with its usage, and no transient retries', async () => {
    fake.server.script = () => reply.refusal(`  I cannot help with that.\n(key ${KEY})  `, billed(100));
    const err = await model({ retries: 3 })
      .decide(requests.interview())
      .then(
        () => undefined,
        (e) => e,
      );
    assert.ok(err instanceof ModelCallError);
    assert.equal(err.reason, 'unparseable');
    assert.equal(fake.server.requests.length, 2, 'asked and re-asked, not retried');
    assert.match(err.message, /refusal: I cannot help with that\. \(key \[redacted\]\)"/);
    assert.ok(!err.message.includes(KEY) && !JSON.stringify(fake.records).includes(KEY));
    assert.deepEqual([err.usage?.input_tokens, fake.records[0].usage.input_tokens], [200, 200]);
  });

  it('retries a 200 without content, quoting its error, and counts what it was billed', async () => {
    fake.server.script = (r) =>
      r.n === 0
        ? { status: 200, body: { error: { message: 'upstream overloaded' }, usage: billed(40) } }
        : reply.usage(billed(200));
    const res = await model().decide(requests.interview());
    assert.equal(fake.server.requests.length, 2);
    assert.equal(res.usage.input_tokens, 240);
    assert.deepEqual(
      fake.records[0].faults.map((f) => [f.reason, f.message]),
      [['bad_response', 'the endpoint answered without message content: upstream overloaded']],
    );
  });

  it('reports every billed token when a third of the answers are refusals', async () => {
    let served = 0;
    fake.server.script = (r) => {
      served += 100;
      return r.n % 3 === 1 ? reply.refusal('No.', billed(100)) : reply.usage(billed(100));
    };
    const m = model({ concurrency: 4 });
    await Promise.allSettled(
      Array.from({ length: 12 }, (_, i) => m.decide(requests.interview(`interview:2:maya:${i}`))),
    );
    assert.equal(fake.records.length, 12);
    assert.equal(
      fake.records.reduce((n, r) => n + r.usage.input_tokens, 0),
      served,
    );
  });
});
