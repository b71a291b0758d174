// Rubric judges (issue 48): `judges:` checks — an unknown judge (SOC120), an unknown shipped rubric
// (SOC121), a malformed dimension (SOC122), an unknown group (SOC123) and a judging that cannot
// happen as written (SOC124) — at their line and column, with did-you-mean; the typed model.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { resolveText } from './editorFixtures';

const file = path.resolve('/virtual/judges/s.society');

async function resolve(judges: string[]) {
  const text = [
    'kind: scenario',
    'name: S',
    'personas:',
    '  - { id: maya, name: Maya, group: townsfolk }',
    '  - { id: bo, name: Bo }',
    'world: { rounds: 5 }',
    'models:',
    '  critic: { provider: offline }',
    'judges:',
    ...judges,
    '',
  ].join('\n');
  return resolveText(file, text);
}

describe('judges: declarations and diagnostics', () => {
  it('a shipped rubric and a declared one check clean; the typed model has the defaults', async () => {
    const { said, scenario } = await resolve([
      '  - { name: social, rubric: sotopia, target: conversations, by: [offline, critic], rounds: every }',
      '  - name: team',
      '    rubric:',
      '      dimensions:',
      '        help: { description: How much they helped, min: 1, max: 5, anchors: { 1: none, 5: a lot }, offline: activity }',
      '    groups: [townsfolk]',
      '    rounds: [2, 5]',
    ]);
    assert.deepEqual(said, []);
    const [social, team] = scenario!.judges!;
    assert.equal(social.shipped, 'sotopia');
    assert.deepEqual(
      social.rubric.dimensions.map((d) => [d.name, d.min, d.max]),
      [
        ['believability', 0, 10],
        ['relationship', -5, 5],
        ['knowledge', 0, 10],
        ['secret', -10, 0],
        ['social_rules', -10, 0],
        ['financial', -5, 5],
        ['goal', 0, 10],
      ],
    );
    assert.deepEqual([team.target, team.by, team.rounds, team.groups], ['agents', ['offline'], [2, 5], ['townsfolk']]);
    assert.deepEqual(team.rubric.dimensions[0], {
      name: 'help',
      description: 'How much they helped',
      min: 1,
      max: 5,
      anchors: { 1: 'none', 5: 'a lot' },
      offline: 'activity',
    });
  });

  it('an unknown judge: SOC120 at the value, with did-you-mean and a fix', async () => {
    const { said } = await resolve(['  - { name: s, rubric: sotopia, by: [offline, critc] }']);
    assert.equal(said.length, 1, said.join('\n'));
    assert.match(
      said[0],
      /^10:47 <<critc>> SOC120 error Unknown judge 'critc' in 's'.*Did you mean 'critic'\?.*\[fix: critic\]$/,
    );
  });

  it('an unknown shipped rubric: SOC121 with did-you-mean', async () => {
    const { said } = await resolve(['  - { name: s, rubric: sotopa }']);
    assert.equal(said.length, 1, said.join('\n'));
    assert.match(
      said[0],
      /^10:24 <<sotopa>> SOC121 error Unknown rubric 'sotopa'.*Did you mean 'sotopia'\?.*\[fix: sotopia\]$/,
    );
  });

  it('a dimension with min not below max, an anchor outside, an unknown signal: SOC122', async () => {
    const { said } = await resolve([
      '  - name: s',
      '    rubric:',
      '      dimensions:',
      '        a: { description: A, min: 5, max: 5 }',
      '        b: { description: B, min: 0, max: 4, anchors: { 7: seven } }',
      '        c: { description: C, min: 0, max: 4, offline: activty }',
    ]);
    assert.equal(said.length, 3, said.join('\n'));
    assert.match(said[0], /^13:43 <<5>> SOC122 error Dimension 'a' of 's' has min 5 not below max 5$/);
    assert.match(said[1], /^14:57 <<7>> SOC122 error Anchor 7 of dimension 'b' is outside its range 0\.\.4$/);
    assert.match(
      said[2],
      /^15:55 <<activty>> SOC122 error Unknown offline signal 'activty'.*Did you mean 'activity'\?/,
    );
  });

  it('an unknown group: SOC123; a round after the last and a judge named twice: SOC124 warnings', async () => {
    const { said } = await resolve([
      '  - { name: s, rubric: sotopia, groups: [townsfolks], rounds: [3, 9], by: [offline, offline] }',
    ]);
    assert.equal(said.length, 3, said.join('\n'));
    assert.ok(
      said.some((s) => /^10:85 <<offline>> SOC124 warning Judge 'offline' is named twice/.test(s)),
      said.join('\n'),
    );
    assert.ok(
      said.some((s) =>
        /^10:42 <<townsfolks>> SOC123 error Unknown group 'townsfolks'.*Did you mean 'townsfolk'\?/.test(s),
      ),
      said.join('\n'),
    );
    assert.ok(
      said.some((s) => /^10:67 <<9>> SOC124 warning 's' judges at round 9, after the last round \(5\)/.test(s)),
      said.join('\n'),
    );
  });
});
