// An alias with no anchor set before it (`smart: *nope`) is reported on the alias (QA: at line 1
// column 1, spanning the whole document).
import * as assert from 'node:assert/strict';
import { parseSociety } from '../../../src/core/format';

const problems = (text: string) =>
  parseSociety(text, '/virtual/x.society').diagnostics.map((d) => ({
    code: d.code,
    message: d.message,
    range: d.range,
  }));
const at = (line: number, from: number, to: number) => ({
  start: { line, character: from },
  end: { line, character: to },
});
const unresolved = (source: string) =>
  `YAML value could not be read: Unresolved alias (the anchor must be set before the alias): ${source}`;

describe('YAML aliases', () => {
  it('an unresolved alias is reported on the alias itself', () => {
    assert.deepEqual(problems('kind: scenario\nname: s\nmodels:\n  smart: *nope\n'), [
      { code: 'SOC001', message: unresolved('nope'), range: at(3, 9, 14) },
    ]);
  });

  it('each unresolved alias, once; aliases whose anchor comes first are fine', () => {
    const text =
      'kind: scenario\nname: s\nmodels:\n  a: &x { provider: offline }\n  smart: *nope\n  b: *x\n  early: [*later, &later { provider: offline }]\n';
    assert.deepEqual(problems(text), [
      { code: 'SOC001', message: unresolved('nope'), range: at(4, 9, 14) },
      { code: 'SOC001', message: unresolved('later'), range: at(6, 10, 16) },
    ]);
  });

  it('other failures to read the value still cover the document', () => {
    // A billion laughs: every alias resolves, but there are too many to expand.
    const text = `kind: scenario\na: &a [x, x, x, x, x, x, x, x, x, x]\n${Array.from({ length: 6 }, (_, i) => `${'bcdefg'[i]}: &${'bcdefg'[i]} [${Array(10).fill(`*${'abcdef'[i]}`).join(', ')}]`).join('\n')}\n`;
    const [p, ...rest] = problems(text);
    assert.deepEqual(rest, []);
    assert.match(p.message, /^YAML value could not be read: Excessive alias count/);
    assert.deepEqual(p.range.start, { line: 0, character: 0 });
  });
});
