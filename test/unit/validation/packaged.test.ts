// The .vsix ships the validation library where the bundled CLI looks for it (dist/../validation):
// `society validate` from an installed extension finds every entry, its reference and its files.
import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { libraryDir } from '../../../src/cli/commands/validate';

const repo = path.resolve(__dirname, '../../..');

const filesUnder = (dir: string): string[] =>
  fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? filesUnder(path.join(dir, e.name)) : [path.join(dir, e.name)]));

describe('the validation library in the .vsix', function () {
  it('is found beside the bundle, and vsce packages every file of it', async () => {
    assert.equal(libraryDir(path.join(repo, 'dist')), path.join(repo, 'validation'));
    const vsce = path.join(repo, 'node_modules', '@vscode', 'vsce', 'vsce');
    const { stdout } = await promisify(execFile)(process.execPath, [vsce, 'ls', '--no-dependencies'], { cwd: repo });
    const listed = new Set(stdout.split('\n').map((l) => l.trim()));
    const library = filesUnder(path.join(repo, 'validation')).map((f) =>
      path.relative(repo, f).split(path.sep).join('/'),
    );
    assert.ok(library.length > 0);
    assert.deepEqual(
      library.filter((f) => !listed.has(f)),
      [],
    );
  });
});
