import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { definitionAt, referencesAt, prepareRename, renamePersona, hoverAt } from '../../../src/core/format';
import { projectOf, applyEdits, textAt, MAYA, LEO, SCENARIO } from './editorFixtures';
import * as fs from 'node:fs';

const files = {
  'personas/maya.society': MAYA,
  'personas/leo.society': LEO,
  's.society': SCENARIO,
  'elsewhere/s2.society':
    'kind: scenario\nname: Other\npersonas:\n  - { id: maya, name: Another Maya }\n  - { id: bo, name: Bo, relationships: [{ with: maya }] }\n',
};
const offsetOf = (text: string, needle: string, nth = 0): number => {
  let at = -1;
  for (let i = 0; i <= nth; i++) at = text.indexOf(needle, at + 1);
  if (at < 0) throw new Error(`${needle} not found`);
  return at;
};

describe('navigation: definition, references, rename, hover', () => {
  it('go to definition: persona id → its definition; include → files; model → models entry', async () => {
    const { project, file } = await projectOf(files);
    const defs = await definitionAt(project, file('personas/leo.society'), offsetOf(LEO, 'maya'));
    assert.deepEqual(
      defs.map((d) => [d.file, d.range.start.line]),
      [[file('personas/maya.society'), 1]],
    );
    const inc = await definitionAt(project, file('s.society'), offsetOf(SCENARIO, 'personas/*'));
    assert.deepEqual(
      inc.map((d) => path.basename(d.file)),
      ['leo.society', 'maya.society'],
    );
    const other = await definitionAt(
      project,
      file('elsewhere/s2.society'),
      offsetOf(files['elsewhere/s2.society'], 'with: maya') + 6,
    );
    assert.deepEqual(
      other.map((d) => d.file),
      [file('elsewhere/s2.society')],
      'ids are scoped to their scenario',
    );
    const { project: p2, file: f2 } = await projectOf({
      's.society':
        'kind: scenario\nname: S\nmodels:\n  gpt: { provider: openai }\npersonas:\n  - { id: a, name: A, model: gpt }\n',
    });
    const model = await definitionAt(
      p2,
      f2('s.society'),
      'kind: scenario\nname: S\nmodels:\n  gpt: { provider: openai }\npersonas:\n  - { id: a, name: A, model: g'.length,
    );
    assert.deepEqual(
      model.map((d) => d.range.start),
      [{ line: 3, character: 2 }],
    );
  });

  it('find all references, with or without the declaration', async () => {
    const { project, file } = await projectOf(files);
    const refs = await referencesAt(project, file('personas/maya.society'), offsetOf(MAYA, 'maya'), true);
    assert.deepEqual(refs.map((r) => `${path.basename(r.file)}:${r.range.start.line}:${r.kind}`).sort(), [
      'leo.society:5:reference',
      'maya.society:1:definition',
      's.society:12:reference',
      's.society:8:reference',
    ]);
    const noDecl = await referencesAt(project, file('s.society'), offsetOf(SCENARIO, 'leo]'), false);
    assert.deepEqual(noDecl.map((r) => `${path.basename(r.file)}:${r.range.start.line}`).sort(), [
      'maya.society:8',
      's.society:12',
      's.society:14',
    ]);
  });

  it('rename a persona id across files in one edit, leaving other scenarios alone', async () => {
    const { project, file } = await projectOf(files);
    const prep = await prepareRename(project, file('s.society'), offsetOf(SCENARIO, 'maya'));
    assert.ok('range' in prep);
    assert.equal(prep.placeholder, 'maya');
    const result = await renamePersona(project, file('s.society'), offsetOf(SCENARIO, 'maya'), 'maya_chen');
    assert.ok('edit' in result);
    assert.deepEqual([...result.edit.keys()].map((f) => path.relative(path.dirname(file('s.society')), f)).sort(), [
      'personas/leo.society',
      'personas/maya.society',
      's.society',
    ]);
    for (const [f, edits] of result.edit) {
      const before = fs.readFileSync(f, 'utf8');
      for (const e of edits) assert.equal(textAt(before, e.range), 'maya');
      fs.writeFileSync(f, applyEdits(before, edits));
    }
    assert.match(fs.readFileSync(file('s.society'), 'utf8'), /members: \[maya_chen, leo\]/);
    const after = await project.update([...result.edit.keys()]);
    for (const list of after.values()) assert.deepEqual(list, []);
  });

  it('rename refuses invalid or taken ids, and non-id positions', async () => {
    const { project, file } = await projectOf(files);
    const at = offsetOf(SCENARIO, 'maya');
    assert.match(
      ((await renamePersona(project, file('s.society'), at, 'Maya')) as { error: string }).error,
      /not a valid persona id/,
    );
    assert.match(
      ((await renamePersona(project, file('s.society'), at, 'leo')) as { error: string }).error,
      /already exists/,
    );
    assert.match(
      ((await renamePersona(project, file('s.society'), at, 'null')) as { error: string }).error,
      /boolean or null/,
    );
    assert.ok('error' in (await prepareRename(project, file('s.society'), offsetOf(SCENARIO, 'Small'))));
  });

  it('hover: schema docs for keys, a card for persona ids, files for includes', async () => {
    const { project, file } = await projectOf(files);
    const key = await hoverAt(project, file('personas/maya.society'), offsetOf(MAYA, 'occupation'));
    assert.match(key!.markdown, /^\*\*occupation\*\* · string\n\nOccupation; offered as small talk/);
    assert.equal(textAt(MAYA, key!.range), 'occupation');
    const required = await hoverAt(project, file('personas/maya.society'), offsetOf(MAYA, 'name'));
    assert.match(required!.markdown, /\*\*name\*\* · required · string/);
    const card = await hoverAt(project, file('personas/leo.society'), offsetOf(LEO, 'maya'));
    assert.match(card!.markdown, /\*\*Maya Chen\*\* · `maya`/);
    assert.match(card!.markdown, /data journalist · 27/);
    assert.match(
      card!.markdown,
      /Motivations: social 0\.30 · information 0\.90 · presentation 0\.50\* · coordination 0\.50\* · support 0\.50\*/,
    );
    const inc = await hoverAt(project, file('s.society'), offsetOf(SCENARIO, 'personas/*'));
    assert.match(inc!.markdown, /\*\*include\*\* · 2 files\n- personas\/leo.society\n- personas\/maya.society/);
    const trait = await hoverAt(project, file('s.society'), offsetOf(SCENARIO, 'rounds'));
    assert.match(trait!.markdown, /\*\*rounds\*\* · integer 1..100000 · default 20/);
    const unknown = await hoverAt(project, file('personas/maya.society'), offsetOf(MAYA, 'leo'));
    assert.match(unknown!.markdown, /Leo Martin/);
  });

  it('hover and definition on an include picomatch refuses (empty; over 65,536 characters): no files', async () => {
    const long = 'a'.repeat(70_000);
    const text = `kind: scenario\nname: Bad includes\npersonas:\n  - include: ""\n  - include: ${long}\n`;
    const { project, file } = await projectOf({ ...files, 'bad.society': text });
    for (const at of [offsetOf(text, '""'), offsetOf(text, long)]) {
      assert.deepEqual(await definitionAt(project, file('bad.society'), at), []);
      assert.match((await hoverAt(project, file('bad.society'), at))!.markdown, /^\*\*include\*\* · 0 files$/);
    }
  });

  it("hover on a population agent's id says which group generates it; past the count it is unknown", async () => {
    // QA: a good reference to a generated agent hovered as "Unknown persona id".
    const text =
      'kind: scenario\nname: Crowd\npopulation:\n  - { group: crowd, id_prefix: c, count: 40 }\nevents:\n  - { at: 3, remove: [c12, c41] }\n';
    const { project, file } = await projectOf({ 's.society': text });
    const known = await hoverAt(project, file('s.society'), offsetOf(text, 'c12'));
    assert.match(known!.markdown, /^\*\*`c12`\*\* · agent 12 of 40 of population group `crowd`/);
    assert.match(known!.markdown, /ids `c1`…`c40`/);
    assert.equal(
      (await hoverAt(project, file('s.society'), offsetOf(text, 'c41')))!.markdown,
      'Unknown persona id `c41`',
    );
  });

  it('hover on unknown keys named like built-in properties (constructor, __proto__, toString): nothing', async () => {
    const text =
      'kind: scenario\nname: Odd keys\nconstructor: 1\n__proto__: 2\ntoString: 3\nworld: { hasOwnProperty: 4 }\n';
    const { project, file } = await projectOf({ 'odd.society': text });
    for (const key of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
      assert.equal(await hoverAt(project, file('odd.society'), offsetOf(text, key)), undefined, key);
    }
  });
});
