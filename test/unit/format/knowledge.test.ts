// Knowledge declarations (issue 44: 5): an item's source is a persona (SOC100) and its known_by
// personas or groups (SOC101), marked at the value with did-you-mean and a fix; an item nobody
// knows at the start is a warning (SOC102); the typed model has the kind's default appeal.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { resolveText } from './editorFixtures';

const file = path.resolve('/virtual/knowledge/s.society');

async function resolve(knowledge: string[]) {
  const text = [
    'kind: scenario',
    'name: S',
    'personas:',
    '  - { id: maya, name: Maya, group: townsfolk }',
    '  - { id: bo, name: Bo }',
    'knowledge:',
    ...knowledge,
    '',
  ].join('\n');
  return resolveText(file, text);
}

describe('knowledge: declarations and diagnostics', () => {
  it('a source and known_by of personas and groups check clean; kinds give their appeal', async () => {
    const { said, scenario } = await resolve([
      '  party: { text: "Party at the cafe", source: maya, about: [parties] }',
      '  rumour: { text: "The mayor resigns", kind: rumour, truth: false, known_by: [townsfolk, bo] }',
      '  fact: { text: "The cafe opens at 8", kind: fact, known_by: [bo], appeal: 0.9 }',
    ]);
    assert.deepEqual(said, []);
    const k = scenario!.mechanics!.knowledge!;
    assert.deepEqual(
      k.map((x) => [x.id, x.kind, x.appeal, x.source, x.known_by, x.truth]),
      [
        ['party', 'news', 0.6, 'maya', [], undefined],
        ['rumour', 'rumour', 0.7, undefined, ['townsfolk', 'bo'], false],
        ['fact', 'fact', 0.9, undefined, ['bo'], undefined],
      ],
    );
  });

  it('an unknown source: SOC100 at the value, with did-you-mean and a fix', async () => {
    const { said } = await resolve(['  party: { text: "Party", source: mya }']);
    assert.equal(said.length, 1, said.join('\n'));
    assert.match(
      said[0],
      /^7:35 <<mya>> SOC100 error Unknown source 'mya' of knowledge 'party'.*Did you mean 'maya'\?.*\[fix: maya\]$/,
    );
  });

  it('an unknown known_by entry: SOC101 at the item, suggesting personas and groups', async () => {
    const { said } = await resolve(['  party: { text: "Party", known_by: [maya, townsflk] }']);
    assert.equal(said.length, 1, said.join('\n'));
    assert.match(
      said[0],
      /^7:44 <<townsflk>> SOC101 error 'townsflk' in `known_by`.*Did you mean 'townsfolk'\?.*\[fix: townsfolk\]$/,
    );
  });

  it('nobody knows it at the start: SOC102, a warning at the key', async () => {
    const { said } = await resolve(['  party: { text: "Party" }']);
    assert.equal(said.length, 1, said.join('\n'));
    assert.match(said[0], /^7:3 <<party>> SOC102 warning Nobody knows 'party' at the start/);
  });

  it('a kind the schema does not have is a schema error at the value', async () => {
    const { said } = await resolve(['  party: { text: "Party", source: maya, kind: gossip }']);
    assert.ok(
      said.some((d) => d.includes('<<gossip>>')),
      said.join('\n'),
    );
  });

  it('expressions read `knows.<item>`; an unknown item is named with the items declared', async () => {
    const { said } = await resolve([
      '  party: { text: "Party", source: maya }',
      'state:',
      '  world:',
      '    knowers: { initial: 0, update: "double(agents.filter(a, a.knows.partyy).size())" }',
      'actions:',
      '  invite:',
      '    description: Invite.',
      '    when: "me.knows.party"',
      '    args: { guest: { type: agent, where: "!guest.knows.prty" } }',
    ]);
    assert.equal(said.length, 2, said.join('\n'));
    assert.match(
      said[0],
      /^10:.. <<partyy>> SOC061 error Unknown knowledge item 'partyy'\. Did you mean 'party'\? \(items: party\)/,
    );
    assert.match(said[1], /^15:.. <<prty>> SOC080 error Unknown knowledge item 'prty'\. Did you mean 'party'\?/);
  });
});
