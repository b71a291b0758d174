// Persona-id completion reads the event timeline (QA: a remove event offered agents who join only
// later or have left already, which SOC059/SOC060 then flag): the ids present at that point of the
// run come first; the others last, saying why.
import * as assert from 'node:assert/strict';
import { complete, completionsAt, type CompletionItem, type CompletionSources } from '../../../src/core/format';
import { absenceAt } from '../../../src/core/format/checks/timeline';
import { cursorIn, projectOf } from './editorFixtures';

const ranked = (items: CompletionItem[]): CompletionItem[] =>
  [...items].sort((a, b) => (a.sortText < b.sortText ? -1 : a.sortText > b.sortText ? 1 : 0));
const rows = (items: CompletionItem[]): string[] =>
  ranked(items).map((i) => (i.description ? `${i.label} (${i.description})` : i.label));

/** Completion at the `|` in file `at` (else at its end), with scenario `s.society` and `others` on disk. */
async function completeAtEnd(
  text: string,
  others: Record<string, string> = {},
  at = 's.society',
): Promise<CompletionItem[]> {
  const marked = at === 's.society' ? text : others[at];
  const { text: edited, position } = cursorIn(marked.includes('|') ? marked : `${marked}|`);
  const { project, file, overlay } = await projectOf({
    ...others,
    's.society': at === 's.society' ? edited : text,
    [at]: edited,
  });
  overlay.set(file(at), edited);
  return complete(project, file(at), position);
}

const scenario = [
  'kind: scenario',
  'name: S',
  'personas:',
  '  - { id: ana, name: Ana }',
  '  - { id: bo, name: Bo, occupation: baker }',
  'population: [{ group: owls, count: 2 }]',
  'world: { rounds: 6 }',
  'events:',
  '  - { at: 2, remove: [ana, owls1] }',
  '  - { at: 4, add: [{ id: cy, name: Cy }] }',
  '  - { at: 5, add: [{ id: eve, name: Eve }] }',
].join('\n');

describe('persona-id completion along the timeline', () => {
  it('a removal offers who is there first, then who left, joins later or is listed already, saying so', async () => {
    const items = await completeAtEnd(`${scenario}\n  - { at: 4, remove: [bo, `);
    assert.deepEqual(rows(items), [
      'cy',
      'owls2',
      'ana (left at round 2)',
      'bo (already listed)',
      'eve (joins at round 5)',
      'owls1 (left at round 2)',
    ]);
    const ana = items.find((i) => i.label === 'ana')!;
    assert.equal(ana.detail, 'not in the society here', 'why is in its description and documentation');
    assert.match(
      ana.documentation!,
      /^\*\*Not in the society here:\*\* `ana` has already left at round 2, so removing them here can never apply \(SOC059\)\.\n\n\*\*Ana\*\*/,
    );
    assert.equal(items.find((i) => i.label === 'cy')!.detail, 'Cy', 'someone present keeps the usual detail');
  });

  it('in the same round, follows file order as the run does', async () => {
    const items = await completeAtEnd(`${scenario}\n  - { at: 4, remove: [`);
    assert.equal(items.find((i) => i.label === 'cy')!.description, undefined, 'cy was added earlier in round 4');
    const before = await completeAtEnd(
      scenario.replace('  - { at: 4, add: [{ id: cy', '  - { at: 4, remove: [|] }\n  - { at: 4, add: [{ id: cy'),
    );
    const cy = before.find((i) => i.label === 'cy')!;
    assert.equal(cy.description, 'joins later in round 4');
    assert.match(cy.documentation!, /joins later in round 4 \(the events of a round fire in file order\)/);
  });

  it('a relationship of a persona an event adds: who is there when it joins, those joining with it included', async () => {
    const items = await completeAtEnd(
      `${scenario}\n  - at: 4\n    add:\n      - { id: dee, name: Dee }\n      - id: fay\n        name: Fay\n        relationships:\n          - with: `,
    );
    assert.deepEqual(
      rows(items),
      ['bo', 'cy', 'dee', 'owls2', 'ana (left at round 2)', 'eve (joins at round 5)', 'owls1 (left at round 2)'],
      'fay herself is left out (SOC022)',
    );
    assert.match(
      items.find((i) => i.label === 'eve')!.documentation!,
      /a relationship with them here would be dropped \(SOC060\)/,
    );
  });

  it('a relationship of a persona present from the start: who joins later comes last', async () => {
    const items = await completeAtEnd(
      scenario.replace('  - { id: ana, name: Ana }', '  - id: ana\n    name: Ana\n    relationships:\n      - with: |'),
    );
    assert.deepEqual(rows(items), ['bo', 'owls1', 'owls2', 'cy (joins at round 4)', 'eve (joins at round 5)']);
  });

  it("a persona file's relationship: when each scenario including it starts, naming the scenario", async () => {
    const persona = 'kind: persona\nid: gil\nname: Gil\nrelationships:\n  - with: ';
    const items = await completeAtEnd(
      scenario.replace('personas:', 'personas:\n  - include: gil.society'),
      { 'gil.society': persona },
      'gil.society',
    );
    assert.deepEqual(rows(items), [
      'ana',
      'bo',
      'owls1',
      'owls2',
      'cy (joins at round 4 in s.society)',
      'eve (joins at round 5 in s.society)',
    ]);
  });

  it('has no opinion where the run never gets (an event after the last round) or time does not matter (room members)', async () => {
    const late = await completeAtEnd(`${scenario}\n  - { at: 9, remove: [`);
    assert.ok(late.every((i) => i.description === undefined));
    const room = await completeAtEnd(
      scenario
        .replace('world: { rounds: 6 }', 'world:\n  rounds: 6\n  rooms:\n    - name: r\n      members: [')
        .split('\nevents:')[0],
    );
    assert.ok(room.length > 0 && room.every((i) => i.description === undefined));
  });

  it('completionsAt ranks what the source says is absent after everyone else, generated agents too', () => {
    const { lines, position } = cursorIn('kind: scenario\nevents:\n  - { at: 2, remove: [|] }');
    const sources: CompletionSources = {
      personas: () => [{ id: 'ana' }, { id: 'zed' }],
      models: () => [],
      includes: () => [],
      generated: () => [
        { prefix: 'o', count: 2, group: 'owls', path: ['population', 0, 'group'], labelIsPrefix: false },
      ],
      absence: (id) =>
        id === 'ana' || id === 'o1' ? { reason: 'has already left at round 1', short: 'left at round 1' } : undefined,
    };
    assert.deepEqual(rows(completionsAt(lines, position, sources)), [
      'zed',
      'o2',
      'ana (left at round 1)',
      'o1 (left at round 1)',
    ]);
  });

  it('absenceAt replays the timeline up to the point asked', () => {
    const events = [
      { at: 2, remove: ['ana'] },
      { at: 3, add: [{ id: 'ana' }] },
      { at: 3, remove: ['ana', 'bo'] },
    ];
    const present = (id: string): boolean => id === 'ana' || id === 'bo';
    assert.equal(absenceAt(events, 5, present, { stage: 'removing', event: 0, item: 0 })!('ana'), undefined);
    assert.equal(absenceAt(events, 5, present, { stage: 'joined', event: 1 })!('ana'), undefined, 'back at round 3');
    assert.deepEqual(absenceAt(events, 5, present, { stage: 'removing', event: 2, item: 1 })!('ana'), {
      reason: 'is already listed in this remove event',
      short: 'already listed',
    });
    assert.deepEqual(absenceAt(events, 5, present, { stage: 'start' })!('cy'), {
      reason: 'is not in the society at the start (they join only in an event that never fires)',
      short: 'never joins',
    });
    assert.equal(absenceAt(events, 2, present, { stage: 'joined', event: 1 }), undefined, 'round 3 never comes');
  });
});
