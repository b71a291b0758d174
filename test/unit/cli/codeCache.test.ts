// `society` starts from V8's code cache of its bundle (bin/society.js): compiling the 5 MB bundle
// was 100 of the 250 ms each start spent. The cache is the user's own (the studio's cache folder),
// a damaged or foreign file in its place never breaks or steers a start, and a link there is not
// written through.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { scratchDir } from '../../support/scratch';

const repo = path.resolve(__dirname, '../../..');
const bin = path.join(repo, 'bin', 'society.js');
const version = (JSON.parse(fs.readFileSync(path.join(repo, 'package.json'), 'utf8')) as { version: string }).version;

function start(cache: string): string {
  const r = spawnSync(process.execPath, [bin, '--version'], {
    encoding: 'utf8',
    env: { ...process.env, SOCIETY_CACHE: cache, SOCIETY_NO_CODE_CACHE: '' },
  });
  assert.equal(r.status, 0, r.stderr);
  return r.stdout.trim();
}

const cacheFiles = (cache: string): string[] =>
  fs.existsSync(path.join(cache, 'compiled')) ? fs.readdirSync(path.join(cache, 'compiled')) : [];

describe('society starts from a code cache of its own', function () {
  before(function () {
    // The cache is the bundle's: a checkout run from its sources (no build yet) has none to keep.
    if (!fs.existsSync(path.join(repo, 'dist', 'cli.js'))) this.skip();
  });

  it('writes the cache at the first start and reads it at the next, with the same answer', () => {
    const cache = scratchDir('code-cache-');
    assert.equal(start(cache), version);
    const [file] = cacheFiles(cache);
    assert.match(file ?? '', /^cli-[0-9a-f]{24}\.bin$/);
    const first = fs.statSync(path.join(cache, 'compiled', file));
    assert.equal(first.mode & 0o077, 0, 'the cache is the user’s own');
    assert.equal(start(cache), version);
    // Read, not written again: an accepted cache is left as it is.
    assert.equal(fs.statSync(path.join(cache, 'compiled', file)).mtimeMs, first.mtimeMs);
  });

  it('a damaged cache is rejected and written anew; a link in its place is replaced, never followed', () => {
    const cache = scratchDir('code-cache-');
    start(cache);
    const [name] = cacheFiles(cache);
    const file = path.join(cache, 'compiled', name);
    fs.writeFileSync(file, Buffer.alloc(4096, 7));
    assert.equal(start(cache), version);
    assert.notEqual(fs.readFileSync(file)[0], 7, 'the damaged cache was written anew');
    const outside = path.join(scratchDir('code-cache-outside-'), 'precious.txt');
    fs.writeFileSync(outside, 'mine');
    fs.rmSync(file);
    fs.symlinkSync(outside, file);
    assert.equal(start(cache), version);
    assert.equal(fs.readFileSync(outside, 'utf8'), 'mine');
    assert.ok(fs.lstatSync(file).isFile(), 'the link was replaced by the cache itself');
  });
});
