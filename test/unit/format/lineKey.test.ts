// The `key:` matcher completion runs on every line it scans, per keystroke: the same matches as
// the regex it replaced, in time linear in the line's length.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { lineKey } from '../../../src/core/format/syntax/lineKey';

/** The former regex: the oracle for short lines (quadratic on runs of spaces). */
const FORMER = /^("(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^\s#'"{[\]},:-][^#:]*?|-[^\s#:][^#:]*?)\s*:(?=\s|$)/;
function former(text: string) {
  const m = FORMER.exec(text);
  return m ? { raw: m[1], length: m[0].length } : undefined;
}

describe('lineKey', () => {
  it('reads keys as the former regex did', () => {
    const lines = [
      'name: Maya',
      'name:',
      'name :',
      'name  \t: x',
      'a b  : c',
      'url: http://x:80',
      'a:b',
      'a:b: c',
      '"quoted key": 1',
      '"q\\"k" : 1',
      "'it''s': 1",
      "'a' b: 1",
      '-x: 1',
      '- x: 1',
      '-: 1',
      '# c: 1',
      'x # y: 1',
      '{a: 1}',
      '[a]: 1',
      ' a: 1',
      'k\u00a0: v',
      '',
      ':',
      'a',
    ];
    for (const line of lines) assert.deepEqual(lineKey(line), former(line), JSON.stringify(line));
  });

  it('reads keys as the former regex did (5,000 random lines)', () => {
    const unit = fc.constantFrom(
      ' ',
      ' ',
      '\t',
      'a',
      'b',
      '-',
      ':',
      ':',
      '#',
      '"',
      "'",
      '\\',
      '{',
      '[',
      ']',
      '}',
      ',',
      '\u00a0',
    );
    fc.assert(
      fc.property(fc.string({ maxLength: 24, unit }), (line) => {
        assert.deepEqual(lineKey(line), former(line));
      }),
      { numRuns: 5000, seed: 4 },
    );
  });

  it('is linear on a long run of spaces (100,000 took the former regex over ten seconds)', function () {
    this.timeout(3000);
    const spaces = ' '.repeat(100_000);
    assert.equal(lineKey(`a${spaces}b`), undefined);
    assert.deepEqual(lineKey(`a${spaces}b :`), { raw: `a${spaces}b`, length: 100_004 });
  });
});
