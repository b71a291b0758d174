// The one writer (core/files/safeWrite.ts) and the signed list of our files (core/files/ourFiles.ts),
// on their own: what they refuse, and that "ours" cannot be carried by a folder (issue 87: 1).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { scratchDir } from '../../support/scratch';
import {
  appendSafely,
  openForWriting,
  UnsafeTargetError,
  writeFileSafely,
  writeFileSafelyAsync,
} from '../../../src/core/files/safeWrite';
import { markOurs, MANIFEST_FILE, ourFilesIn } from '../../../src/core/files/ourFiles';

describe('the one writer (issue 87: 1)', function () {
  let dir: string, outside: string;
  beforeEach(function () {
    if (process.platform === 'win32') this.skip();
    const top = scratchDir('society-safe-');
    dir = path.join(top, 'out');
    outside = path.join(top, 'secret');
    fs.mkdirSync(dir);
    fs.writeFileSync(outside, 'secret');
  });

  it('writes a whole file by renaming a temporary one over the name, and leaves no temporary file', async () => {
    const file = path.join(dir, 'a.txt');
    fs.writeFileSync(file, 'old');
    const ino = fs.statSync(file).ino;
    writeFileSafely(file, ['one ', 'two']);
    assert.equal(fs.readFileSync(file, 'utf8'), 'one two');
    assert.notEqual(fs.statSync(file).ino, ino, 'a new file, renamed into place');
    await writeFileSafelyAsync(file, ['three']);
    assert.equal(fs.readFileSync(file, 'utf8'), 'three');
    assert.deepEqual(fs.readdirSync(dir), ['a.txt']);
  });

  it('refuses a link, a FIFO and a folder in the name, whole or streamed, and changes nothing', () => {
    fs.symlinkSync(outside, path.join(dir, 'link'));
    assert.equal(spawnSync('mkfifo', [path.join(dir, 'fifo')]).status, 0);
    fs.mkdirSync(path.join(dir, 'folder'));
    for (const [name, what] of [
      ['link', /symbolic link to .*secret/],
      ['fifo', /named pipe/],
      ['folder', /a folder/],
    ] as const) {
      const file = path.join(dir, name);
      for (const write of [
        () => writeFileSafely(file, 'x'),
        () => openForWriting(file, 'replace'),
        () => openForWriting(file, 'append'),
        () => appendSafely(file, 'x'),
      ]) {
        assert.throws(
          write,
          (err: unknown) => err instanceof UnsafeTargetError && what.test(err.reason) && err.path === file,
        );
      }
    }
    assert.equal(fs.readFileSync(outside, 'utf8'), 'secret');
    assert.deepEqual(fs.readdirSync(dir).sort(), ['fifo', 'folder', 'link']);
  });

  it('refuses a folder of the output that is a link out of it', () => {
    fs.symlinkSync(path.dirname(outside), path.join(dir, 'traces'));
    assert.throws(
      () => writeFileSafely(path.join(dir, 'traces', 'x.jsonl'), 'x', { within: dir }),
      /a symbolic link where a folder of the output belongs/,
    );
  });

  it('a stream opened for replacing is emptied; for appending keeps what was there', () => {
    const file = path.join(dir, 't.jsonl');
    fs.writeFileSync(file, 'abc');
    let fd = openForWriting(file, 'append');
    fs.writeSync(fd, 'd');
    fs.closeSync(fd);
    assert.equal(fs.readFileSync(file, 'utf8'), 'abcd');
    fd = openForWriting(file, 'replace');
    fs.writeSync(fd, 'e');
    fs.closeSync(fd);
    assert.equal(fs.readFileSync(file, 'utf8'), 'e');
  });
});

describe("our files are signed by this machine, not named by the folder's list (issue 87: 1)", function () {
  let top: string;
  before(() => {
    top = scratchDir('society-ours-');
    process.env.SOCIETY_CACHE = path.join(top, 'cache');
  });
  after(() => delete process.env.SOCIETY_CACHE);

  it('a file we wrote verifies in its folder; a copy of the folder, a replaced file or a forged list do not', () => {
    const dir = path.join(top, 'run');
    fs.mkdirSync(dir);
    writeFileSafely(path.join(dir, 'report.html'), 'ours');
    markOurs(dir, ['report.html', 'absent.csv']);
    assert.equal(ourFilesIn(dir)('report.html'), true);
    assert.equal(ourFilesIn(dir)('absent.csv'), false, 'a name with no file is not signed');
    assert.equal(fs.statSync(path.join(top, 'cache', 'files.key')).mode & 0o777, 0o600);

    const copy = path.join(top, 'copy');
    fs.cpSync(dir, copy, { recursive: true });
    assert.equal(ourFilesIn(copy)('report.html'), false, 'a copied folder carries the list, not the signature');

    fs.rmSync(path.join(dir, 'report.html'));
    fs.writeFileSync(path.join(dir, 'other'), 'keeps the inode in use');
    fs.writeFileSync(path.join(dir, 'report.html'), "the user's own");
    assert.equal(ourFilesIn(dir)('report.html'), false, 'a file put there since is the user’s');

    const forged = path.join(top, 'forged');
    fs.mkdirSync(forged);
    fs.writeFileSync(path.join(forged, 'report.html'), 'x');
    fs.writeFileSync(
      path.join(forged, MANIFEST_FILE),
      JSON.stringify({ files: ['report.html'], signatures: { 'report.html': 'ab'.repeat(32), __proto__: 'x' } }),
    );
    assert.equal(ourFilesIn(forged)('report.html'), false);
    assert.equal(ourFilesIn(forged)('__proto__'), false);
  });
});
