// The editor's side of issue 44's constructs: completion of the declared agent quantities in a
// persona's or population group's `state:` (in the scenario and in a persona file it includes),
// of a timed post's fields, feed and author, and hovers on what an argument's `where` reads of its
// candidate. Through the project, as the extension asks.
import * as assert from 'node:assert/strict';
import { complete, hoverAt, type CompletionItem } from '../../../src/core/format';
import { renamePersona } from '../../../src/core/format/service/references';
import { startStateOwner } from '../../../src/core/format/service/startStateCompletion';
import { cursorIn, projectOf } from './editorFixtures';

const HEAD = [
  'kind: scenario',
  'name: Team',
  'personas:',
  '  - include: people/*.society',
  '  - { id: lead, name: Robin, group: lead }',
  'population:',
  '  - { group: experts, count: 3, id_prefix: x }',
  'state:',
  '  world:',
  '    cap: { initial: 4 }',
  '  agents:',
  '    skill: { initial: 0.2, min: 0, max: 1, description: How much this expert gets done. }',
  '    on_team: { labels: [pool, team], description: Whether on the team. }',
  '    tally: { initial: 0, integer: true }',
  'feeds:',
  '  timeline: { shows: 4, description: The team channel. }',
  '  notices: {}',
  'actions:',
  '  recruit:',
  '    description: Recruit an expert.',
  '    args:',
  '      who: { type: agent, where: "who.on_team == 0.0 && who.group == \'experts\' && who.tie >= 0.0 && who.id != me.id && traits.openness >= 0.0" }',
  '    effects: { who.on_team: "1.0" }',
  '  like:',
  '    description: Like a post.',
  '    args: { it: { type: post, where: "it.author != me.id && it.likes >= 0.0" } }',
  '    like: it',
];
const PERSON = 'kind: persona\nid: ada\nname: Ada\ngroup: experts\nstate:\n  |\n';

/** The completions at the `|` of `marked`, the scenario file (or the persona file, `inPersona`). */
async function at(marked: string, inPersona = false): Promise<CompletionItem[]> {
  const own = cursorIn(marked);
  const scenario = inPersona ? `${HEAD.join('\n')}\n` : own.text;
  const person = inPersona ? own.text : PERSON.replace('|', '');
  const { project, file } = await projectOf({ 's.society': scenario, 'people/ada.society': person });
  return complete(project, file(inPersona ? 'people/ada.society' : 's.society'), own.position);
}
const rows = (items: CompletionItem[]): string[] => items.map((i) => `${i.label} [${i.detail ?? ''}]`);

describe('issue 44 in the editor: start values, timed posts, `where` hovers', () => {
  describe('completion of `state:` keys', () => {
    it("a population group's: every agent quantity with its range and start, or its labels", async () => {
      const items = await at(
        [...HEAD.slice(0, 7), '    state:', '      |', ...HEAD.slice(7)]
          .join('\n')
          .replace(
            '  - { group: experts, count: 3, id_prefix: x }\n    state:',
            '  - group: experts\n    count: 3\n    id_prefix: x\n    state:',
          ),
      );
      assert.deepEqual(rows(items), [
        'skill [number · 0..1 · initial 0.2]',
        'on_team [0 pool, 1 team]',
        'tally [whole number · initial 0]',
      ]);
      const skill = items.find((i) => i.label === 'skill')!;
      assert.equal(skill.insertText, 'skill: ${1:0.2}');
      assert.ok(skill.snippet);
      assert.match(skill.documentation!, /How much this expert gets done/);
      assert.match(skill.documentation!, /distribution/, 'a group may draw it');
      assert.equal(items.find((i) => i.label === 'on_team')!.insertText, 'on_team: ${1|0,1|}', 'a label by its number');
      assert.ok(!items.some((i) => i.label === 'cap'), 'a world quantity is not a start value (SOC086)');
    });

    it("an inline persona's, in a flow mapping, without those already written", async () => {
      const marked = HEAD.join('\n').replace(
        '{ id: lead, name: Robin, group: lead }',
        '{ id: lead, name: Robin, group: lead, state: { skill: 0.9, | } }',
      );
      const items = await at(`${marked}\n`);
      assert.deepEqual(
        items.map((i) => i.label),
        ['on_team', 'tally'],
      );
      assert.match(items[0].documentation!, /This agent starts at this value/);
    });

    it("a persona file's, from the scenario that includes it", async () => {
      const items = await at(PERSON, true);
      assert.deepEqual(
        items.map((i) => i.label),
        ['skill', 'on_team', 'tally'],
      );
    });

    it('only under `state:` of a persona or group: the scenario’s own `state:` keeps its schema keys', async () => {
      const items = await at([...HEAD.slice(0, 8), '  |', ''].join('\n'));
      assert.deepEqual(items.map((i) => i.label).sort(), ['agents', 'world']);
    });
  });

  it("hover on a group's or persona's start value: the quantity it starts and what the value does", async () => {
    const text = `${HEAD.join('\n')
      .replace('{ group: experts, count: 3, id_prefix: x }', '{ group: experts, count: 3, state: { skill: 0.6 } }')
      .replace(
        '{ id: lead, name: Robin, group: lead }',
        '{ id: lead, name: Robin, group: lead, state: { on_team: 1 } }',
      )}\n`;
    const { project, file } = await projectOf({ 's.society': text, 'people/ada.society': PERSON.replace('|', '') });
    const group = await hoverAt(project, file('s.society'), text.indexOf('skill: 0.6') + 1);
    assert.equal(
      group?.markdown,
      '**skill** · agent quantity · initial 0.2 · 0..1\n\nHow much this expert gets done.\n\n' +
        'Each member of the group starts at this value, or at a draw from a distribution (`{ normal: { mean, sd }, min, max }`), ' +
        'instead of the quantity’s `initial`; clamped to its bounds.',
    );
    const persona = await hoverAt(project, file('s.society'), text.indexOf('on_team: 1') + 1);
    assert.match(persona!.markdown, /^\*\*on_team\*\* · agent quantity · initial 0 \(pool\) · 2 labels/);
    assert.match(persona!.markdown, /This agent starts at this value/);
  });

  it('knows every place a start `state:` is written, and no other', () => {
    assert.equal(startStateOwner('scenario', ['personas', 0, 'state']), 'persona');
    assert.equal(startStateOwner('scenario', ['events', 1, 'add', 0, 'state']), 'persona');
    assert.equal(startStateOwner('persona', ['state']), 'persona');
    assert.equal(startStateOwner('scenario', ['population', 2, 'state']), 'group');
    for (const p of [['state'], ['personas', 0, 'traits'], ['world', 'state'], ['events', 0, 'state']]) {
      assert.equal(startStateOwner('scenario', p), undefined, p.join('.'));
    }
  });

  describe('completion in a timed post', () => {
    const event = (post: string) => `${[...HEAD, 'events:', `  - { at: 2, post: ${post} }`].join('\n')}\n`;

    it('its fields, `feed` and `text` first as required', async () => {
      const items = await at(event('{ | }'));
      assert.deepEqual(
        [...items].sort((a, b) => a.sortText.localeCompare(b.sortText)).map((i) => i.label),
        ['feed', 'text', 'author'],
      );
    });

    it('`feed`: the declared feeds', async () => {
      const items = await at(event('{ feed: |, text: "Party on Friday" }'));
      assert.deepEqual(rows(items), ['timeline [feed · shows 4]', 'notices [feed · shows 5]']);
      assert.match(items[0].documentation!, /The team channel/);
    });

    it('`author`: the personas and the population’s members, and a hover says who it is', async () => {
      const items = await at(event('{ feed: timeline, text: "x", author: | }'));
      const ids = items.map((i) => i.label);
      for (const id of ['lead', 'ada', 'x1', 'x2', 'x3']) assert.ok(ids.includes(id), `${id} in ${ids.join(', ')}`);
      const text = event('{ feed: timeline, text: "x", author: lead }').replace('|', '');
      const { project, file } = await projectOf({ 's.society': text, 'people/ada.society': PERSON.replace('|', '') });
      const h = await hoverAt(project, file('s.society'), text.lastIndexOf('lead') + 1);
      assert.match(h!.markdown, /Robin/);
    });
    it('renaming a persona renames it as a post’s author too', async () => {
      const text = event('{ feed: timeline, text: "x", author: lead }').replace('|', '');
      const { project, file } = await projectOf({ 's.society': text, 'people/ada.society': PERSON.replace('|', '') });
      const r = await renamePersona(project, file('s.society'), text.indexOf('id: lead') + 5, 'boss');
      assert.ok('edit' in r);
      assert.equal(r.edit.get(file('s.society'))?.length, 2, 'the id and the author');
    });
  });

  describe('knowledge (issue 44: 5)', () => {
    const know = (item: string) => `${HEAD.join('\n')}\nknowledge:\n  party: ${item}\n`;
    it('`source` and `known_by` complete the personas; a hover says who; renaming reaches them', async () => {
      const items = await at(know('{ text: "x", source: | }'));
      const ids = items.map((i) => i.label);
      for (const id of ['lead', 'ada', 'x1']) assert.ok(ids.includes(id), `${id} in ${ids.join(', ')}`);
      const listed = await at(know('{ text: "x", known_by: [|] }'));
      assert.ok(listed.some((i) => i.label === 'lead'));
      const text = know('{ text: "x", source: lead, known_by: [lead] }');
      const { project, file } = await projectOf({ 's.society': text, 'people/ada.society': PERSON.replace('|', '') });
      const h = await hoverAt(project, file('s.society'), text.lastIndexOf('source: lead') + 9);
      assert.match(h!.markdown, /Robin/);
      const r = await renamePersona(project, file('s.society'), text.indexOf('id: lead') + 5, 'boss');
      assert.ok('edit' in r);
      assert.equal(r.edit.get(file('s.society'))?.length, 3, 'the id, the source and known_by');
    });
  });

  describe('hover inside a `where`', () => {
    async function hover(word: string, nth = 0): Promise<string | undefined> {
      const text = `${HEAD.join('\n')}\n`;
      const line = text.split('\n').find((l) => l.includes(nth === 0 ? 'who: {' : 'it: {'))!;
      const offset = text.indexOf(line) + line.indexOf(word, line.indexOf('where')) + word.length - 1;
      const { project, file } = await projectOf({ 's.society': text, 'people/ada.society': PERSON.replace('|', '') });
      return (await hoverAt(project, file('s.society'), offset))?.markdown;
    }

    it("the candidate's quantity: the quantity's card, as the candidate's", async () => {
      const h = await hover('who.on_team');
      assert.match(h!, /^\*\*who\.on_team\*\* · agent quantity/);
      assert.match(h!, /Values: 0 = pool, 1 = team/);
      assert.match(h!, /The candidate's value/);
    });

    it("the candidate's group, with the groups there are; its id; the actor's tie to it", async () => {
      const group = await hover('who.group');
      assert.match(group!, /^\*\*who\.group\*\* · string · a field of the candidate/);
      assert.match(group!, /Groups here: `experts`, `lead`\./);
      assert.match(
        (await hover('who.id'))!,
        /^\*\*who\.id\*\* · string · a field of the candidate\n\nThe candidate's id/,
      );
      assert.match(
        (await hover('who.tie'))!,
        /^\*\*who\.tie\*\* · number 0\.\.1 · a field of the candidate\n\nThe acting agent's tie/,
      );
    });

    it("the candidate itself, and the actor's own id", async () => {
      assert.match((await hover('who'))!, /^\*\*who\*\* · a candidate for argument `who` of action 'recruit'/);
      assert.match((await hover('me.id'))!, /^\*\*me\.id\*\* · string · the acting agent's id/);
    });

    it('completion after the candidate’s name: its quantities and fields, each row saying what it is', async () => {
      const text = `${HEAD.join('\n').replace('where: "who.on_team == 0.0', 'where: "who.|on_team == 0.0')}\n`;
      const items = await at(text);
      const row = (l: string) => rows(items).find((r) => r.startsWith(`${l} [`));
      assert.equal(row('group'), 'group [string · the candidate]');
      assert.equal(row('tie'), 'tie [number 0..1 · the candidate]');
      assert.equal(row('skill'), 'skill [agent quantity · 0..1]');
      assert.match(items.find((i) => i.label === 'tie')!.documentation!, /The acting agent's tie to the candidate/);
    });

    it("completion in `who.group == '…'`: the scenario's groups", async () => {
      const text = `${HEAD.join('\n').replace("who.group == 'experts'", "who.group == 'ex|'")}\n`;
      const items = await at(text);
      assert.deepEqual(rows(items).sort(), ['experts [group]', 'lead [group]']);
      const line = text.split('\n').find((l) => l.includes('ex|'))!;
      assert.equal(items[0].range.start.character, line.indexOf('ex|'), 'replaces what was typed of the name');
      assert.equal(items[0].range.end.character, line.indexOf('ex|') + 2);
    });

    it("the actor's trait: the acting agent's, not the candidate's", async () => {
      assert.match(
        (await hover('traits.openness'))!,
        /^\*\*traits\.openness\*\* · number 0\.\.1 · the acting agent's trait/,
      );
    });

    it("a post candidate's author and counts", async () => {
      assert.match(
        (await hover('it.author', 1))!,
        /^\*\*it\.author\*\* · string · a field of the candidate post\n\nThe id of the post's author/,
      );
      assert.match((await hover('it.likes', 1))!, /^\*\*it\.likes\*\* · number · a field of the candidate post/);
    });
  });
});
