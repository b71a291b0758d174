// Completion details fit the suggest widget (issue 42: 8b, "0..1 · wh…"): whatever is completed,
// the detail beside a label has room to show whole, and what does not fit is in the documentation.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { completionsAt, parseSociety, snippetsAt, type CompletionSources } from '../../../src/core/format';
import { Locator } from '../../../src/core/format/syntax/locate';
import { readMechanics } from '../../../src/core/format/assemble/mechanicsSource';
import { detailRoom, fitDetail, shortDetail } from '../../../src/core/format/service/shortDetail';
import { cursorIn } from './editorFixtures';

const file = path.resolve('/virtual/details/s.society');

const TOWN = [
  'kind: scenario',
  'name: Town',
  'population:',
  '  - { group: townsfolk_of_the_old_quarter, count: 12, id_prefix: t }',
  'models:',
  '  a_model_with_a_long_name: { provider: offline }',
  'state:',
  '  world:',
  '    festival: { initial: 0, min: 0, max: 1, integer: true, description: Whether the festival is on. }',
  '  agents:',
  '    place: { initial: 0, min: 0, max: 2, integer: true, hidden: true }',
  'actions:',
  '  go:',
  '    description: Go somewhere.',
  '    args: { to: { type: number, min: 0, max: 2, integer: true }, friend: { type: agent } }',
  '    effects:',
  '      me.place: "args.to"',
  '',
].join('\n');

function complete(marked: string): ReturnType<typeof completionsAt> {
  const { lines, position, text } = cursorIn(marked);
  const parsed = parseSociety(text, file);
  const doc = parsed.documents[0];
  const sources: CompletionSources = {
    personas: () => [
      {
        id: 'maya',
        name: 'Maya Chen-Okonkwo Villanueva',
        occupation: 'secondary school maths teacher',
        file: 'maya.society',
      } as never,
    ],
    models: () => ['a_model_with_a_long_name'],
    includes: () => [{ path: 'personas/*.society', kind: 'folder' }],
    generated: () => [{ group: 'townsfolk_of_the_old_quarter', prefix: 't', count: 12 } as never],
    mechanics: () => (doc.kind === 'scenario' ? readMechanics(doc.value, new Locator(parsed, doc)) : undefined),
    scenarioValue: () => doc.value,
  };
  return completionsAt(lines, position, sources);
}

/** Places completion offers something, in a scenario with long names everywhere. */
const PLACES = [
  `${TOWN}      world.festival: "world.|"\n`,
  `${TOWN}      me.place: "me.place + traits.|"\n`,
  `${TOWN}      me.place: "args.|"\n`,
  `${TOWN}      me.place: "|"\n`,
  `${TOWN}    |`,
  `${TOWN}world:\n  encounters:\n    mode: |`,
  `${TOWN}world:\n  |`,
  `${TOWN}coaching:\n  model: |`,
  `${TOWN}personas:\n  - include: |`,
  `${TOWN}world:\n  rooms:\n    - { name: a, members: [|] }`,
  `${TOWN}experiment:\n  conditions:\n    - name: a\n      set:\n        |`,
  `${TOWN}round:\n  - |`,
  'kind: persona\n|',
  'kind: persona\ntraits:\n  |',
  'kind: persona\nrelationships:\n  |',
];

describe('completion details fit the suggest widget (issue 42: 8b)', () => {
  it('every detail has room beside its label, in every place completion offers something', () => {
    let seen = 0;
    for (const marked of PLACES) {
      const items = complete(marked);
      assert.ok(items.length > 0, `nothing offered at ${JSON.stringify(marked.slice(-40))}`);
      for (const i of items) {
        seen++;
        const room = detailRoom(i.label.length + (i.description ? i.description.length + 1 : 0));
        assert.ok(!i.detail || i.detail.length <= room, `'${i.label}': '${i.detail}' (room ${room})`);
        assert.ok(!i.detail?.endsWith('…'), `'${i.label}': '${i.detail}' is cut`);
      }
    }
    assert.ok(seen > 100, `${seen} items`);
  });

  it('a whole-number switch reads "world quantity · 0..1"; the rest of its facts are in its card', () => {
    const [festival] = complete(`${TOWN}      world.festival: "world.|"\n`);
    assert.equal(festival.detail, 'world quantity · 0..1');
    assert.match(festival.documentation!, /initial 0 · 0\.\.1 · whole numbers/);
    assert.match(festival.documentation!, /Whether the festival is on\./);
  });

  it('a detail too long for its row keeps its leading parts and moves whole into the documentation', () => {
    const item = {
      label: 'a_label',
      kind: 'value' as const,
      detail: 'first part · second part · third',
      documentation: 'More.',
      insertText: 'x',
      snippet: false,
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      sortText: '0',
    };
    const fitted = fitDetail(item);
    assert.equal(fitted.detail, 'first part · second part');
    assert.equal(fitted.documentation, 'first part · second part · third\n\nMore.');
    const long = fitDetail({ ...item, label: 'population.townsfolk_of_the_old_quarter.traits.openness' });
    assert.equal(long.detail, undefined, 'no room beside a very long label: all of it in the documentation');
    assert.equal(shortDetail(['a part far too long to fit beside any label', 'short']), 'short', 'left out, never cut');
  });

  it('snippets say what they are in a few words', () => {
    const { lines, position } = cursorIn('|');
    for (const s of snippetsAt(lines, position)) assert.ok(s.detail!.length <= 24, s.detail);
  });
});
