// A local model node-llama-cpp cannot load ends the run and the process, with the file and why
// (issue 86: every decision failed one by one at load and the process never exited). The file
// passes the header checks (written here: no weights), so the runtime's own load is what fails.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ggufFile, SMOLLM2_META } from '../support/ggufFile';
import { scratchDir } from '../support/scratch';

const root = path.resolve(__dirname, '../..');

describe('a local model that cannot load', () => {
  it('stops the run and the process at the first failed load, naming the file', () => {
    const dir = scratchDir('load-fail-');
    fs.mkdirSync(path.join(dir, 'models'));
    fs.writeFileSync(path.join(dir, 'models', 'bad.gguf'), ggufFile(SMOLLM2_META));
    fs.writeFileSync(
      path.join(dir, 's.society'),
      [
        'kind: scenario',
        'name: Bad',
        'personas:',
        '  - { id: maya, name: Maya, interests: [x] }',
        '  - { id: tom, name: Tom, interests: [x] }',
        'world: { rounds: 2 }',
        'models:',
        '  default: { provider: local, model: models/bad.gguf, local: { context_size: 2048, threads: 1 } }',
      ].join('\n') + '\n',
    );
    const started = Date.now();
    const run = spawnSync(
      process.execPath,
      [path.join(root, 'bin', 'society.js'), 'run', 's.society', '--out', 'out'],
      {
        cwd: dir,
        encoding: 'utf8',
        timeout: 60_000,
      },
    );
    assert.equal(run.signal, null, 'the process ended by itself');
    assert.equal(run.status, 1, run.stderr);
    // Measured, not held to a clock (a loaded CI machine took 15.7 s): the checks are that it ended
    // by itself, before the hang guard, at the first failed load rather than after every decision.
    console.log(`      ended by itself ${Date.now() - started} ms after the start`);
    assert.match(run.stderr, /society run: .*bad\.gguf: node-llama-cpp could not load the model/);
    assert.equal(run.stderr.match(/could not load the model/g)?.length, 1, run.stderr);
    assert.doesNotMatch(run.stderr, /Napi::Error/);
  });
});
