// Prompt-cache hits an endpoint reports (OpenAI: usage.prompt_tokens_details.cached_tokens) are
// counted apart and priced at the model's cached-input rate; the usage book shows them.
import * as assert from 'node:assert/strict';
import { reply, useFakeOpenAI } from '../../support/fakeOpenAI';
import { registryFor, requests } from '../../support/llmFixtures';
import { UsageBook } from '../../../src/core/engine/society/usageBook';
import { cachedTokens } from '../../../src/core/llm/openai/answer';
import { costUsd } from '../../../src/core/llm/usage';

describe('llm cached input tokens (real HTTP)', () => {
  const fake = useFakeOpenAI();

  it('reads cached_tokens from the usage block and prices them at price.cached_input', async () => {
    fake.server.script = () =>
      reply.usage({
        prompt_tokens: 2000,
        completion_tokens: 100,
        total_tokens: 2100,
        prompt_tokens_details: { cached_tokens: 1536 },
      });
    const price = { input: 0.15, output: 0.6, cached_input: 0.075 };
    const res = await registryFor(fake.server.url, { price }).model('gpt').decide(requests.interview());
    assert.equal(res.usage.input_tokens, 2000);
    assert.equal(res.usage.cached_input_tokens, 1536);
    // 464 × 0.15 + 1536 × 0.075 + 100 × 0.6, per million.
    assert.equal(res.usage.cost_usd, (464 * 0.15 + 1536 * 0.075 + 100 * 0.6) / 1e6);
    const book = new UsageBook();
    book.record('maya', 'perceive', res.usage);
    book.record('maya', 'perceive', res.usage);
    assert.equal(book.total.cached_input_tokens, 3072);
    assert.match(book.format(), /4000 in \(3072 cached\) \+ 200 out tokens/);
  });

  it('without a cached-input price, cached tokens cost the input rate; absent details leave usage as it was', async () => {
    fake.server.script = () =>
      reply.usage({ prompt_tokens: 1000, completion_tokens: 10, prompt_tokens_details: { cached_tokens: 1024 } });
    const res = await registryFor(fake.server.url, { price: { input: 1, output: 2 } })
      .model('gpt')
      .decide(requests.interview());
    assert.equal(res.usage.cached_input_tokens, 1000, 'never more than the prompt');
    assert.equal(res.usage.cost_usd, (1000 * 1 + 10 * 2) / 1e6);
    fake.server.script = () => reply.usage({ prompt_tokens: 1000, completion_tokens: 10 });
    const plain = await registryFor(fake.server.url, { price: { input: 1, output: 2 } })
      .model('gpt')
      .decide(requests.interview());
    assert.deepEqual(Object.keys(plain.usage), ['model', 'input_tokens', 'output_tokens', 'cost_usd']);
  });

  it('trusts only token counts', () => {
    assert.equal(cachedTokens({ prompt_tokens_details: { cached_tokens: 64 } }, 100), 64);
    for (const bad of [-1, '64', 1e300, null]) {
      assert.equal(cachedTokens({ prompt_tokens_details: { cached_tokens: bad } }, 100), 0, String(bad));
    }
    assert.equal(cachedTokens(undefined, 100), 0);
    assert.equal(
      costUsd(
        { input_tokens: 100, output_tokens: 0, cached_input_tokens: 50 },
        { input: 2, output: 0, cached_input: 1 },
      ),
      150 / 1e6,
    );
  });
});
