// Includes are judged by where symlinks lead.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { realPath } from '../../../src/extension/trust/realPath';

describe('realPath', () => {
  const tmp = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'society-real-')));
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('follows a symlinked folder and a symlinked file out of the folder', async () => {
    fs.mkdirSync(path.join(tmp, 'ws'));
    fs.mkdirSync(path.join(tmp, 'outside'));
    fs.writeFileSync(path.join(tmp, 'outside/secret.society'), 'kind: persona\n');
    fs.symlinkSync(path.join(tmp, 'outside'), path.join(tmp, 'ws/linkdir'));
    fs.symlinkSync(path.join(tmp, 'outside/secret.society'), path.join(tmp, 'ws/link.society'));
    assert.equal(await realPath(path.join(tmp, 'ws/linkdir')), path.join(tmp, 'outside'));
    assert.equal(await realPath(path.join(tmp, 'ws/link.society')), path.join(tmp, 'outside/secret.society'));
    assert.equal(await realPath(path.join(tmp, 'ws')), path.join(tmp, 'ws'));
  });

  it('resolves the existing part of a path that does not exist', async () => {
    assert.equal(await realPath(path.join(tmp, 'ws/linkdir/new/a.society')), path.join(tmp, 'outside/new/a.society'));
  });
});
