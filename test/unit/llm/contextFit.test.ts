// A local model's context against its model file and this machine (issue 86): `context_size:
// 100000000` passed `check`, then every decision failed at load (5.6 GB peak) and the process never
// exited. Read from the GGUF header alone: a context past what the model was trained on is a
// warning, a KV cache past the machine's memory an error before anything loads.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { contextFit, kvCacheBytes } from '../../../src/core/llm/local/contextFit';
import { checkModelFile } from '../../../src/core/llm/local/modelFile';
import { checkCommand } from '../../../src/cli/commands/check';
import { runCommand } from '../../../src/cli/commands/run';
import { ggufFile, SMOLLM2_META } from '../../support/ggufFile';
import { scratchDir } from '../../support/scratch';
import { localScenarioText } from '../../support/localScenario';
import { quietly } from '../../support/quietly';

const GB = 2 ** 30;

function scenario(dir: string, contextSize: number): string {
  fs.mkdirSync(path.join(dir, 'models'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'models', 'small.gguf'), ggufFile(SMOLLM2_META));
  const file = path.join(dir, 'local.society');
  fs.writeFileSync(file, localScenarioText('models/small.gguf', { local: `{ context_size: ${contextSize} }` }));
  return file;
}

describe("a local model's context against its file and the machine", () => {
  it("reads the KV cache's shape from the header and prices a context in bytes", () => {
    const dir = scratchDir('ctx-');
    fs.writeFileSync(path.join(dir, 'm.gguf'), ggufFile(SMOLLM2_META));
    const info = checkModelFile(path.join(dir, 'm.gguf'));
    assert.equal(info.trainedContext, 8192);
    assert.deepEqual(info.kvCache, { layers: 30, kvWidth: 192 });
    // K and V, 30 layers, 192 wide, 2 bytes each: 23,040 bytes a token.
    assert.equal(kvCacheBytes(info, 1, 1), 23_040);
    assert.equal(kvCacheBytes(info, 2048, 2), 23_040 * 2048 * 2);
  });

  it('a context past the trained one is a warning; a cache past the memory an error; a sane one nothing', () => {
    const dir = scratchDir('ctx-');
    fs.writeFileSync(path.join(dir, 'm.gguf'), ggufFile(SMOLLM2_META));
    const info = checkModelFile(path.join(dir, 'm.gguf'));
    const cfg = (context_size: number) => ({ name: 'default', local: { context_size } });
    assert.deepEqual(contextFit(cfg(2048), info, 8 * GB), { errors: [], warnings: [] });
    const past = contextFit(cfg(16_384), info, 8 * GB);
    assert.deepEqual(past.errors, []);
    assert.match(
      past.warnings[0],
      /local\.context_size 16,384 is past the 8,192 tokens the model was trained on .*set local\.context_size to 8,192 or less/,
    );
    const huge = contextFit(cfg(100_000_000), info, 8 * GB);
    assert.match(
      huge.errors[0],
      /needs about 2,146 GB for its KV cache .*more than this machine's 8\.0 GB of memory; set local\.context_size to 8,192 or less/,
    );
    const big = contextFit(cfg(8192), info, 0.3 * GB);
    assert.match(big.warnings[0], /over half this machine's/);
  });

  it('society check warns (SOC156) at the model; a context past any model is refused before loading anything', async () => {
    const dir = scratchDir('ctx-');
    // Past the 8,192 tokens the model was trained on: a warning, at the model.
    const past = await quietly(() => checkCommand.run([scenario(dir, 65_536)]));
    assert.equal(past.result, 0, 'a warning');
    assert.match(
      past.out,
      /local\.society:\d+:\d+: warning SOC156 model 'default': local\.context_size 65,536 is past the 8,192 tokens/,
    );
    // 100,000,000: past what the schema lets any model take (issue 87), an error where it is written;
    // the run refuses it before anything loads or is written (counted in what it did, not in time:
    // a bound in seconds fails on a busy machine).
    const file = scenario(scratchDir('ctx-'), 100_000_000);
    const checked = await quietly(() => checkCommand.run([file]));
    assert.equal(checked.result, 1);
    assert.match(checked.out, /context_size.* must be <= 1048576/);
    const run = await quietly(() => runCommand.run([file, '--out', path.join(dir, 'out')]));
    assert.equal(run.result, 1);
    assert.match(run.errors, /context_size.* must be <= 1048576/);
    assert.doesNotMatch(`${run.out}${run.errors}`, /load|round 1/i, 'nothing loaded, no round ran');
    assert.equal(fs.existsSync(path.join(dir, 'out')), false, 'no run folder written');
    // A sane context says nothing.
    const sane = await quietly(() => checkCommand.run([scenario(scratchDir('ctx-'), 2048)]));
    assert.doesNotMatch(sane.out, /SOC156/);
  });
});
