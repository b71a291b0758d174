// `estimate` predicts the input a prefix cache serves from the prompt layout (the system message
// repeats on every call of an agent's kind but its first), and, with `price.cached_input`, the
// cost with and without caching.
import * as assert from 'node:assert/strict';
import type { ModelConfig } from '../../../src/core/format/model/model';
import { estimateRun } from '../../../src/core/llm/estimate';
import { predictedCacheShare, stablePrefixShare } from '../../../src/core/llm/cacheShare';
import { makeScenario } from '../engine/scenarioFixture';

const llm = (price: ModelConfig['price']): ModelConfig => ({
  name: 'default',
  provider: 'openai',
  model: 'gpt-4o-mini',
  concurrency: 8,
  timeout_ms: 60_000,
  retries: 3,
  on_error: 'skip',
  price,
});

describe('estimate: the prompt cache', () => {
  it('counts the system message in whole 64-character blocks, after each agent’s first call', () => {
    const messages = [
      { role: 'system' as const, content: 'x'.repeat(130) },
      { role: 'user' as const, content: 'y'.repeat(70) },
    ];
    assert.equal(stablePrefixShare(messages), 128 / 200);
    assert.equal(predictedCacheShare(messages, 10, 2), (128 / 200) * 0.8);
    assert.equal(predictedCacheShare(messages, 2, 2), 0, 'one call per agent: nothing repeats');
    // The run-wide handbook (the first 70 characters here: one whole block) repeats on every call but one.
    assert.equal(predictedCacheShare(messages, 10, 2, 70), (64 * 9 + 64 * 8) / (10 * 200));
    assert.equal(predictedCacheShare(messages, 2, 2, 70), (64 * 1) / (2 * 200));
  });

  it('predicts a cached share per kind and prices it at cached_input; without that rate, no cached cost', () => {
    const base = makeScenario(8);
    const priced = makeScenario(8, {
      world: { ...base.world, rounds: 5 },
      models: { default: llm({ input: 0.15, output: 0.6, cached_input: 0.075 }) },
    });
    const e = estimateRun(priced);
    const m = e.models[0];
    assert.ok(m.cached_input_tokens! > 0.2 * m.input_tokens && m.cached_input_tokens! < m.input_tokens);
    for (const [kind, v] of Object.entries(m.by_kind)) {
      assert.ok(v.cached_input_tokens! > 0 && v.cached_input_tokens! < v.input_tokens, kind);
    }
    const saved = (m.cached_input_tokens! * (0.15 - 0.075)) / 1e6;
    assert.ok(Math.abs(m.cost_usd - m.cost_usd_cached! - saved) < 1e-6, `${m.cost_usd} - ${m.cost_usd_cached}`);
    assert.equal(e.total.cost_usd_cached, m.cost_usd_cached);

    // At a host of its own: OpenAI's list price (which has a cached rate) is no floor there.
    const own = { ...llm({ input: 0.15, output: 0.6 }), base_url: 'http://127.0.0.1:8000/v1' };
    const plain = estimateRun({ ...priced, models: { default: own } });
    assert.equal(plain.models[0].cost_usd_cached, undefined);
    assert.equal(plain.total.cost_usd_cached, undefined);
    assert.equal(plain.models[0].cost_usd, m.cost_usd, 'the uncached cost is unchanged');
  });

  it('predicts no cache for a model without an endpoint: a local model reuses prefixes per sequence, not as billed tokens', () => {
    const base = makeScenario(8);
    const local: ModelConfig = { ...llm(undefined), provider: 'local', model: 'models/m.gguf' };
    const e = estimateRun(makeScenario(8, { world: { ...base.world, rounds: 5 }, models: { default: local } }));
    assert.ok(e.models[0].input_tokens > 0);
    assert.equal(e.models[0].cached_input_tokens ?? 0, 0);
  });
});
