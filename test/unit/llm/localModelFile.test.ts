// A `local` model's file goes wrong in a few ways a user meets at once: the path is wrong, the
// download stopped half way, the file is something else, the model is a base model without a chat
// template. Each must fail before the run starts, naming the file (resolved beside the scenario
// that names it) and the fix — never an abort inside llama.cpp. No model is needed: the files are
// written here, GGUF headers byte by byte.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadScenarioFile } from '../../../src/core/format/project/load';
import { ModelRegistry } from '../../../src/core/llm/registry';
import { runModels } from '../../../src/core/run/runModels';
import { LocalModelError, checkModelFile } from '../../../src/core/llm/local/modelFile';
import { RuntimeMissingError } from '../../../src/core/llm/local/runtime';
import { ggufFile } from '../../support/ggufFile';
import { scratchDir } from '../../support/scratch';

const CHAT = { 'general.architecture': 'llama', 'tokenizer.chat_template': '{{ messages }}' };
const TENSORS = [
  { name: 'a', values: 64 },
  { name: 'b', values: 32 },
];

/**
 * Writes a scenario naming `models/model.gguf` and loads it as the CLI does; with `embedder`, its
 * embeddings model is `models/embed.gguf` (written unless undefined).
 */
async function scenarioWithModel(model: Buffer | undefined, embedder?: { file: Buffer | undefined }) {
  const dir = scratchDir('society-local-model-');
  fs.mkdirSync(path.join(dir, 'models'));
  if (model) fs.writeFileSync(path.join(dir, 'models', 'model.gguf'), model);
  if (embedder?.file) fs.writeFileSync(path.join(dir, 'models', 'embed.gguf'), embedder.file);
  const embeddings = embedder ? ', embeddings: { model: models/embed.gguf }' : '';
  const file = path.join(dir, 'town.society');
  fs.writeFileSync(
    file,
    [
      'kind: scenario',
      'name: town',
      'personas:',
      '  - { id: ana, name: Ana }',
      '  - { id: bo, name: Bo }',
      'models:',
      `  default: { provider: local, model: models/model.gguf, local: { context_size: 1024, threads: 1 }${embeddings} }`,
      '',
    ].join('\n'),
  );
  const { scenario, diagnostics } = await loadScenarioFile(file, { root: dir });
  assert.ok(scenario, diagnostics.map((d) => d.message).join('\n'));
  return {
    scenario,
    modelFile: path.join(dir, 'models', 'model.gguf'),
    embedFile: path.join(dir, 'models', 'embed.gguf'),
  };
}

/** The error building the scenario's default model throws. */
function buildError(scenario: NonNullable<Awaited<ReturnType<typeof scenarioWithModel>>['scenario']>): Error {
  try {
    new ModelRegistry(scenario).model('default');
  } catch (err) {
    return err as Error;
  }
  assert.fail('the model was built');
}

describe('local model files', () => {
  it('reads a whole model: its size agrees with the header, its chat template is there', () => {
    const file = path.join(scratchDir('society-gguf-'), 'ok.gguf');
    fs.writeFileSync(file, ggufFile(CHAT, TENSORS));
    const info = checkModelFile(file);
    assert.equal(info.architecture, 'llama');
    assert.equal(info.chatTemplate, '{{ messages }}');
  });

  it('a missing file: the path resolved beside the scenario, and how to get a model', async () => {
    const { scenario, modelFile } = await scenarioWithModel(undefined);
    const err = buildError(scenario);
    assert.ok(err instanceof LocalModelError, err.message);
    assert.match(err.message, new RegExp(`^${modelFile.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: no such model file`));
    assert.match(err.message, /fix the path in `model:`.*docs\/models\.md#local-models/);
  });

  it('a download cut short: how many bytes of how many, and to download again', async () => {
    const whole = ggufFile(CHAT, TENSORS);
    const { scenario, modelFile } = await scenarioWithModel(whole.subarray(0, whole.length - 100));
    const err = buildError(scenario);
    assert.ok(err instanceof LocalModelError, err.message);
    assert.ok(err.message.startsWith(modelFile));
    assert.match(err.message, new RegExp(`cut short: ${whole.length - 100} bytes of the ${whole.length}`));
    assert.match(err.message, /download was interrupted/);
  });

  it('general.alignment 0 (or not a power of two): refused as damaged, not passed as NaN (issue 87)', () => {
    const dir = scratchDir('society-gguf-align-');
    for (const align of [0, 3]) {
      const file = path.join(dir, `a${align}.gguf`);
      // Cut short too: with alignment 0 the length check compared against NaN and let it pass.
      const whole = ggufFile({ ...CHAT, 'general.alignment': align }, TENSORS);
      fs.writeFileSync(file, whole.subarray(0, whole.length - 100));
      assert.throws(
        () => checkModelFile(file),
        new RegExp(`header is damaged \\(general\\.alignment is ${align}, not a power of two\\)`),
      );
    }
  });

  it('a download cut inside the header', () => {
    const file = path.join(scratchDir('society-gguf-'), 'cut.gguf');
    fs.writeFileSync(file, ggufFile(CHAT, TENSORS).subarray(0, 40));
    assert.throws(
      () => checkModelFile(file),
      /cut.gguf: the file is cut short: it ends \(at 40 bytes\) inside its own header/,
    );
  });

  it('a text file named .gguf: not a model, and what a model file looks like', async () => {
    const { scenario, modelFile } = await scenarioWithModel(Buffer.from('see https://example.org/model\n'));
    const err = buildError(scenario);
    assert.ok(err instanceof LocalModelError, err.message);
    assert.equal(err.message.split(': ')[0], modelFile);
    assert.match(err.message, /not a GGUF model \(a model file starts with "GGUF"; this one is text: a download page/);
    // Never the file's own bytes: a scenario may name any file, and the message reaches logs and assistants.
    assert.doesNotMatch(err.message, /see |example\.org/);
  });

  it('a header string longer than any real one: refused as damaged, without reading it into memory', () => {
    const file = path.join(scratchDir('society-gguf-'), 'huge.gguf');
    const head = ggufFile(CHAT, TENSORS).subarray(0, 24); // magic, version, tensor and entry counts
    const length = Buffer.alloc(8);
    length.writeBigUInt64LE(3n * 1024n * 1024n * 1024n);
    fs.writeFileSync(file, Buffer.concat([head, length]));
    // A sparse file of 4 GB: the string would fit inside it, so only the cap stops the read.
    fs.truncateSync(file, 4 * 1024 * 1024 * 1024);
    assert.throws(
      () => checkModelFile(file),
      /huge\.gguf: the GGUF header is damaged \(a string of 3221225472 bytes in the header\)/,
    );
  });

  it('a model without a chat template: refused, with the fix', () => {
    const file = path.join(scratchDir('society-gguf-'), 'base.gguf');
    fs.writeFileSync(file, ggufFile({ 'general.architecture': 'llama' }, TENSORS));
    assert.throws(
      () => checkModelFile(file),
      /base.gguf: the model has no chat template.*use an instruct \(chat\) model file/,
    );
  });

  it('a sound file without node-llama-cpp: how to install it, before the run starts', async () => {
    const { scenario } = await scenarioWithModel(ggufFile(CHAT, TENSORS));
    const was = process.env.SOCIETY_CACHE;
    process.env.SOCIETY_CACHE = scratchDir('society-empty-cache-');
    try {
      const err = buildError(scenario);
      assert.ok(err instanceof RuntimeMissingError, err.message);
      assert.match(
        err.message,
        /node-llama-cpp, which is not installed here: install it with `node scripts\/local-model\.mjs --runtime`/,
      );
      assert.ok(err.message.includes(process.env.SOCIETY_CACHE), err.message);
    } finally {
      if (was === undefined) delete process.env.SOCIETY_CACHE;
      else process.env.SOCIETY_CACHE = was;
    }
  });

  describe('an embeddings model (`embeddings: { model }`), checked when the run builds its models', () => {
    const withoutRuntime = <T>(fn: () => T): T => {
      const was = process.env.SOCIETY_CACHE;
      process.env.SOCIETY_CACHE = scratchDir('society-empty-cache-');
      try {
        return fn();
      } finally {
        if (was === undefined) delete process.env.SOCIETY_CACHE;
        else process.env.SOCIETY_CACHE = was;
      }
    };

    /** What building the run's models (chat and embeddings, as `society run` does) throws. */
    function runBuildError(scenario: Parameters<typeof buildError>[0]): Error {
      try {
        runModels(scenario, {}, { buildFirst: true });
      } catch (err) {
        return err as Error;
      }
      assert.fail('the models were built');
    }

    it('a missing file: the path beside the scenario, the setting to fix, before the run starts', async () => {
      const { scenario, embedFile } = await scenarioWithModel(ggufFile(CHAT, TENSORS), { file: undefined });
      // Without node-llama-cpp here, the file is still checked first (no model is ever loaded in this file).
      const thrown = withoutRuntime(() => runBuildError(scenario));
      assert.ok(thrown instanceof LocalModelError, thrown.message);
      assert.ok(thrown.message.startsWith(`${embedFile}: no such model file`), thrown.message);
      assert.match(thrown.message, /fix the path in `embeddings\.model:`/);
    });

    it('an embedding model needs no chat template; a foreign file is refused; both before the run', async () => {
      const noTemplate = await scenarioWithModel(ggufFile(CHAT, TENSORS), {
        file: ggufFile({ 'general.architecture': 'bert' }, TENSORS),
      });
      // Past the file check, the run stops at the missing runtime: the file itself was accepted.
      const err = withoutRuntime(() => runBuildError(noTemplate.scenario));
      assert.ok(err instanceof RuntimeMissingError, err.message);
      const foreign = await scenarioWithModel(ggufFile(CHAT, TENSORS), { file: Buffer.from('not a model') });
      const err2 = withoutRuntime(() => runBuildError(foreign.scenario));
      assert.ok(err2 instanceof LocalModelError, err2.message);
      assert.ok(err2.message.startsWith(`${foreign.embedFile}: not a GGUF model`), err2.message);
      assert.match(err2.message, /set `embeddings\.model:` to a \.gguf model file/);
    });
  });
});
