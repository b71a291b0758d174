// A key indented more than the one above it: yaml reports "Nested mappings are not allowed in
// compact mappings" (and "Implicit keys need to be on a single line") at the value above; the
// diagnostic says what happened and points at the over-indented key (QA: reported on the line
// before, in the parser's words only).
import * as assert from 'node:assert/strict';
import { parseSociety } from '../../../src/core/format';

const problems = (text: string) =>
  parseSociety(text, '/virtual/x.society').diagnostics.map((d) => ({
    code: d.code,
    message: d.message,
    line: d.range.start.line + 1,
    character: d.range.start.character,
  }));

describe('YAML syntax errors: an over-indented key', () => {
  it('is reported once, on the key that is indented too far, naming the key above', () => {
    const [p, ...rest] = problems('kind: scenario\nname: x\nworld:\n  setting: A room.\n    rounds: 8\n');
    assert.deepEqual(rest, []);
    assert.equal(p.code, 'SOC001');
    assert.deepEqual([p.line, p.character], [5, 4]);
    assert.equal(
      p.message,
      "YAML syntax error: 'rounds' is indented 4 spaces, more than 'setting' on line 4 (2), so it reads as part of the value of 'setting': " +
        "indent it as 'setting' is (yaml: nested mappings are not allowed in compact mappings)",
    );
  });

  it('at the top level, in list items, and after a continued value', () => {
    assert.deepEqual(
      problems('kind: persona\nid: a\nname: A\n  age: 3\n').map((p) => [
        p.line,
        p.character,
        /'age' is indented 2 spaces, more than 'name' on line 3 \(0\)/.test(p.message),
      ]),
      [[4, 2, true]],
    );
    const item = problems('kind: persona\nid: a\nmemories:\n  - text: hello\n      importance: 3\n');
    assert.deepEqual(
      item.map((p) => [p.line, p.character]),
      [[5, 6]],
    );
    assert.match(item[0].message, /'importance' is indented 6 spaces, more than 'text' on line 4 \(4\)/);
    const continued = problems('kind: persona\nid: a\nbio: Moved here\n  last month.\n  age: 3\n');
    assert.deepEqual(
      continued.map((p) => p.line),
      [5],
    );
    assert.match(continued[0].message, /'age' is indented 2 spaces, more than 'bio' on line 3/);
  });

  it("other syntax errors keep the parser's words", () => {
    const [p] = problems('kind: persona\nid: a\n- b\n');
    assert.match(p.message, /^YAML syntax error: /);
    assert.doesNotMatch(p.message, /indented/);
  });
});

describe("YAML syntax errors: an unquoted ': ' in a value (issue 41: 15)", () => {
  it('says to quote the value, with the line as it would be, over the value', () => {
    const [p, ...rest] = problems('kind: persona\nid: a\nname: A\nbio: Note: she likes tea  # mine\n');
    assert.deepEqual(rest, []);
    assert.deepEqual([p.code, p.line, p.character], ['SOC001', 4, 5]);
    assert.equal(
      p.message,
      `YAML syntax error: the value 'Note: she likes tea' holds ': ', which YAML reads as the start of a mapping inside it; put the value in quotes: write bio: "Note: she likes tea" (yaml: nested mappings are not allowed in compact mappings)`,
    );
    const [item] = problems('kind: persona\nid: a\nmemories:\n  - text: He said "hi": twice\n');
    assert.match(item.message, /put the value in quotes: write - text: "He said \\"hi\\": twice"/);
  });

  it('an over-indented key is still named as one', () => {
    const [p] = problems('kind: persona\nid: a\nname: A\nbio: Moved: here\n  age: 3\n');
    assert.match(p.message, /'age' is indented 2 spaces, more than 'bio'/);
  });
});
