// The editor's side of issue 44 (1, 6): an argument's `where` is a condition on the candidate,
// type-checked at the sub-expression with did-you-mean (SOC080), pointless on a number (SOC081);
// a phase's `actions` by group names groups and actions that exist (SOC082, SOC083). Completion
// inside a `where` offers the candidate's fields.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { completionsAt, parseSociety, type CompletionSources } from '../../../src/core/format';
import { Locator } from '../../../src/core/format/syntax/locate';
import { readMechanics } from '../../../src/core/format/assemble/mechanicsSource';
import { buildRound } from '../../../src/core/format/assemble/buildMechanics';
import { cursorIn, linesDiagnostics, marked } from './editorFixtures';

const file = path.resolve('/virtual/args/s.society');

async function marks(lines: string[]): Promise<string[]> {
  const { text, all } = await linesDiagnostics(file, lines);
  return marked(text, all);
}

const ELECTION = [
  'kind: scenario',
  'name: S',
  'personas:',
  '  - { id: ana, name: Ana, group: candidates }',
  '  - { id: bo, name: Bo, group: voters }',
  'world: { rounds: 3 }',
  'state:',
  '  agents:',
  '    votes: { initial: 0 }',
  'actions:',
  '  campaign: { description: Campaign., effects: { me.votes: "me.votes + 0.0" } }',
  '  vote:',
  '    description: Vote.',
  '    args:',
  `      whom: { type: agent, where: "whom.group == 'candidates' && whom.id != me.id && whom.tie >= 0.0" }`,
  '    effects: { whom.votes: "whom.votes + 1.0" }',
  'round:',
  '  - phase: election',
  '    actions: { candidates: [campaign], voters: [vote] }',
];
const edit = (from: string, to: string): string[] => ELECTION.map((l) => l.replace(from, to));

describe('argument conditions and actions by group: checks', () => {
  it('the election reads cleanly', async () => {
    assert.deepEqual(await marks(ELECTION), []);
  });

  it('an unknown field of the candidate, at its name, with the one meant (SOC080)', async () => {
    assert.deepEqual(await marks(edit("whom.group == 'candidates'", "whom.grop == 'candidates'")), [
      "15:41 SOC080 <<grop>> Unknown agent field 'grop'. Did you mean 'group'? (fields: votes, group, id, tie)",
    ]);
  });

  it('a condition that is not a bool, and a name the scope does not read (SOC080)', async () => {
    const notBool = await marks(
      edit(`"whom.group == 'candidates' && whom.id != me.id && whom.tie >= 0.0"`, '"whom.votes"'),
    );
    assert.equal(notBool.length, 1);
    assert.match(notBool[0], /^15:36 SOC080 <<whom.votes>> .*bool/);
    const unknown = await marks(edit("whom.group == 'candidates'", "who.group == 'candidates'"));
    assert.equal(unknown.length, 1);
    assert.match(unknown[0], /^15:36 SOC080 <<who>> .*Did you mean 'whom'\?/);
  });

  it('`where` on a number argument is never read (SOC081)', async () => {
    const all = await marks(
      edit('type: agent, where:', 'type: number, where:').map((l) => l.replace('whom.votes:', 'me.votes:')),
    );
    assert.ok(
      all.some((m) => m.startsWith("15:29 SOC081 <<where>> Argument 'whom' of action 'vote' is a number")),
      all.join('\n'),
    );
  });

  it('`where` on a place argument reads the place, and an unknown field has the one meant (SOC080)', async () => {
    const town = (where: string): string[] => [
      'kind: scenario',
      'name: S',
      'personas:',
      '  - { id: ana, name: Ana }',
      'places: { home: {}, park: { capacity: 3 } }',
      'actions:',
      '  go:',
      '    description: Go.',
      `    args: { to: { type: place, where: "${where}" } }`,
      '    move: { to: args.to }',
    ];
    assert.deepEqual(
      await marks(town("to.id != me.place && to.label != 'Park' && to.occupants < to.capacity && !to.full")),
      [],
    );
    assert.deepEqual(await marks(town('to.ocupants < 3.0')), [
      "9:43 SOC080 <<ocupants>> Unknown place field 'ocupants'. Did you mean 'occupants'? (fields: id, label, occupants, capacity, full)",
    ]);
    // A place is no agent: its quantities are not read.
    const tie = await marks(town('to.tie > 0.5'));
    assert.equal(tie.length, 1, tie.join('\n'));
    assert.match(tie[0], /^9:43 SOC080 <<tie>> Unknown place field 'tie'/);
  });

  it('a group compared by name that no one has: at the name, with the one meant (SOC141)', async () => {
    assert.deepEqual(await marks(edit("whom.group == 'candidates'", "whom.group == 'candidats'")), [
      "15:51 SOC141 <<candidats>> In the `where` of argument 'whom' of action 'vote', no population group or persona has group 'candidats': the comparison is the same for every agent. Did you mean 'candidates'? (groups: candidates, voters)",
    ]);
    const when = await marks(
      edit('campaign: { description: Campaign.,', `campaign: { description: Campaign., when: "'voter' != me.group",`),
    );
    assert.equal(when.length, 1);
    assert.match(when[0], /^11:\d+ SOC141 <<voter>> In the `when` of action 'campaign'.*Did you mean 'voters'\?/);
  });

  it('a group name in an `in` list, behind parentheses or a ternary: each unknown one, at its name (SOC141)', async () => {
    const listed = await marks(edit("whom.group == 'candidates'", "whom.group in ['candidates', 'candidats']"));
    assert.equal(listed.length, 1, listed.join('\n'));
    assert.match(
      listed[0],
      /^15:\d+ SOC141 <<candidats>> In the `where` of argument 'whom'.*Did you mean 'candidates'\?/,
    );
    const bracketed = await marks(edit("whom.group == 'candidates'", "(whom.group) == 'candidate'"));
    assert.equal(bracketed.length, 1, bracketed.join('\n'));
    assert.match(bracketed[0], /<<candidate>> .*Did you mean 'candidates'\?/);
    const chosen = await marks(
      edit("whom.group == 'candidates'", "whom.group == (me.votes > 1.0 ? 'candidates' : 'voter')"),
    );
    assert.equal(chosen.length, 1, chosen.join('\n'));
    assert.match(chosen[0], /<<voter>> .*Did you mean 'voters'\?/);
  });

  it('a group read through an index or a macro variable: the literal it is compared with is checked (SOC141)', async () => {
    const among = await marks(
      edit(
        'campaign: { description: Campaign.,',
        `campaign: { description: Campaign., when: "agents.exists(a, a['group'] == 'voter')",`,
      ),
    );
    assert.equal(among.length, 1, among.join('\n'));
    assert.match(among[0], /^11:\d+ SOC141 <<voter>> In the `when` of action 'campaign'.*Did you mean 'voters'\?/);
  });

  it('a string that only looks like a group comparison is not one: no SOC141', async () => {
    const quoted = await marks(
      edit("whom.group == 'candidates'", `whom.group == 'candidates' && whom.id != \\"x.group == 'nobody'\\"`),
    );
    assert.deepEqual(quoted, []);
  });

  it('actions by group: unknown groups and actions, with the names meant (SOC082, SOC083)', async () => {
    assert.deepEqual(
      await marks(
        edit('{ candidates: [campaign], voters: [vote] }', '{ candidate: [campaign], voters: [vote, campain] }'),
      ),
      [
        "19:16 SOC082 <<candidate>> Unknown group 'candidate' in the `actions` of phase 'election'. Did you mean 'candidates'? (groups: candidates, voters)",
        "19:54 SOC083 <<campain>> Unknown action 'campain' in phase 'election' for group 'voters'. Did you mean 'campaign'? (actions: campaign, vote)",
      ],
    );
  });

  it('builds each group its actions, and every group together as the phase actions; the list form is unchanged', () => {
    const text = [...ELECTION, '  - { phase: all, actions: [vote] }', ''].join('\n');
    const parsed = parseSociety(text, file);
    const value = parsed.documents[0].value as Record<string, unknown>;
    const round = buildRound(value, new Locator(parsed, parsed.documents[0]))!;
    assert.deepEqual(round[0], {
      ...round[0],
      actions: ['campaign', 'vote'],
      byGroup: { candidates: ['campaign'], voters: ['vote'] },
    });
    assert.deepEqual(round[1].kind === 'act' && [round[1].actions, round[1].byGroup], [['vote'], undefined]);
  });
});

describe('argument conditions: completion', () => {
  it("inside a `where`, the candidate's quantities and fields", () => {
    const marked = [
      ...ELECTION.slice(0, 14),
      '      whom: { type: agent, where: "whom.|" }',
      ...ELECTION.slice(15),
    ].join('\n');
    const { lines, position, text } = cursorIn(marked);
    const parsed = parseSociety(text, file);
    const sources: CompletionSources = {
      personas: () => [],
      models: () => [],
      includes: () => [],
      groupNames: () => [],
      mechanics: () => readMechanics(parsed.documents[0].value, new Locator(parsed, parsed.documents[0])),
    };
    const labels = completionsAt(lines, position, sources).map((i) => i.label);
    for (const l of ['votes', 'group', 'id', 'tie']) assert.ok(labels.includes(l), `${l} in ${labels.join(', ')}`);
  });
});
