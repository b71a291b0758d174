// Places and daily plans (issue 44 point 7): unknown places and parts of the day with did-you-mean
// (SOC091, SOC092), plans without places (SOC093), capacities below 1 (SOC094), overflow circles
// (SOC095), a part named twice (SOC096), a move to an argument that is no place (SOC097) and an
// overflow never used (SOC098), each at file:line:col; and the typed model the build gives.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { NodeFileSystem, OverlayFileSystem, SocietyWorkspace, type Diagnostic } from '../../../src/core/format';
import { plannedPlace, timeLabel, timeOfRound, lastRoundOfDay } from '../../../src/core/format/model/places';
import { cursorIn, textAt } from './editorFixtures';
import { completionsAt, type CompletionSources } from '../../../src/core/format';
import { parseSociety } from '../../../src/core/format/syntax/parse';

const dir = path.resolve('/virtual/places');
const file = path.join(dir, 's.society');

async function resolve(lines: string[]) {
  const text = [...lines, ''].join('\n');
  const overlay = new OverlayFileSystem(new NodeFileSystem());
  overlay.set(file, text);
  const r = await new SocietyWorkspace(overlay, dir).resolveScenario(file, undefined, { build: true });
  const told = r.diagnostics.map(
    (d: Diagnostic) =>
      `${d.range.start.line + 1}:${d.range.start.character + 1} <<${textAt(text, d.range)}>> ${d.code} ${d.severity} ${d.message}${d.fixes?.length ? ` [fix: ${d.fixes[0].newText}]` : ''}`,
  );
  return { told, scenario: r.scenario };
}

const TOWN = (extra: string[] = [], places = PLACES): string[] => [
  'kind: scenario',
  'name: Town',
  'personas:',
  '  - { id: isabella, name: Isabella, plan: { morning: cafe } }',
  '  - { id: klaus, name: Klaus }',
  'population:',
  '  - { group: students, count: 2, plan: { afternoon: library } }',
  ...places,
  'day: [morning, afternoon, evening]',
  'plan: { morning: home, afternoon: park, evening: home }',
  ...extra,
];
const PLACES = [
  'places:',
  '  home: { label: Home }',
  '  cafe: { label: Hobbs Cafe, capacity: 2, overflow: park }',
  '  park: { label: Johnson Park }',
  '  library: {}',
];

describe('places and daily plans: the format', () => {
  it('a clean town has no diagnostics, and builds places, the day and every plan', async () => {
    const { told, scenario } = await resolve(TOWN());
    assert.deepEqual(told, []);
    const set = scenario!.places!;
    assert.deepEqual(
      set.places.map((p) => [p.id, p.label, p.capacity, p.overflow]),
      [
        ['home', 'Home', undefined, undefined],
        ['cafe', 'Hobbs Cafe', 2, 'park'],
        ['park', 'Johnson Park', undefined, undefined],
        ['library', 'library', undefined, undefined],
      ],
    );
    assert.deepEqual(set.day, ['morning', 'afternoon', 'evening']);
    const groups = new Map(scenario!.population.map((g) => [g.group, g]));
    const isabella = scenario!.personas[0];
    // The most specific plan wins: persona, then group, then the scenario's.
    assert.equal(plannedPlace(set, isabella, groups, 'morning'), 'cafe');
    assert.equal(plannedPlace(set, isabella, groups, 'afternoon'), 'park');
    assert.equal(plannedPlace(set, { group: 'students' }, groups, 'afternoon'), 'library');
    assert.equal(plannedPlace(set, { group: 'students' }, groups, 'evening'), 'home');
  });

  it('rounds cycle through the parts of the day', () => {
    const day = ['morning', 'afternoon', 'evening'];
    assert.deepEqual(
      [1, 2, 3, 4, 7].map((r) => timeOfRound(r, day)),
      [
        { day: 1, part: 'morning', index: 0 },
        { day: 1, part: 'afternoon', index: 1 },
        { day: 1, part: 'evening', index: 2 },
        { day: 2, part: 'morning', index: 0 },
        { day: 3, part: 'morning', index: 0 },
      ],
    );
    assert.equal(lastRoundOfDay(4, day), 6);
    assert.equal(timeLabel(5, day), 'day 2, afternoon');
    assert.equal(timeLabel(5, ['day']), 'day 5');
  });

  it('an unknown place in a plan, an overflow or a room: SOC091 at the value, with did-you-mean', async () => {
    const { told } = await resolve([
      ...TOWN(['world:', '  rooms:', '    - { name: chat, place: parc }']).map((l) =>
        l.replace('afternoon: park', 'afternoon: prak').replace('overflow: park', 'overflow: home2'),
      ),
    ]);
    assert.deepEqual(told, [
      "10:53 <<home2>> SOC091 error The overflow of place 'cafe' names unknown place 'home2'. Did you mean 'home'? (places: home, cafe, park, library) [fix: home]",
      "14:35 <<prak>> SOC091 error The plan of the scenario for 'afternoon' names unknown place 'prak'. Did you mean 'park'? (places: home, cafe, park, library) [fix: park]",
      "17:28 <<parc>> SOC091 error Room 'chat' names unknown place 'parc'. Did you mean 'park'? (places: home, cafe, park, library) [fix: park]",
    ]);
  });

  it('an unknown part of the day: SOC092 at the key, with did-you-mean', async () => {
    const { told } = await resolve(TOWN().map((l) => l.replace('plan: { morning: cafe }', 'plan: { mornin: cafe }')));
    assert.deepEqual(told, [
      "4:45 <<mornin>> SOC092 error The plan of persona 'isabella' names 'mornin', which is no part of the day. Did you mean 'morning'? (parts of the day: morning, afternoon, evening) [fix: morning]",
    ]);
  });

  it('plans, a day and a place argument without places: SOC093', async () => {
    const { told } = await resolve([
      'kind: scenario',
      'name: S',
      'personas: [{ id: a, name: A }, { id: b, name: B }]',
      'day: [morning, evening]',
      'plan: { morning: home }',
      'actions:',
      '  go:',
      '    description: Go somewhere.',
      '    args: { where: { type: place } }',
      '    move: args.where',
    ]);
    assert.deepEqual(told, [
      '4:1 <<day>> SOC093 error The scenario has parts of the day but no places: declare `places:`',
      '5:1 <<plan>> SOC093 error The plan of the scenario needs places, but the scenario declares none: declare `places:`',
      "9:13 <<where>> SOC093 error Action 'go' has a place argument, but the scenario declares no places: declare `places:`",
    ]);
  });

  it('a capacity below 1, an overflow circle, a part twice, an unused overflow', async () => {
    const { told } = await resolve(
      TOWN(
        [],
        [
          'places:',
          '  home: { capacity: 0 }',
          '  cafe: { capacity: 2, overflow: park }',
          '  park: { capacity: 3, overflow: cafe }',
          '  library: { overflow: home }',
        ],
      ).map((l) => l.replace('day: [morning, afternoon, evening]', 'day: [morning, afternoon, evening, morning]')),
    );
    assert.deepEqual(told, [
      "9:21 <<0>> SOC094 error Place 'home' holds 0: a capacity is at least 1 (leave it out for no limit)",
      "10:34 <<park>> SOC095 error Place 'cafe' overflows in a circle (cafe → park → cafe): those turned away would never be placed; end the chain at a place with no overflow",
      "11:34 <<cafe>> SOC095 error Place 'park' overflows in a circle (park → cafe → park): those turned away would never be placed; end the chain at a place with no overflow",
      "12:14 <<overflow>> SOC098 warning Place 'library' has no capacity, so nobody is ever turned away to 'home': give it a `capacity`",
      "13:36 <<morning>> SOC096 error 'morning' is already a part of the day: each part is named once",
    ]);
  });

  it('a move: to an unknown place (SOC091), to an argument that is no place (SOC097)', async () => {
    const { told, scenario } = await resolve(
      TOWN([
        'actions:',
        '  go:',
        '    description: Go somewhere.',
        '    args: { where: { type: place }, much: { type: number } }',
        '    move: { to: args.wher, for: day }',
        '  stay:',
        '    description: Stay.',
        '    args: { much: { type: number } }',
        '    move: args.much',
        '  cafe:',
        '    description: Go to the cafe.',
        '    move: cafee',
      ]),
    );
    assert.deepEqual(told, [
      "19:17 <<args.wher>> SOC097 error Action 'go' moves to unknown place argument 'wher'. Did you mean 'where'? (its place arguments: where)",
      "23:11 <<args.much>> SOC097 error Action 'stay' moves to args.much, but 'much' is number argument, not a place: give it `type: place`",
      "26:11 <<cafee>> SOC091 error The move of action 'cafe' names unknown place 'cafee'. Did you mean 'cafe'? (places: home, cafe, park, library) [fix: cafe]",
    ]);
    assert.equal(scenario, undefined);
  });

  it('a move builds as { to, for }', async () => {
    const { told, scenario } = await resolve(
      TOWN([
        'actions:',
        '  go:',
        '    description: Go.',
        '    args: { where: { type: place } }',
        '    move: args.where',
      ]),
    );
    assert.deepEqual(told, []);
    assert.deepEqual(scenario!.mechanics!.actions[0].move, { to: 'args.where', for: 'part' });
    assert.equal(scenario!.mechanics!.actions[0].args[0].type, 'place');
  });

  it('`where` reads me.place and <arg>.place, and agents rows a.place, only when the scenario has places', async () => {
    const tell = [
      'state:',
      '  agents:',
      '    knows: { initial: 0, valued: false }', // a 0/1 record (SOC106 otherwise)
      '  world:',
      '    at_cafe: { initial: 0, update: "double(agents.filter(a, a.place == \'cafe\').size())" }',
      'actions:',
      '  tell:',
      '    description: Tell someone here.',
      '    args: { whom: { type: agent, where: "whom.place == me.place" } }',
      '    effects: { whom.knows: "1.0" }',
    ];
    assert.deepEqual((await resolve(TOWN(tell))).told, []);
    const without = TOWN(tell).filter((l) => !/^(places:| {2}(home|cafe|park|library):|day:|plan:)/.test(l));
    const told = (await resolve(without.map((l) => l.replace(/, plan: \{[^}]*\}/, '')))).told;
    assert.equal(told.length, 2, told.join('\n'));
    assert.match(told[0], /SOC061 .*'place'/);
    assert.match(told[1], /<<place>> SOC080 error Unknown agent field 'place'/);
  });

  it('completes the places where a value names one, and the parts of the day as the keys of a plan', () => {
    const complete = (marked: string): string[] => {
      const { lines, position, text } = cursorIn(marked);
      const doc = parseSociety(text, file).documents[0];
      const sources: CompletionSources = {
        personas: () => [],
        models: () => [],
        includes: () => [],
        scenarioValue: () => doc.value,
      };
      return completionsAt(lines, position, sources).map((i) => `${i.label} (${i.detail})`);
    };
    const town = TOWN().join('\n');
    const places = [
      'home (place · Home)',
      'cafe (place · Hobbs Cafe · holds 2)',
      'park (place · Johnson Park)',
      'library (place)',
    ];
    assert.deepEqual(complete(town.replace('plan: { morning: home,', 'plan: { morning: |,')), places);
    assert.deepEqual(complete(`${town}\nworld:\n  rooms:\n    - { name: chat, place: | }`), places);
    assert.deepEqual(complete(`${town}\nactions:\n  go:\n    description: Go.\n    move: |`), places);
    assert.deepEqual(
      complete(town.replace('plan: { morning: home, afternoon: park, evening: home }', 'plan:\n  morning: home\n  |')),
      ['afternoon (part of the day)', 'evening (part of the day)'],
    );
  });
});
