// Every priced call is sent a `max_tokens` (issue 70): the estimate's typical answer times
// ANSWER_HEADROOM unless the model sets its own. A model that talks until it is stopped — an
// endpoint reporting 20k answer tokens a call unless capped — then spends no more than the
// estimate's ceiling, and a run under `--max-cost` at that ceiling finishes.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runCommand } from '../../../src/cli/commands/run';
import { loadScenarioFile } from '../../../src/core/format/project/load';
import { estimateRun } from '../../../src/core/llm/estimate';
import { ANSWER_HEADROOM, answerCap, MIN_ANSWER_CAP, typicalAnswerTokens } from '../../../src/core/llm/answerBudget';
import { reply, useFakeOpenAI } from '../../support/fakeOpenAI';
import { scratchDir } from '../../support/scratch';
import { registryFor, requests } from '../../support/llmFixtures';
import { quietly } from '../../support/quietly';

/** Answers run to the cap they are sent, or to 20k tokens without one. */
const talkative = (r: { body: any }) => {
  const out = r.body.max_tokens ?? r.body.max_completion_tokens ?? 20_000;
  return reply.usage({ prompt_tokens: 200, completion_tokens: out, total_tokens: 200 + out });
};

describe('llm answer budget: max_tokens sent at the estimate’s assumption', () => {
  const fake = useFakeOpenAI();

  it('sends each kind its cap when the model sets none, and the model’s own when it does', async () => {
    const model = registryFor(fake.server.url).model('gpt');
    const asked = [requests.choose(), requests.speak(), requests.evaluate(), requests.advise(), requests.reflect()];
    for (const req of asked) await model.decide(req);
    const sent = fake.server.chatRequests().map((r) => r.body.max_tokens);
    assert.deepEqual(sent, asked.map(answerCap));
    for (const req of asked) {
      assert.equal(answerCap(req), Math.max(MIN_ANSWER_CAP, ANSWER_HEADROOM * typicalAnswerTokens(req)));
    }
    fake.server.reset();
    await registryFor(fake.server.url, { max_tokens: 33 }).model('gpt').decide(requests.reflect());
    assert.equal(fake.server.chatRequests()[0].body.max_tokens, 33, 'the config’s cap wins');
  });

  it('says which setting gives room when a model spends its whole cap before any content', async () => {
    fake.server.script = () => ({
      status: 200,
      body: {
        id: 'chatcmpl-r',
        object: 'chat.completion',
        created: 0,
        model: 'fake-model',
        usage: { prompt_tokens: 90, completion_tokens: 120, total_tokens: 210 },
        choices: [{ index: 0, finish_reason: 'length', message: { role: 'assistant', content: '' } }],
      },
    });
    const model = registryFor(fake.server.url, { retries: 0 }).model('gpt');
    await assert.rejects(model.decide(requests.choose()), /max_tokens ran out before any content: set a larger/);
  });

  it('a model that talks until stopped spends within the estimate’s ceiling; the run finishes under it', async () => {
    const dir = scratchDir('society-budget-');
    const file = path.join(dir, 'talkative.society');
    fs.writeFileSync(
      file,
      [
        'kind: scenario',
        'name: Talkative',
        'seed: 3',
        'personas:',
        '  - { id: maya, name: Maya Chen, interests: [bouldering] }',
        '  - { id: tom, name: Tom Nguyen, interests: [bouldering] }',
        '  - { id: ana, name: Ana Ruiz, interests: [chess] }',
        'world: { rounds: 3 }',
        `models: { default: { provider: openai, model: fake-model, base_url: "${fake.server.url}", retries: 0, price: { input: 1, output: 30 } } }`,
      ].join('\n') + '\n',
    );
    const { scenario } = await loadScenarioFile(file);
    const estimate = estimateRun(scenario!);
    fake.server.script = talkative;
    const limit = estimate.total.cost_usd_ceiling * 1.5;
    const ran = await quietly(() =>
      runCommand.run([file, '--out', path.join(dir, 'out'), '--quiet', '--max-cost', limit.toFixed(4)]),
    );
    assert.equal(ran.result, 0, `stopped by the limit of $${limit.toFixed(4)}: ${ran.errors}`);
    const calls = fake.server.chatRequests();
    assert.ok(calls.length > 0);
    const output = calls.reduce((a, r) => a + r.body.max_tokens, 0);
    const spent = (calls.length * 200 * 1 + output * 30) / 1e6;
    assert.ok(
      calls.every((r) => Number.isInteger(r.body.max_tokens) && r.body.max_tokens < 20_000),
      'every call capped',
    );
    assert.ok(spent <= limit, `spent $${spent} against a ceiling of $${estimate.total.cost_usd_ceiling}`);
  });
});
