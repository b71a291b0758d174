// Text nested deeper than yaml safely reads is refused before yaml sees it (QA: checking two
// deeply bracketed files in one process aborted Node with "RegExpCompiler Allocation failed":
// in VS Code that process is the extension host).
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { MAX_NESTING, nestingPast } from '../../../src/core/format/syntax/nestingDepth';
import { parseSociety } from '../../../src/core/format/syntax/parse';
import { ChunkCache } from '../../../src/core/format/syntax/chunked';
import { scratchDir } from '../../support/scratch';

const repo = path.resolve(__dirname, '../../..');

function societyFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? societyFiles(p) : e.name.endsWith('.society') ? [p] : [];
  });
}

describe('nesting depth', () => {
  it('finds where brackets, indentation or list markers pass the limit', () => {
    assert.equal(nestingPast(`x: ${'['.repeat(10)}`, 10), 3 + 9);
    assert.equal(nestingPast(`x: ${'['.repeat(9)}${']'.repeat(9)}`, 10), undefined);
    assert.equal(nestingPast(`${'- '.repeat(11)}x`, 10), 2 * 10);
    assert.equal(nestingPast(`a:\n${' '.repeat(11)}b: 1`, 10), 3 + 11);
    assert.equal(
      nestingPast('k:\n' + Array.from({ length: 20 }, (_, i) => `${' '.repeat(i)}k:`).join('\n'), 10) !== undefined,
      true,
    );
  });

  it('does not count brackets in quoted strings, comments or block scalars', () => {
    const open = '['.repeat(40);
    assert.equal(nestingPast(`a: "${open}"\nb: '${open}'\nc: 1 # ${open}\n`, 10), undefined);
    assert.equal(nestingPast(`bio: |\n  ${open}\n\n  more ${open}\nnext: [1]\n`, 10), undefined);
    assert.equal(nestingPast(`- >-\n    ${open}\n- x\n`, 10), undefined);
    // A block scalar ends where the indentation does: brackets after it count again.
    assert.equal(nestingPast(`bio: |\n  text\nx: ${open}\n`, 10) !== undefined, true);
  });

  it('passes every example and test fixture', () => {
    const files = [...societyFiles(path.join(repo, 'examples')), ...societyFiles(path.join(repo, 'test/fixtures'))];
    assert.ok(files.length > 20, `${files.length} files`);
    for (const f of files) assert.equal(nestingPast(fs.readFileSync(f, 'utf8')), undefined, f);
  });

  it('keeps too deep a file from yaml, with one error where the limit is passed', () => {
    const text = `kind: scenario\nname: deep\npeople:\n${'  - '.repeat(3)}${'{a: '.repeat(MAX_NESTING)}1\n`;
    const parsed = parseSociety(text, 'deep.society');
    assert.deepEqual(parsed.documents, []);
    assert.equal(parsed.diagnostics.length, 1);
    assert.equal(parsed.diagnostics[0].range.start.line, 3);
  });

  it("keeps a too deep item from yaml in the editor's incremental parse too", () => {
    const item = (i: number) => `  - id: p${i}\n    name: Person ${i}\n    bio: ${'x'.repeat(40)}\n`;
    const many = Array.from({ length: 2000 }, (_, i) => item(i)).join('');
    const text = `kind: scenario\nname: big\npersonas:\n${many}`;
    const cache = new ChunkCache();
    assert.deepEqual(
      parseSociety(text, 'big.society', cache).diagnostics.filter((d) => d.severity === 'error'),
      [],
    );
    const deep = text.replace('bio: xxxx', `bio: ${'['.repeat(5000)}`);
    const parsed = parseSociety(deep, 'big.society', cache);
    assert.equal(parsed.diagnostics.length, 1);
    assert.match(parsed.diagnostics[0].message, /nested too deeply to read/);
  });

  it('checks deeply nested files one after another without aborting the process', function () {
    const dir = scratchDir('society-deep-');
    const files = [
      `x: ${'['.repeat(5000)}${']'.repeat(5000)}\n`,
      `${'- '.repeat(5000)}x\n`,
      Array.from({ length: 3000 }, (_, i) => `${' '.repeat(i)}k:`).join('\n') + ' 1\n',
      `x: ${'{a: '.repeat(5000)}1${'}'.repeat(5000)}\n`,
      Array.from({ length: 60 }, () => '['.repeat(20 + Math.floor(Math.random() * 40))).join('\n'),
    ].map((text, i) => {
      const f = path.join(dir, `d${i}.society`);
      fs.writeFileSync(f, text);
      return f;
    });
    const r = spawnSync(process.execPath, [path.join(repo, 'bin/society.js'), 'check', ...files, ...files], {
      encoding: 'utf8',
    });
    assert.equal(r.signal, null, r.stderr.slice(0, 400));
    assert.equal(r.status, 1, r.stderr.slice(0, 400));
    assert.equal((r.stdout.match(/nested too deeply to read/g) ?? []).length, files.length, r.stdout);
  });
});
