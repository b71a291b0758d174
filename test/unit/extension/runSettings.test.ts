// The settings a run in the editor applies: what they fill in, what they cap, what they leave
// alone, and when the cost limit asks first.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadScenarioFile } from '../../../src/core/format/project/load';
import { scaffoldSociety } from '../../../src/core/format';
import { estimateRun } from '../../../src/core/llm/estimate';
import { applyRunSettings, runSettingsFrom, type RunSettings } from '../../../src/extension/run/runSettings';
import { costLimitReason } from '../../../src/core/llm/costLimit';
import { modelConfig, scenario } from '../../support/llmFixtures';

const OPENAI: RunSettings = {
  defaultModel: { provider: 'openai', model: 'gpt-4o-mini', apiKeyEnv: 'OPENAI_API_KEY' },
  baseUrl: 'http://gateway.test/v1',
};

/** The New Society scaffold, loaded from disk; `withModels` false drops its `models:` section. */
async function scaffolded(withModels: boolean) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'society-settings-'));
  try {
    for (const f of scaffoldSociety('Settings')) {
      const text = withModels ? f.text : f.text.replace(/^models:\n(?:[ #].*\n)*/m, '');
      fs.mkdirSync(path.dirname(path.join(dir, f.path)), { recursive: true });
      fs.writeFileSync(path.join(dir, f.path), text);
    }
    const { scenario: s, diagnostics } = await loadScenarioFile(path.join(dir, 'settings.society'), { root: dir });
    assert.deepEqual(
      diagnostics.filter((d) => d.severity === 'error'),
      [],
    );
    return s!;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe('run settings', () => {
  it('reads the raw settings: empty strings and zeros mean unset', () => {
    const raw: Record<string, unknown> = {
      'defaultModel.provider': 'openai',
      'defaultModel.model': ' gpt-4o-mini ',
      'defaultModel.apiKeyEnv': '',
      baseUrl: '',
      'limits.concurrency': 16.7,
      'limits.requestsPerMinute': 0,
      'limits.tokensPerMinute': -1,
      'run.costLimit': 2.5,
    };
    assert.deepEqual(
      runSettingsFrom((k) => raw[k]),
      {
        defaultModel: { provider: 'openai', model: 'gpt-4o-mini' },
        baseUrl: undefined,
        concurrency: 16,
        rpm: undefined,
        tpm: undefined,
        costLimitUsd: 2.5,
      },
    );
    assert.equal(runSettingsFrom(() => undefined).defaultModel.provider, 'offline');
    // The prompt book is kept unless the setting is off (as --no-prompts).
    assert.equal(runSettingsFrom(() => undefined).keepPrompts, undefined);
    assert.equal(runSettingsFrom((k) => (k === 'run.keepPrompts' ? false : undefined)).keepPrompts, false);
    assert.equal(
      runSettingsFrom((k) => (k === 'defaultModel.provider' ? 'bogus' : undefined)).defaultModel.provider,
      'offline',
    );
  });

  it('gives a scenario without a default model the one from the settings', async () => {
    const s = await scaffolded(false);
    assert.equal(s.models.default.provider, 'offline');
    const applied = applyRunSettings(s, OPENAI);
    const d = applied.models.default;
    assert.equal(d.provider, 'openai');
    assert.equal(d.model, 'gpt-4o-mini');
    assert.equal(d.api_key_env, 'OPENAI_API_KEY');
    assert.equal(d.base_url, 'http://gateway.test/v1');
    assert.equal(d.timeout_ms, s.models.default.timeout_ms, 'the schema defaults stay');
    assert.equal(s.models.default.provider, 'offline', 'the loaded scenario is not changed');
  });

  it('leaves a default model the scenario wrote alone', async () => {
    const s = await scaffolded(true);
    assert.deepEqual(applyRunSettings(s, OPENAI).models.default, s.models.default);
  });

  it('fills base_url only where a model has none, and caps concurrency and rate limits of endpoint models', () => {
    const written = {
      file: '/ws/s.society',
      range: { start: { line: 1, character: 2 }, end: { line: 1, character: 9 } },
    };
    const s = scenario({
      default: modelConfig('default', { provider: 'offline', concurrency: 8, source: written }),
      gpt: modelConfig('gpt', { concurrency: 64, tpm: 1_000_000 }),
      local: modelConfig('local', { base_url: 'http://localhost:11434/v1', concurrency: 2, rpm: 100 }),
      azure: modelConfig('azure', { azure: { deployment: 'd', api_version: '2024-10-21' }, base_url: undefined }),
      copilot: modelConfig('copilot', { provider: 'vscode', model: undefined }),
    });
    const m = applyRunSettings(s, { ...OPENAI, concurrency: 8, rpm: 500, tpm: 2_000_000 }).models;
    assert.deepEqual(m.default, s.models.default, 'a written default stays; the offline model is not an endpoint');
    assert.deepEqual(
      [m.gpt.base_url, m.gpt.concurrency, m.gpt.rpm, m.gpt.tpm],
      ['http://gateway.test/v1', 8, 500, 1_000_000],
    );
    assert.deepEqual(
      [m.local.base_url, m.local.concurrency, m.local.rpm, m.local.tpm],
      ['http://localhost:11434/v1', 2, 100, 2_000_000],
    );
    assert.equal(m.azure.base_url, undefined);
    assert.deepEqual([m.copilot.base_url, m.copilot.concurrency, m.copilot.rpm], [undefined, 8, 500]);
    assert.deepEqual(
      { ...applyRunSettings(s, { defaultModel: { provider: 'offline' } }).models },
      s.models,
      'no settings, no change',
    );
  });

  it('asks before a run whose estimate is above the cost limit, or whose cost cannot be estimated', () => {
    const priced = scenario({ default: modelConfig('default', { price: { input: 2.5, output: 10 } }) });
    const estimate = estimateRun(priced);
    assert.ok(estimate.total.cost_usd > 0);
    assert.equal(costLimitReason(estimate, undefined), undefined);
    assert.equal(costLimitReason(estimate, estimate.total.cost_usd * 2), undefined);
    assert.match(
      costLimitReason(estimate, estimate.total.cost_usd / 2)!,
      /estimated to cost \$\d+\.\d\d \([\d,]+ model calls, about [\d,]+ tokens\), above your limit of \$\d+\.\d\d per run/,
    );

    const unpriced = estimateRun(scenario({ default: modelConfig('default') }));
    assert.match(costLimitReason(unpriced, 100)!, /model 'default' has no price/);
    const copilot = estimateRun(scenario({ default: modelConfig('default', { provider: 'vscode' }) }));
    assert.equal(costLimitReason(copilot, 0.01), undefined, 'VS Code language models are billed by their subscription');
    const offline = estimateRun(scenario({ default: modelConfig('default', { provider: 'offline' }) }));
    assert.equal(costLimitReason(offline, 0.01), undefined);
  });
});
