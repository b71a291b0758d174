// Workers of an experiment share an endpoint's limits (QA: `--jobs 2` put 4 calls in flight at
// an endpoint configured for `concurrency: 2`, and doubled rpm and tpm), and each run's trace
// header still records the scenario's own settings (it recorded the worker's share).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { ModelConfig, Scenario } from '../../../src/core/format/model/model';
import { workersFor } from '../../../src/core/experiment/workerLimits';
import { runExperiment } from '../../../src/core/experiment';
import { partOf } from '../../../src/core/format/assemble/endpointLimits';
import { scenarioHash } from '../../../src/core/engine/society/header';
import { readTrace } from '../../../src/core/trace/reader';
import { makeScenario } from '../engine/scenarioFixture';
import { startFakeOpenAI, type FakeOpenAI } from '../../support/fakeOpenAI';
import { allowKeyTo, modelConfig, scenario as llmScenario } from '../../support/llmFixtures';

const llm = (name: string, over: Partial<ModelConfig> = {}): ModelConfig => ({
  name,
  provider: 'openai',
  model: 'm',
  concurrency: 8,
  timeout_ms: 1000,
  retries: 0,
  on_error: 'skip',
  ...over,
});
const withModels = (models: Record<string, ModelConfig>): Scenario => ({ ...makeScenario(3), models });
const KEY_NAME = 'SOCIETY_TEST_WORKER_LIMITS_KEY';

describe('experiment workers share the endpoint limits', function () {
  it('divides concurrency, rpm and tpm among the workers, so together they stay within them', () => {
    assert.deepEqual(partOf({ concurrency: 8, rpm: 100, tpm: 9000 }, 4), { concurrency: 2, rpm: 25, tpm: 2250 });
    assert.deepEqual(partOf({ concurrency: 2, rpm: 3 }, 4), { concurrency: 1, rpm: 1 }, 'at least one of each');
    assert.deepEqual(partOf({ concurrency: 8 }, 1), { concurrency: 8 });
  });

  it('runs no more workers than the strictest endpoint has concurrent calls', () => {
    assert.equal(workersFor(withModels({ default: llm('default', { concurrency: 8, rpm: 100 }) }), 4), 4);
    assert.equal(
      workersFor(
        withModels({
          default: llm('default', { concurrency: 8 }),
          coach: llm('coach', { model: 'c', concurrency: 2, rpm: 3 }),
        }),
        4,
      ),
      2,
    );
    assert.equal(workersFor(makeScenario(3), 4), 4, 'offline: as many as asked');
    assert.equal(workersFor(withModels({ default: llm('default') }), 1), 1);
  });

  describe('against an endpoint', () => {
    let fake: FakeOpenAI, dir: string;
    before(async () => {
      fake = await startFakeOpenAI();
    });
    after(async () => {
      await fake.close();
    });
    beforeEach(() => {
      fake.reset();
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'exp-limits-'));
      process.env[KEY_NAME] = 'sk-test';
      process.env.SOCIETY_ALLOW_KEYS = allowKeyTo(fake.url, KEY_NAME).join(',');
    });
    afterEach(() => {
      fs.rmSync(dir, { recursive: true, force: true });
      delete process.env[KEY_NAME];
      delete process.env.SOCIETY_ALLOW_KEYS;
    });

    it("keeps the calls of all workers within the endpoint's concurrency; each trace records the scenario as written", async () => {
      const base = llmScenario({
        default: modelConfig('default', { base_url: fake.url, api_key_env: KEY_NAME, retries: 0, concurrency: 2 }),
      });
      const s: Scenario = { ...base, world: { ...base.world, rounds: 2 } };
      fake.latencyMs = 40;
      fake.maxInFlight = 0;
      const run = await runExperiment(s, { outDir: dir, seeds: [1, 2, 3, 4], jobs: 2 });
      assert.equal(run.result.runs.length, 4, 'one condition (the scenario as written) × 4 seeds');
      assert.ok(fake.chatRequests().length > 0);
      assert.ok(fake.maxInFlight <= 2, `peak in flight ${fake.maxInFlight} at an endpoint allowing 2`);
      const traces = fs.readdirSync(path.join(dir, 'traces')).filter((f) => f.endsWith('.jsonl'));
      assert.equal(traces.length, 4);
      for (const f of traces) {
        const header = readTrace(fs.readFileSync(path.join(dir, 'traces', f), 'utf8')).header!;
        assert.equal(
          header.models.default.concurrency,
          2,
          `${f} records the scenario's concurrency, not a worker's share`,
        );
        assert.equal(header.scenario.hash, scenarioHash(s), `${f} records the scenario's own hash`);
      }
    });
  });
});
