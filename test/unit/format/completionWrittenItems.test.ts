// Values already in a list are not offered again, as already-written keys are not (QA:
// `members: [ana, |]` offered `ana`, then SOC056 flagged it twice; `metrics: [density, |]` too).
import * as assert from 'node:assert/strict';
import { completionsAt, complete, type CompletionSources } from '../../../src/core/format';
import { cursorIn, projectOf, MAYA, LEO } from './editorFixtures';

const sources: CompletionSources = {
  personas: () => [{ id: 'ana' }, { id: 'leo' }, { id: 'maya' }],
  models: () => ['default', 'gpt'],
  includes: () => [],
};
function labels(marked: string) {
  const { lines, position } = cursorIn(marked);
  return completionsAt(lines, position, sources).map((i) => i.label);
}
const METRICS = 'kind: scenario\nexperiment:\n  conditions: [{ name: a }]\n  metrics: ';

describe('completion leaves out what the list already holds', () => {
  it('persona ids in a flow list, before and after the cursor, quoted or not', () => {
    assert.deepEqual(labels('kind: scenario\nworld:\n  rooms:\n    - name: r\n      members: [ana, |]'), [
      'leo',
      'maya',
    ]);
    assert.deepEqual(
      labels('kind: scenario\nworld:\n  rooms:\n    - name: r\n      members: [ana,|'),
      ['leo', 'maya'],
      'unclosed, no space yet',
    );
    assert.deepEqual(labels('kind: scenario\nworld:\n  rooms:\n    - { name: r, members: [|, "leo"] }'), [
      'ana',
      'maya',
    ]);
    assert.deepEqual(
      labels(
        'kind: scenario\nworld:\n  rooms:\n    - name: r\n      members: [ana, # first\n        |,\n        maya]',
      ),
      ['leo'],
      'over several lines, with a comment',
    );
    assert.deepEqual(
      labels('kind: scenario\nevents:\n  - { at: 2, remove: [leo, [ana], |] }'),
      ['ana', 'maya'],
      'a nested list is not a value of this one',
    );
  });

  it('persona ids in a block list', () => {
    const text =
      "kind: scenario\nworld:\n  rooms:\n    - name: r\n      members:\n        - ana # host\n        - |\n        - 'maya'\n    - name: s\n      members:\n        - leo\n";
    assert.deepEqual(labels(text), ['leo']);
    assert.deepEqual(
      labels('kind: scenario\nworld:\n  rooms:\n    - name: r\n      members:\n      - ana\n      - |\n'),
      ['leo', 'maya'],
      "dashes at the key's column",
    );
  });

  it('the value being typed or replaced is still offered', () => {
    assert.deepEqual(labels('kind: scenario\nworld:\n  rooms:\n    - name: r\n      members: [ana, le|o]'), [
      'leo',
      'maya',
    ]);
    assert.deepEqual(
      labels('kind: scenario\nworld:\n  rooms:\n    - name: r\n      members:\n        - ana\n        - ma|ya\n'),
      ['leo', 'maya'],
    );
  });

  it('enum values (experiment metrics), flow and block', () => {
    const flow = labels(`${METRICS}[density, |]`);
    assert.ok(flow.includes('reciprocity') && !flow.includes('density'), flow.join());
    const block = labels(`${METRICS}\n    - density\n    - ties\n    - |`);
    assert.ok(block.includes('reciprocity') && !block.includes('density') && !block.includes('ties'), block.join());
  });

  it('in the editor, over a project', async () => {
    const text =
      'kind: scenario\nname: S\npersonas:\n  - include: personas/*.society\nworld:\n  rooms:\n    - name: r\n      members: [maya, ]\n';
    const { project, file } = await projectOf({
      'personas/maya.society': MAYA,
      'personas/leo.society': LEO,
      's.society': text,
    });
    const got = await complete(project, file('s.society'), { line: 7, character: 22 });
    assert.deepEqual(
      got.map((i) => i.label),
      ['leo'],
    );
  });
});
