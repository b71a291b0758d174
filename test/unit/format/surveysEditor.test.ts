// Surveys in the editor (issue 48): a survey's `to` completes the personas, hovers say who, and
// renaming a persona reaches it; a hover on a survey key shows the schema's description.
import * as assert from 'node:assert/strict';
import { complete, hoverAt } from '../../../src/core/format';
import { renamePersona } from '../../../src/core/format/service/references';
import { cursorIn, projectOf } from './editorFixtures';

const HEAD = [
  'kind: scenario',
  'name: S',
  'personas:',
  '  - { id: lead, name: Robin, group: crew }',
  '  - { id: ada, name: Ada }',
];

describe('surveys in the editor', () => {
  it('`to` completes persona ids, hovers and renames as persona references', async () => {
    const own = cursorIn(`${HEAD.join('\n')}\nsurveys:\n  - { instrument: mini-ipip, to: [|] }\n`);
    const { project, file } = await projectOf({ 's.society': own.text });
    const ids = (await complete(project, file('s.society'), own.position)).map((i) => i.label);
    for (const id of ['lead', 'ada']) assert.ok(ids.includes(id), `${id} in ${ids.join(', ')}`);

    const text = `${HEAD.join('\n')}\nsurveys:\n  - { instrument: mini-ipip, to: [lead], remember: true }\n`;
    const p = await projectOf({ 's.society': text });
    const h = await hoverAt(p.project, p.file('s.society'), text.indexOf('to: [lead]') + 6);
    assert.match(h!.markdown, /Robin/);
    const r = await renamePersona(p.project, p.file('s.society'), text.indexOf('id: lead') + 5, 'boss');
    assert.ok('edit' in r);
    assert.equal(r.edit.get(p.file('s.society'))?.length, 2, 'the id and the survey');
    const key = await hoverAt(p.project, p.file('s.society'), text.indexOf('remember') + 2);
    assert.match(key!.markdown, /enters the agent's memory/);
  });
});
