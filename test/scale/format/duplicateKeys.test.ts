// A duplicate key given 200,000 times (SOC002): every copy marked, each naming the one that
// counts, in one pass (a list copied per copy made it minutes, a spread push then threw).
// The unit side of duplicate keys: test/unit/format/duplicateKeys.test.ts.
import * as assert from 'node:assert/strict';
import { parseSociety } from '../../../src/core/format/syntax/parse';

describe('duplicate keys, many', function () {
  it('given 200,000 times: every copy marked, without running out of stack (a list copied per copy made it minutes, a spread push then threw)', () => {
    const n = 200_000;
    const text = [
      'kind: scenario',
      'name: Dups',
      'world: { rounds: 1 }',
      'personas:',
      '  - id: a',
      ...Array(n).fill('    name: A'),
      '',
    ].join('\n');
    const dups = parseSociety(text, '/virtual/dups.society').diagnostics.filter((d) => d.code === 'SOC002');
    assert.equal(dups.length, n);
    assert.equal(dups[n - 1].range.start.line, 4 + n);
    assert.match(
      dups[n - 1].message,
      /the last one counts, so the ones on lines 6, 7, 8, 9, 10, 11, 12, 13 and 199,991 more are ignored/,
    );
    assert.equal(dups[n - 1].related?.length, n - 1);
  });
});
