// The society view's header and the experiment report name a local model by its file: the path
// is the machine's that ran it (a home folder in a shared trace's view or report says nothing of
// the model and something of the person).
import * as assert from 'node:assert/strict';
import { modelWords, modelFileName } from '../../../src/core/format/pure';
import { modelLine } from '../../../src/core/experiment/runExperiment';
import { PROVIDER_NAMES } from '../../../src/core/format/model/providers';

describe('a model in a few words', () => {
  it('names a local model by its file, on either separator', () => {
    assert.equal(
      modelWords({ provider: 'local', model: '/home/ana/models/SmolLM2.Q4_1.gguf' }),
      'local SmolLM2.Q4_1.gguf',
    );
    assert.equal(modelWords({ provider: 'local', model: 'C:\\Users\\ana\\m\\tiny.gguf' }), 'local tiny.gguf');
    assert.equal(modelFileName(undefined), '');
    assert.equal(
      modelLine({
        models: { default: { name: 'default', provider: 'local', model: '/root/.cache/x/tiny.gguf' } } as never,
      }),
      'local tiny.gguf',
    );
  });

  it('says the offline model is not an LLM, names the others by provider and model, and every provider has words', () => {
    assert.equal(modelWords({ provider: 'offline' }), 'offline rule-based model (not an LLM)');
    assert.equal(modelWords({ provider: 'openai', model: 'gpt-4o-mini' }), 'openai gpt-4o-mini');
    assert.equal(
      modelWords({ provider: 'anthropic', model: 'x' }),
      'anthropic x',
      'an older trace’s provider as written',
    );
    for (const p of PROVIDER_NAMES) assert.ok(modelWords({ provider: p, model: 'm' }).length > 0, p);
  });
});
