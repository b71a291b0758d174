// A UTF-8 byte order mark at the start of a file is no column: VS Code strips it from the
// document text, so positions on line 1 count without it, from disk (CLI) as in the editor
// (QA: `kind: persnoa` after a BOM reported at 1:8, not 1:7).
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseSociety, SocietyWorkspace, NodeFileSystem } from '../../../src/core/format';
import { ChunkCache, parseChunked } from '../../../src/core/format/syntax/chunked';
import { validateDocument } from '../../../src/core/format/schema/validate';
import { scenarioWithInlinePersonas } from '../../../bench/generate';
import { scratchDir } from '../../support/scratch';

const BOM = '\uFEFF';
const repo = path.resolve(__dirname, '../../..');

function positions(text: string, cache?: ChunkCache): string[] {
  const parsed = parseSociety(text, '/v/x.society', cache);
  return [...parsed.diagnostics, ...parsed.documents.flatMap((d) => validateDocument(parsed, d))]
    .map(
      (d) => `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.code}`,
    )
    .sort();
}

describe('byte order mark', () => {
  it('line 1 columns are the same with and without it', () => {
    const text = 'kind: persnoa\nid: a\nname: A\n';
    assert.deepEqual(positions(BOM + text), positions(text));
    const workspace = new SocietyWorkspace(new NodeFileSystem(), '/');
    const [unknownKind] = workspace.analyzeText('/v/a.society', BOM + text).diagnostics;
    assert.deepEqual(unknownKind.range.start, { line: 0, character: 6 });
  });

  it('also in a large file parsed in chunks', () => {
    const text = scenarioWithInlinePersonas(170)
      .replace('kind: scenario\nname: Generated\nseed: 1\n', 'seed: many\nkind: scenario\nname: Generated\n')
      .replace('  - id: p3\n', '  - id: p3\n    nmae: X\n');
    assert.ok(text.length > 64 * 1024 && parseChunked(text, new ChunkCache()), 'parsed in chunks');
    const expected = positions(text, new ChunkCache());
    assert.ok(
      expected.some((p) => p.startsWith('0:6-0:10 ')) && expected.some((p) => p.endsWith('SOC011')),
      expected.join('\n'),
    );
    assert.deepEqual(positions(BOM + text, new ChunkCache()), expected);
  });

  it('society check reports line 1 columns without it, also in --json', () => {
    const dir = scratchDir('society-bom-');
    fs.writeFileSync(path.join(dir, 'a.society'), `${BOM}kind: persnoa\nid: a\nname: A\n`);
    const check = (args: string[]) =>
      spawnSync(process.execPath, [path.join(repo, 'bin/society.js'), 'check', ...args, 'a.society'], {
        cwd: dir,
        encoding: 'utf8',
      });
    assert.match(check([]).stdout, /^a\.society:1:7: error SOC003 Unknown kind 'persnoa'/m);
    const [d] = JSON.parse(check(['--json']).stdout).diagnostics;
    assert.deepEqual([d.range.start, d.line, d.column], [{ line: 0, character: 6 }, 1, 7]);
  });
});
