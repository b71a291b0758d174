import * as assert from 'node:assert/strict';
import { printable } from '../../../src/core/text/printable';

describe('printable text', () => {
  it('shows terminal control sequences as escapes and leaves the rest', () => {
    assert.equal(
      printable('esc \u001b[31mRED\u001b[0m \u001b]0;TITLE\u0007 end'),
      'esc \\u001b[31mRED\\u001b[0m \\u001b]0;TITLE\\u0007 end',
    );
    assert.equal(printable('a\u009bb\u007fc\rd'), 'a\\u009bb\\u007fc\\u000dd');
    assert.equal(printable('Zoë\tand 名前\n'), 'Zoë\tand 名前\n');
  });
});
