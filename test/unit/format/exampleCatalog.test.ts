// The examples New Society and Open Example offer (issue 73): every shipped paradigm, read from the
// folder, with its name and description; and a copy renamed as a person names their society.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { parse } from 'yaml';
import { renamedScenario, shippedExamples } from '../../../src/core/format/service/exampleCatalog';

const examples = path.resolve(__dirname, '../../../examples');

describe('the shipped examples, as the editor offers them', () => {
  it('lists every paradigm the studio ships, friendship first, each with a name and description', () => {
    const list = shippedExamples(examples);
    const ids = list.map((e) => e.id);
    assert.equal(ids[0], 'friends');
    for (const id of ['public-goods', 'ultimatum', 'trust', 'commons', 'town', 'expert-team', 'dictator']) {
      assert.ok(ids.includes(id), `${id} is offered`);
    }
    assert.ok(!ids.includes('cluster'), 'a folder without a scenario of its name is not an example');
    for (const e of list) assert.ok(e.name && e.description, `${e.id} has a name and a description`);
  });

  it('renames a copy, quoting what YAML would misread', () => {
    const text = 'kind: scenario\nname: Public goods\ndescription: x\npersonas:\n  - { id: a, name: A }\n';
    const renamed = renamedScenario(text, 'Ours: a #test');
    assert.equal((parse(renamed) as { name: string }).name, 'Ours: a #test');
    assert.equal((parse(renamed) as { personas: { name: string }[] }).personas[0].name, 'A');
  });

  it('gives nothing for a folder that is not there', () => {
    assert.deepEqual(shippedExamples(path.join(examples, 'nope')), []);
  });
});
