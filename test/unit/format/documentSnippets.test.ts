// The snippets of snippets/society.json are offered by completion only where they fit (QA: the
// static contribution offered a whole persona document after `gender: ` and inside `traits: { `).
import * as assert from 'node:assert/strict';
import { DOCUMENT_SNIPPETS, snippetsAt } from '../../../src/core/format';
import { cursorIn } from './editorFixtures';

const at = (marked: string): string[] => {
  const { lines, position } = cursorIn(marked);
  return snippetsAt(lines, position).map((i) => i.label);
};
const item = (marked: string, label: string) => {
  const { lines, position } = cursorIn(marked);
  const found = snippetsAt(lines, position).find((i) => i.label === label);
  assert.ok(found, `${label} at ${JSON.stringify(marked)}`);
  return found;
};

describe('document snippets in context', () => {
  it('every snippet of snippets/society.json has a place', () => {
    assert.deepEqual(DOCUMENT_SNIPPETS.map((s) => s.prefix).sort(), [
      'event',
      'experiment',
      'memory',
      'persona',
      'population',
      'relationship',
      'scenario',
    ]);
  });

  it('whole documents only where a document starts: an empty file, after comments, after ---', () => {
    assert.deepEqual(at('|'), ['persona', 'scenario']);
    assert.deepEqual(at('pers|'), ['persona', 'scenario'], 'the editor filters by what was typed');
    assert.deepEqual(at('# my persona\n|'), ['persona', 'scenario']);
    assert.deepEqual(at('kind: persona\nid: a\n---\n|'), ['persona', 'scenario']);
    assert.deepEqual(at('kind: persona\nid: a\n|'), [], 'not inside a persona');
    assert.deepEqual(at('name: x\n|'), [], 'not in a document that has keys');
    assert.deepEqual(at('  |'), [], 'not indented');
  });

  it('experiment at the top level of a scenario that has none', () => {
    assert.deepEqual(at('kind: scenario\nname: s\n|'), ['experiment']);
    assert.deepEqual(at('kind: scenario\nname: s\nexperiment:\n  seeds: [1]\n|'), []);
    assert.deepEqual(at('kind: persona\nid: a\n|'), []);
    assert.deepEqual(at('kind: scenario\nworld:\n  |'), []);
  });

  it('list items only inside their list', () => {
    assert.deepEqual(at('kind: persona\nid: a\nrelationships:\n  |'), ['relationship']);
    assert.deepEqual(at('kind: persona\nid: a\nrelationships:\n  - with: b\n  |'), ['relationship']);
    assert.deepEqual(at('kind: persona\nid: a\nmemories:\n  |'), ['memory']);
    assert.deepEqual(at('kind: scenario\nevents:\n  |'), ['event']);
    assert.deepEqual(at('kind: scenario\npopulation:\n  |'), ['population']);
    assert.deepEqual(
      at('kind: scenario\npersonas:\n  - id: sam\n    relationships:\n      |'),
      ['relationship'],
      "an inline persona's list",
    );
    assert.deepEqual(at('kind: scenario\nrelationships:\n  |'), [], 'a scenario has no relationships');
  });

  it('after a lone `- ` the item is inserted without its dash', () => {
    const rel = item('kind: persona\nid: a\nrelationships:\n  - |', 'relationship');
    assert.match(rel.insertText, /^\{ with: \$\{1:persona_id\}/);
    assert.deepEqual(rel.range, { start: { line: 3, character: 4 }, end: { line: 3, character: 4 } });
    assert.equal(rel.kind, 'snippet');
    assert.match(item('kind: scenario\npopulation:\n  - |', 'population').insertText, /^group: /);
    assert.deepEqual(
      at('kind: persona\nid: a\nrelationships:\n  - tie: 0.5\n    |'),
      [],
      'not inside an item that has keys',
    );
  });

  it('nowhere else: values, flow mappings, nested keys, mid-line', () => {
    assert.deepEqual(at('kind: persona\ngender: |'), []);
    assert.deepEqual(at('kind: persona\ntraits: { |'), []);
    assert.deepEqual(at('kind: persona\nrelationships:\n  - with: |'), []);
    assert.deepEqual(at('kind: persona\nrelationships: [|]'), []);
    assert.deepEqual(at('kind: persona\ntraits:\n  |'), []);
    assert.deepEqual(at('|kind: persona'), [], 'not before text on the same line');
    assert.deepEqual(at('kind: persona\nbio: |\n  some |text'), [], 'not in a block scalar');
  });

  it('items carry the description and a preview with the defaults filled in', () => {
    const persona = item('|', 'persona');
    assert.equal(persona.detail, 'A persona document');
    assert.match(
      persona.documentation!,
      /^A persona document: one agent .*\n\n```yaml\nkind: persona\nid: maya_chen\n/,
    );
    assert.ok(persona.snippet);
    assert.equal(persona.insertText.split('\n')[0], 'kind: persona');
  });
});
