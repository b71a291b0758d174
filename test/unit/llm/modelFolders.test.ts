// The GGUF files "Run with model…" offers (core/llm/local/modelFolders.ts): one level of each
// folder, bounded, each file once, an unreadable folder no error.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { modelsCacheFolder } from '../../../src/core/files/modelsCache';
import { MAX_LISTED, ggufIn, localModelFiles } from '../../../src/core/llm/local/modelFolders';

describe('local model files offered in the editor', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'society-gguf-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('lists the .gguf files directly in a folder, sorted, whatever their case; not folders or other files', () => {
    for (const f of ['b.gguf', 'A.GGUF', 'notes.txt', 'c.gguf.part']) fs.writeFileSync(path.join(dir, f), 'x');
    fs.mkdirSync(path.join(dir, 'deeper.gguf'));
    fs.mkdirSync(path.join(dir, 'sub'));
    fs.writeFileSync(path.join(dir, 'sub', 'inner.gguf'), 'x');
    assert.deepEqual(ggufIn(dir), [path.join(dir, 'A.GGUF'), path.join(dir, 'b.gguf')]);
  });

  it('a missing or unreadable folder lists nothing; a folder of thousands lists at most MAX_LISTED', () => {
    assert.deepEqual(ggufIn(path.join(dir, 'missing')), []);
    fs.writeFileSync(path.join(dir, 'file.gguf'), 'x');
    assert.deepEqual(ggufIn(path.join(dir, 'file.gguf')), []);
    for (let i = 0; i < MAX_LISTED * 3; i++) {
      fs.writeFileSync(path.join(dir, `m${String(i).padStart(4, '0')}.gguf`), '');
    }
    assert.equal(ggufIn(dir).length, MAX_LISTED);
  });

  it('offers each file once, workspace finds first, then the folders in order', () => {
    fs.writeFileSync(path.join(dir, 'one.gguf'), 'x');
    const found = [path.join(dir, 'one.gguf'), '/ws/models/two.gguf'];
    assert.deepEqual(localModelFiles(found, [dir, dir]), [path.join(dir, 'one.gguf'), '/ws/models/two.gguf']);
  });

  it('the cache folder follows SOCIETY_CACHE', () => {
    assert.equal(modelsCacheFolder({ SOCIETY_CACHE: dir }), path.join(dir, 'models'));
  });
});
