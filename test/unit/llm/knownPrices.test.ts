// Known hosted models' list prices as a floor under a file's own price (knownPrices.ts): a shared
// file cannot price gpt-4o at $0 to pass a cost limit, nor leave it unpriced; other hosts keep
// the file's price, and the prompt layout still follows the file's.
import * as assert from 'node:assert/strict';
import { atLeast, hostedPrice, knownPrice } from '../../../src/core/llm/knownPrices';
import { billedPrice, priceOf } from '../../../src/core/llm/usage';
import { estimateRun } from '../../../src/core/llm/estimate';
import { costLimitReason } from '../../../src/core/llm/costLimit';
import { modelConfig, scenario } from '../../support/llmFixtures';

const free = { input: 0, output: 0 };

describe('known hosted prices as a floor', () => {
  it('prices a known model at its provider host, a dated snapshot as its family', () => {
    assert.deepEqual(knownPrice('gpt-4o'), { input: 2.5, output: 10, cached_input: 1.25 });
    assert.deepEqual(knownPrice('GPT-4o-2024-08-06'), knownPrice('gpt-4o'));
    assert.equal(knownPrice('gpt-4o-nonsense'), undefined);
    assert.equal(knownPrice('toString'), undefined);
    assert.ok(hostedPrice(modelConfig('m', { model: 'gpt-4o', base_url: undefined })));
    assert.ok(hostedPrice(modelConfig('m', { model: 'gpt-4o', base_url: 'https://res.openai.azure.com' })));
    assert.equal(hostedPrice(modelConfig('m', { model: 'gpt-4o', base_url: 'http://127.0.0.1:8000/v1' })), undefined);
    assert.equal(hostedPrice(modelConfig('m', { model: 'llama3', base_url: undefined })), undefined);
  });

  it("raises a lower or missing price, keeps a higher one, and leaves other hosts' prices as written", () => {
    const at = (extra: object) => modelConfig('m', { model: 'gpt-4o', base_url: undefined, ...extra });
    assert.deepEqual(billedPrice(at({ price: free })), { input: 2.5, output: 10, cached_input: 1.25 });
    assert.deepEqual(billedPrice(at({})), { input: 2.5, output: 10, cached_input: 1.25 });
    assert.deepEqual(billedPrice(at({ price: { input: 5, output: 1 } })), { input: 5, output: 10, cached_input: 5 });
    const local = modelConfig('m', { model: 'gpt-4o', base_url: 'http://127.0.0.1:8000/v1', price: free });
    assert.deepEqual(billedPrice(local), free);
    assert.deepEqual(priceOf(at({ price: free })), free, 'the layout still follows the file');
    assert.equal(atLeast(undefined, undefined), undefined);
  });

  it('a gpt-4o run priced at $0 by its file is estimated at list price and held to the limit', () => {
    const sc = scenario(
      {},
      { models: { default: modelConfig('default', { model: 'gpt-4o', base_url: undefined, price: free }) } },
    );
    const e = estimateRun(sc);
    assert.ok(e.total.cost_usd > 0, `estimated $${e.total.cost_usd}`);
    assert.ok(e.models.every((m) => m.priced));
    assert.match(costLimitReason(e, e.total.cost_usd / 2) ?? '', /above your limit/);
    const unpriced = scenario(
      {},
      { models: { default: modelConfig('default', { model: 'gpt-4o-mini', base_url: undefined }) } },
    );
    assert.equal(costLimitReason(estimateRun(unpriced), 1e6), undefined, 'priced by the table, not "no price"');
  });
});
