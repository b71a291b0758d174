// Every diagnostic code has its row in docs/diagnostics.md, which the editor links each problem's
// code to (extension/language/diagnosticDocs.ts).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CODES } from '../../../src/core/format/model/diagnostics';
import { diagnosticDocLines } from '../../../src/core/format/model/diagnosticDocs';

describe('diagnostic codes link to their docs', () => {
  it('finds each code of CODES on a row of docs/diagnostics.md', () => {
    const text = fs.readFileSync(path.resolve(__dirname, '../../../docs/diagnostics.md'), 'utf8');
    const lines = diagnosticDocLines(text);
    // The rows are written from DIAGNOSTIC_MEANINGS (npm run docs:reference), which the compiler
    // holds to CODES both ways; here, that the editor's link finds each on its own line.
    const missing = Object.keys(CODES).filter((c) => !lines.has(c));
    assert.deepEqual(
      missing,
      [],
      `docs/diagnostics.md: no row for ${missing.join(', ')} (src/core/format/model/diagnostics.ts)`,
    );
    const unknown = [...lines.keys()].filter((c) => !(c in CODES));
    assert.deepEqual(unknown, [], `docs/diagnostics.md: a row for ${unknown.join(', ')}, which CODES does not hold`);
    const rows = text.split('\n');
    for (const [code, line] of lines) assert.ok(rows[line - 1].includes(`| ${code} |`), code);
  });

  it('reads the first row of a code, not a mention in prose', () => {
    const md = 'SOC001 is mentioned here\n| code | meaning |\n| --- | --- |\n| SOC001 | YAML |\n| SOC001 | again |\n';
    assert.deepEqual([...diagnosticDocLines(md)], [['SOC001', 4]]);
  });
});
