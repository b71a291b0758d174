// Workers of an experiment share an endpoint's limits (QA: `--jobs 2` put 4 calls in flight at
// an endpoint configured for `concurrency: 2`, and doubled rpm and tpm).
import * as assert from 'node:assert/strict';
import type { ModelConfig, Scenario } from '../../../src/core/format/model';
import { shareLimits } from '../../../src/core/experiment/workerLimits';
import { makeScenario } from '../engine/scenarioFixture';

const llm = (name: string, over: Partial<ModelConfig> = {}): ModelConfig => ({ name, provider: 'openai', model: 'm', concurrency: 8, timeout_ms: 1000, retries: 0, on_error: 'skip', ...over });
const withModels = (models: Record<string, ModelConfig>): Scenario => ({ ...makeScenario(3), models });

describe('experiment workers share the endpoint limits', () => {
  it('divides concurrency, rpm and tpm among the workers, so together they stay within them', () => {
    const { jobs, scenario } = shareLimits(withModels({ default: llm('default', { concurrency: 8, rpm: 100, tpm: 9000 }) }), 4);
    assert.equal(jobs, 4);
    assert.deepEqual([scenario.models.default.concurrency, scenario.models.default.rpm, scenario.models.default.tpm], [2, 25, 2250]);
  });

  it('runs no more workers than the strictest endpoint has concurrent calls', () => {
    const { jobs, scenario } = shareLimits(withModels({ default: llm('default', { concurrency: 8 }), coach: llm('coach', { model: 'c', concurrency: 2, rpm: 3 }) }), 4);
    assert.equal(jobs, 2);
    assert.equal(scenario.models.default.concurrency, 4);
    assert.deepEqual([scenario.models.coach.concurrency, scenario.models.coach.rpm], [1, 1]);
    for (const m of Object.values(scenario.models)) assert.ok(m.concurrency * jobs <= (m.name === 'coach' ? 2 : 8));
  });

  it('leaves offline scenarios and a single worker alone', () => {
    const offline = makeScenario(3);
    assert.equal(shareLimits(offline, 4).scenario, offline);
    assert.equal(shareLimits(offline, 4).jobs, 4);
    const one = withModels({ default: llm('default') });
    assert.equal(shareLimits(one, 1).scenario, one);
  });
});
