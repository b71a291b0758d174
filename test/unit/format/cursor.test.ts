import * as assert from 'node:assert/strict';
import { cursorContext } from '../../../src/core/format';
import { cursorIn } from './editorFixtures';

function ctx(marked: string) {
  const { lines, position } = cursorIn(marked);
  return cursorContext(lines, position);
}

describe('cursor context (tolerant of half-typed YAML)', () => {
  it('a key being typed at the root of a persona, with the keys already present', () => {
    const c = ctx('kind: persona\nid: a\noccu|\nname: A\n')!;
    assert.equal(c.role, 'key');
    assert.deepEqual(c.path, []);
    assert.equal(c.prefix, 'occu');
    assert.equal(c.kind, 'persona');
    assert.deepEqual(c.existingKeys.sort(), ['id', 'kind', 'name']);
    assert.deepEqual(c.replace, { start: { line: 2, character: 0 }, end: { line: 2, character: 4 } });
  });

  it('a blank line: the column decides the mapping', () => {
    assert.deepEqual(ctx('kind: persona\ntraits:\n  |\n')!.path, ['traits']);
    assert.deepEqual(ctx('kind: persona\ntraits:\n  openness: 1\n|\n')!.path, []);
  });

  it('keys and values inside flow mappings and lists', () => {
    const key = ctx('kind: persona\ntraits: { openness: 0.8, ex| }\n')!;
    assert.deepEqual(
      [key.role, key.path, key.prefix, key.flow, key.existingKeys],
      ['key', ['traits'], 'ex', true, ['openness']],
    );
    const value = ctx('kind: persona\nmotivations: { social: 0.|')!;
    assert.deepEqual([value.role, value.path, value.prefix], ['value', ['motivations', 'social'], '0.']);
    const item = ctx('kind: persona\ninterests: [a, b, c|')!;
    assert.deepEqual([item.role, item.path], ['value', ['interests', 2]]);
  });

  it('deep paths through lists count the items above', () => {
    const c = ctx(
      'kind: scenario\nname: x\npersonas:\n  - include: a\n  - id: p1\n    relationships:\n      - with: q\n      - { with: |',
    )!;
    assert.deepEqual([c.role, c.path], ['value', ['personas', 1, 'relationships', 1, 'with']]);
    const block = ctx('kind: scenario\npersonas:\n  - id: p1\n    relationships:\n      - with: q\n        |')!;
    assert.deepEqual(
      [block.role, block.path, block.existingKeys],
      ['key', ['personas', 0, 'relationships', 0], ['with']],
    );
  });

  it("compact lists (dash at the key's column) and nested owners", () => {
    const c = ctx('kind: scenario\npersonas:\n- include: a\n- |\n')!;
    assert.deepEqual(c.path, ['personas', 1]);
    const deep = ctx('kind: scenario\nworld:\n  rooms:\n    - name: r\n      members:\n        - |')!;
    assert.deepEqual(deep.path, ['world', 'rooms', 0, 'members', 0]);
  });

  it("a list item's first key picks the include branch of a personas item", () => {
    const c = ctx('kind: scenario\npersonas:\n  - include: p|')!;
    assert.deepEqual([c.role, c.path, c.prefix], ['value', ['personas', 0, 'include'], 'p']);
    assert.deepEqual({ ...c.partial }, { personas: [{ include: true }] });
  });

  it('a flow list continued over lines', () => {
    const c = ctx('kind: scenario\npopulation:\n  - group: g\n    names: [Amira, Ben,\n            Mi|')!;
    assert.deepEqual([c.role, c.path, c.prefix], ['value', ['population', 0, 'names', 2], 'Mi']);
  });

  it('documents after --- have their own index and kind', () => {
    const c = ctx('kind: scenario\nname: a\n---\nkind: persona\nid: b\nmo|')!;
    assert.deepEqual([c.docIndex, c.kind, c.existingKeys.sort()], [1, 'persona', ['id', 'kind']]);
    const lead = ctx('---\nkind: persona\nid: b\nmo|')!;
    assert.equal(lead.docIndex, 0);
  });

  it('nothing in comments, block text or on a document marker', () => {
    assert.equal(ctx('kind: persona\n# say |'), undefined);
    assert.equal(ctx('kind: persona\nname: a # note |'), undefined);
    assert.equal(ctx('kind: persona\nbio: >\n  Moved to |'), undefined);
    assert.equal(ctx('kind: persona\n--|-\n'), undefined);
  });

  it('a # inside quotes is not a comment', () => {
    assert.equal(ctx('kind: persona\nname: "a #b|')!.role, 'value');
  });
});
