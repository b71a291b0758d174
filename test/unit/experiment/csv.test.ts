import * as assert from 'node:assert/strict';
import { analyzeExperiment, runsCsv, summaryCsv } from '../../../src/core/experiment';
import { csvCell } from '../../../src/core/experiment/csv';
import { outcome } from './fixtures';

describe('experiment CSV files', () => {
  it('neutralise text that a spreadsheet would run as a formula, but leave numbers alone', () => {
    assert.equal(csvCell('=HYPERLINK("http://evil.example","c")'), `"'=HYPERLINK(""http://evil.example"",""c"")"`);
    assert.equal(csvCell("+cmd|' /C calc'!A0"), "'+cmd|' /C calc'!A0");
    assert.equal(csvCell('-1+1'), "'-1+1");
    assert.equal(csvCell('@SUM(1)'), "'@SUM(1)");
    assert.equal(csvCell('\tTAB'), "'\tTAB");
    assert.equal(csvCell('\rx'), `"'\rx"`);
    assert.equal(csvCell(-0.25), '-0.25');
    assert.equal(csvCell(-4.440892098500626e-16), '-4.440892098500626e-16');
    assert.equal(csvCell('coached'), 'coached');
  });

  it('write control characters as escapes, so a file shown in a terminal cannot drive it (issue 41)', () => {
    assert.equal(csvCell('\u001b]0;PWNED\u0007 b'), '\\u001b]0;PWNED\\u0007 b');
    assert.equal(csvCell('nul\u0000byte'), 'nul\\u0000byte');
    assert.equal(csvCell('two\nlines'), '"two\nlines"');
  });

  it('summary.csv and runs.csv carry hostile condition names as inert text', () => {
    const names = ['=HYPERLINK("http://evil.example","c")', "+cmd|' /C calc'!A0", '-1+1', '@SUM(1)'];
    const r = analyzeExperiment(
      'x',
      names.map((name) => ({ name, set: {} })),
      [1],
      names.map((n) => outcome(n, 1, { group_assortativity: -0.5 })),
    );
    for (const csv of [summaryCsv(r), runsCsv(r)]) {
      const firstCells = csv
        .trim()
        .split('\n')
        .slice(1)
        .map((line) => line.replace(/^"/, ''));
      for (const cell of firstCells) assert.ok(!/^[=+\-@]/.test(cell), cell);
      assert.ok(
        csv.split('\n').every((line) => !/(^|,)[=+@]/.test(line)),
        'no cell starts a formula',
      );
    }
    assert.match(runsCsv(r), /^'-1\+1,1,0\.1,1,0\.5,0\.1,-0\.5,/m, 'negative numbers stay numbers');
  });
});
