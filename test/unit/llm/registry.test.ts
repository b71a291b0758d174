// Building models from a scenario: offline, openai, injected vscode clients; one limiter per model.
import * as assert from 'node:assert/strict';
import { useFakeOpenAI } from '../../support/fakeOpenAI';
import { modelConfig, persona, requests, scenario } from '../../support/llmFixtures';
import { ModelRegistry, createAgentModels, usedModelNames, vscodeIdentity } from '../../../src/core/llm/registry';
import { OfflineModel } from '../../../src/core/llm/offline';
import type { ChatClient, ChatRequest } from '../../../src/core/llm/chat';
import { LlmAgentModel } from '../../../src/core/llm/llmAgentModel';

describe('llm model registry', () => {
  const fake = useFakeOpenAI();

  it('builds one model per scenario entry: offline and openai', () => {
    const models = createAgentModels(scenario({ gpt: modelConfig('gpt', { base_url: fake.server.url }) }));
    assert.deepEqual(Object.keys(models), ['default', 'gpt']);
    assert.ok(models.default instanceof OfflineModel);
    assert.ok(models.gpt instanceof LlmAgentModel);
    assert.equal(models.gpt.provider, 'openai');
  });

  it("is the engine's ModelFactory: same instance per name, offline seeded per run", () => {
    const registry = new ModelRegistry(scenario({ gpt: modelConfig('gpt', { base_url: fake.server.url }) }));
    const s = registry.scenario;
    assert.equal(registry.factory(s.models.gpt, 1), registry.factory(s.models.gpt, 2));
    assert.notEqual(registry.factory(s.models.default, 1), registry.factory(s.models.default, 2));
  });

  it('lists the models agents and the coach use (per-persona and per-group assignment)', () => {
    const s = scenario(
      { gpt: modelConfig('gpt'), big: modelConfig('big'), coach: modelConfig('coach'), unused: modelConfig('unused') },
      {
        personas: [persona('maya', { model: 'gpt' }), persona('ali')],
        population: [
          {
            group: 'g',
            count: 3,
            id_prefix: 'g',
            names: [],
            occupations: [],
            interests: { pool: [], per_agent: 0 },
            traits: {},
            motivations: {},
            model: 'big',
          },
        ],
        coaching: { enabled: true, every: 1, model: 'coach' },
      },
    );
    assert.deepEqual(usedModelNames(s), ['default', 'gpt', 'big', 'coach']);
    assert.deepEqual(usedModelNames(s, 'gpt'), ['gpt']);
    // Models that only timed events bring in are built before the run too.
    const later = {
      ...s,
      models: { ...s.models, late: s.models.gpt, night: s.models.gpt },
      events: [
        { at: 2, add: [{ ...s.personas[0], id: 'newcomer', model: 'late' }] },
        { at: 3, set: { coaching: { model: 'night' } } },
      ],
    };
    assert.deepEqual(usedModelNames(later), ['default', 'gpt', 'big', 'coach', 'late', 'night']);
  });

  it('uses an injected chat client for the vscode provider, with limits and the same parsing', async () => {
    const seen: ChatRequest[] = [];
    const client: ChatClient = {
      identity: vscodeIdentity(modelConfig('lm', { provider: 'vscode', model: 'copilot-gpt-4o' })),
      async complete(req) {
        seen.push(req);
        return { content: '{"answer": "from the editor"}', tokens: { input_tokens: 10, output_tokens: 5 }, faults: [] };
      },
    };
    const s = scenario({ lm: modelConfig('lm', { provider: 'vscode', model: 'copilot-gpt-4o' }) });
    const model = new ModelRegistry(s, { chatClientFactory: () => client }).model('lm');
    const res = await model.decide(requests.interview());
    assert.equal(res.answer, 'from the editor');
    assert.equal(model.label, 'VS Code language model copilot-gpt-4o');
    assert.equal(seen[0].json?.name, 'interview');
    assert.throws(() => new ModelRegistry(s).model('lm'), /provider 'vscode' is only available inside VS Code/);
  });

  it('unknown names fall back to the default model', () => {
    const registry = new ModelRegistry(scenario({}));
    assert.ok(registry.model('nope') instanceof OfflineModel);
  });
});
