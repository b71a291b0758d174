// An experiment started in the editor runs with the editor's keys (SecretStorage) and VS Code
// language models, handed to runExperiment as `models`: the runs in this thread use them instead
// of the environment, as Run Simulation does.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runExperiment } from '../../../src/core/experiment';
import type { ChatClient, ChatRequest } from '../../../src/core/llm/chat';
import { vscodeIdentity } from '../../../src/core/llm/registry';
import { sampleOf, startFakeOpenAI, type FakeOpenAI } from '../../support/fakeOpenAI';
import { allowKeyTo, allowKeysOf, modelConfig, scenario } from '../../support/llmFixtures';

const KEY_NAME = 'SOCIETY_TEST_EXPERIMENT_KEY';
const small = (models: Parameters<typeof scenario>[0]) => {
  const s = scenario(models);
  return { ...s, world: { ...s.world, rounds: 1 } };
};

describe("experiment runs with the editor's models", function () {
  let fake: FakeOpenAI;
  let dir: string;
  before(async () => {
    fake = await startFakeOpenAI();
  });
  after(async () => {
    await fake.close();
  });
  beforeEach(() => {
    fake.reset();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'exp-models-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('uses the keys it is given, not only the environment', async () => {
    assert.equal(process.env[KEY_NAME], undefined);
    const s = small({ default: modelConfig('default', { base_url: fake.url, api_key_env: KEY_NAME, retries: 0 }) });
    await assert.rejects(runExperiment(s, { outDir: dir, seeds: [1], traces: false }), new RegExp(KEY_NAME));
    const run = await runExperiment(s, {
      outDir: dir,
      seeds: [1],
      traces: false,
      models: {
        secrets: (name) => (name === KEY_NAME ? 'sk-from-the-editor' : undefined),
        allowKeys: allowKeysOf(s),
      },
    });
    assert.equal(run.result.runs.length, 1);
    const chats = fake.chatRequests();
    assert.ok(chats.length > 0);
    assert.ok(chats.every((r) => r.headers.authorization === 'Bearer sk-from-the-editor'));
  });

  it('on worker threads (--jobs) too, keeps the answers in its cache, so a rerun makes no call', async () => {
    process.env[KEY_NAME] = 'sk-test';
    process.env.SOCIETY_ALLOW_KEYS = allowKeyTo(fake.url, KEY_NAME).join(',');
    try {
      const s = small({ default: modelConfig('default', { base_url: fake.url, api_key_env: KEY_NAME, retries: 0 }) });
      const first = await runExperiment(s, { outDir: dir, seeds: [1, 2], traces: false, jobs: 2 });
      const calls = fake.chatRequests().length;
      assert.ok(calls > 0);
      assert.ok(fs.readdirSync(path.join(dir, 'cache')).length > 0, "the workers wrote the experiment's cache");
      fake.reset();
      const again = await runExperiment(s, { outDir: dir, seeds: [1, 2], traces: false, jobs: 2 });
      assert.equal(fake.chatRequests().length, 0, 'every answer came from the cache');
      assert.deepEqual(
        again.result.runs.map((r) => r.metrics),
        first.result.runs.map((r) => r.metrics),
      );
    } finally {
      delete process.env[KEY_NAME];
      delete process.env.SOCIETY_ALLOW_KEYS;
    }
  });

  it('runs VS Code language models through the chat client factory it is given', async () => {
    const seen: ChatRequest[] = [];
    const lm = modelConfig('default', { provider: 'vscode', model: 'copilot-gpt-4o' });
    const client: ChatClient = {
      identity: vscodeIdentity(lm),
      async complete(req) {
        seen.push(req);
        return {
          content: JSON.stringify(req.json ? sampleOf(req.json.schema) : {}),
          tokens: { input_tokens: 10, output_tokens: 5 },
          faults: [],
        };
      },
    };
    const run = await runExperiment(small({ default: lm }), {
      outDir: dir,
      seeds: [1],
      traces: false,
      models: { chatClientFactory: () => client },
    });
    assert.equal(run.result.runs.length, 1);
    assert.ok(seen.length > 0);
  });
});
