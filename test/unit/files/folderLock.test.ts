// One writer per output folder (QA: two `society run`s into one --out left a torn trace that
// carried the other run's header, and the run that wrote it exited 0).
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { LOCK_FILE, lockFolder } from '../../../src/core/files/folderLock';
import { scratchDir } from '../../support/scratch';

describe('output folder lock', () => {
  it('refuses a second writer while the first holds the folder, and lets the next one in after release', () => {
    const dir = scratchDir('society-lock-');
    const first = lockFolder(dir);
    assert.ok('release' in first);
    const second = lockFolder(dir);
    assert.ok('heldBy' in second);
    assert.equal(second.heldBy.pid, process.pid);
    first.release();
    assert.equal(fs.existsSync(path.join(dir, LOCK_FILE)), false, 'release removes the lock file');
    const third = lockFolder(dir);
    assert.ok('release' in third);
    third.release();
  });

  it('takes over a stale lock, whose process is gone, and a torn one', () => {
    const dir = scratchDir('society-lock-');
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    fs.writeFileSync(path.join(dir, LOCK_FILE), JSON.stringify({ pid: Number(gone.stdout), host: os.hostname(), since: 'then' }));
    const lock = lockFolder(dir);
    assert.ok('release' in lock, 'a dead holder does not keep the folder');
    lock.release();
    fs.writeFileSync(path.join(dir, LOCK_FILE), '{"pid": 12');
    const torn = lockFolder(dir);
    assert.ok('release' in torn, 'a lock file torn by a crash does not keep the folder');
    torn.release();
  });

  it('leaves alone a lock held on another host (its process cannot be checked from here)', () => {
    const dir = scratchDir('society-lock-');
    fs.writeFileSync(path.join(dir, LOCK_FILE), JSON.stringify({ pid: 1, host: `not-${os.hostname()}`, since: 'then' }));
    const lock = lockFolder(dir);
    assert.ok('heldBy' in lock);
    assert.equal(lock.heldBy.host, `not-${os.hostname()}`);
  });
});
