// Every file the studio writes goes through its one writer (core/files/safeWrite.ts; the editor's
// commands through extension/writeFile.ts, which calls it for files on disk): issue 87's kind was
// a writer that opened a name and wrote, following a link a shared folder carried. A new writer
// that calls the file system directly is named here, with the line, before it ships.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

const SRC = path.resolve(__dirname, '../../../src');

/** The writers themselves, and the two that create a file exclusively (`wx`: never through a link). */
const WRITERS = new Set([
  'core/files/safeWrite.ts',
  'core/files/ourFiles.ts', // the machine's key, created exclusively with mode 0600
  'core/files/folderLock.ts', // the lock file, created exclusively
  'extension/writeFile.ts', // a file of another file system (remote, virtual): VS Code writes it
]);

/** Calls that write a file by its name. (`createWriteStream('', { fd })` on a descriptor the writer opened is not one.) */
const DIRECT =
  /\bfs\.(?:writeFileSync|appendFileSync|writeFile|appendFile)\(|\bfs\.promises\.(?:writeFile|appendFile)\(|workspace\.fs\.writeFile\(|createWriteStream\((?!'',)/;

function sources(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) =>
      e.isDirectory() ? sources(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : [],
    );
}

describe('architecture: one writer', () => {
  it('no file in src/ writes by name outside the writers', () => {
    const found: string[] = [];
    for (const file of sources(SRC)) {
      const rel = path.relative(SRC, file).split(path.sep).join('/');
      if (WRITERS.has(rel)) continue;
      fs.readFileSync(file, 'utf8')
        .split('\n')
        .forEach((line, i) => {
          if (!line.trim().startsWith('//') && DIRECT.test(line)) found.push(`${rel}:${i + 1} ${line.trim()}`);
        });
    }
    assert.deepEqual(found, [], 'write through core/files/safeWrite.ts (or extension/writeFile.ts in the editor)');
  });

  it('the pattern names the direct writes it is for', () => {
    for (const line of [
      'fs.writeFileSync(file, text);',
      'await vscode.workspace.fs.writeFile(target, bytes);',
      'await fs.promises.writeFile(p, t);',
      'fs.createWriteStream(file)',
    ]) {
      assert.ok(DIRECT.test(line), line);
    }
    assert.ok(!DIRECT.test("fs.createWriteStream('', { fd: openForWriting(file, 'replace') })"));
  });
});
