// Survey declarations (issue 48): instruments and surveys check clean and build the typed model
// (a shipped instrument by name, defaults); SOC110–SOC116 at the right line and column, with
// did-you-mean and a fix where a name was misspelt.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { resolveText } from './editorFixtures';

const file = path.resolve('/virtual/surveys/s.society');

async function resolve(body: string[]) {
  const text = [
    'kind: scenario',
    'name: S',
    'world: { rounds: 10 }',
    'personas:',
    '  - { id: maya, name: Maya, group: townsfolk }',
    '  - { id: bo, name: Bo }',
    ...body,
    '',
  ].join('\n');
  return resolveText(file, text);
}

const MOOD = [
  'instruments:',
  '  mood:',
  '    title: Mood',
  '    response: { type: likert, points: 7 }',
  '    items:',
  '      - { id: m1, text: I am happy. }',
  '      - { id: m2, text: I am sad. }',
  '      - { id: m3, text: Why?, response: { type: text } }',
  '    scales:',
  '      happy: { items: [m1, m2], reverse: [m2], measures: extraversion }',
];

describe('surveys: declarations and diagnostics', () => {
  it('instruments and surveys check clean and build, a shipped one by name', async () => {
    const { said, scenario } = await resolve([
      ...MOOD,
      'surveys:',
      '  - { instrument: mood, at: [start, 5, end], to: [townsfolk, bo], remember: true }',
      '  - { instrument: mini-ipip, every: 3 }',
    ]);
    assert.deepEqual(said, []);
    const [mood, ipip] = scenario!.surveys!;
    assert.deepEqual(mood.at, ['start', 5, 'end']);
    assert.equal(mood.remember, true);
    assert.deepEqual(mood.instrument.items[0].response, { type: 'likert', points: 7 });
    assert.deepEqual(mood.instrument.items[2].response, { type: 'text' });
    assert.deepEqual(mood.instrument.scales, [
      { name: 'happy', items: ['m1', 'm2'], reverse: ['m2'], measures: 'extraversion' },
    ]);
    assert.equal(ipip.instrument.items.length, 20);
    assert.deepEqual(ipip.at, []);
    assert.equal(ipip.every, 3);
    assert.equal(ipip.remember, false);
  });

  it('an unknown instrument: SOC110 at the name, with did-you-mean', async () => {
    const { said } = await resolve([...MOOD, 'surveys:', '  - { instrument: mini-ipp }']);
    assert.equal(said.length, 1, said.join('\n'));
    assert.match(
      said[0],
      /^18:19 <<mini-ipp>> SOC110 error Unknown instrument 'mini-ipp'.*Did you mean 'mini-ipip'\?.*\[fix: mini-ipip\]$/,
    );
  });

  it('an unknown persona or group in `to`: SOC111; a round after the last: SOC113 warning', async () => {
    const { said } = await resolve(['surveys:', '  - { instrument: mini-ipip, to: [townsflk], at: [12] }']);
    assert.deepEqual(said.length, 2, said.join('\n'));
    assert.match(said[0], /^8:35 <<townsflk>> SOC111 error .*Did you mean 'townsfolk'\?.*\[fix: townsfolk\]$/);
    assert.match(said[1], /^8:51 <<12>> SOC113 warning Round 12 is after the last round \(10\)/);
  });

  it('scales: an unknown item (SOC112), a reverse item outside the scale, an unscorable item (SOC115)', async () => {
    const { said } = await resolve([...MOOD.slice(0, -1), '      happy: { items: [m1, m4, m3], reverse: [m2] }']);
    assert.equal(said.length, 3, said.join('\n'));
    assert.match(said[0], /^16:28 <<m4>> SOC112 error Scale 'happy' of 'mood' names 'm4'/);
    assert.match(
      said[1],
      /^16:32 <<m3>> SOC115 error Item 'm3' of scale 'happy' is answered with a choice or free text/,
    );
    assert.match(said[2], /^16:47 <<m2>> SOC112 error .*not among the scale/);
  });

  it('a duplicate item (SOC114) and malformed response scales (SOC116)', async () => {
    const { said } = await resolve([
      'instruments:',
      '  x:',
      '    response: { type: likert, points: 3, anchors: [no, yes] }',
      '    items:',
      '      - { id: a, text: A }',
      '      - { id: a, text: B, response: { type: numeric, min: 5, max: 1 } }',
    ]);
    assert.equal(said.length, 3, said.join('\n'));
    assert.match(said[0], /^9:51 <<\[no, yes\]>> SOC116 error 2 anchors for a 3-point scale/);
    assert.match(said[1], /^12:15 <<a>> SOC114 error Item 'a' is declared twice/);
    assert.match(said[2], /^12:27 <<response>> SOC116 error A numeric response needs min < max/);
  });

  it('a response type the schema does not have is a schema error', async () => {
    const { said } = await resolve([
      'instruments:',
      '  x:',
      '    items:',
      '      - { id: a, text: A, response: { type: slider } }',
    ]);
    assert.ok(
      said.some((s) => /slider/.test(s) || /type/.test(s)),
      said.join('\n'),
    );
  });
});
