// Timed events that post to a feed (issue 44: 8): the feed is declared (SOC088) and the author is a
// persona (SOC089), each marked at the value with did-you-mean and a quick fix; `post` is an
// event's one action like `broadcast`.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { NodeFileSystem, OverlayFileSystem, SocietyWorkspace, type Diagnostic } from '../../../src/core/format';
import { textAt } from './editorFixtures';

const file = path.resolve('/virtual/timed-posts/s.society');

async function told(events: string[], feeds = ['feeds:', '  timeline: {}']): Promise<string[]> {
  const text = [
    'kind: scenario',
    'name: S',
    'personas:',
    '  - { id: maya, name: Maya }',
    '  - { id: bo, name: Bo }',
    ...feeds,
    'actions:',
    '  read: { description: Read. }',
    'events:',
    ...events,
    '',
  ].join('\n');
  const overlay = new OverlayFileSystem(new NodeFileSystem());
  overlay.set(file, text);
  const r = await new SocietyWorkspace(overlay, path.dirname(file)).resolveScenario(file, undefined, { build: false });
  return r.diagnostics.map(
    (d: Diagnostic) =>
      `${d.range.start.line + 1}:${d.range.start.character + 1} <<${textAt(text, d.range)}>> ${d.code} ${d.message}${d.fixes?.length ? ` [fix: ${d.fixes[0].newText}]` : ''}`,
  );
}

describe('timed posts: diagnostics', () => {
  it('a post with and without an author checks clean', async () => {
    assert.deepEqual(
      await told([
        '  - { at: 1, post: { feed: timeline, text: "Rumour: the mayor is resigning" } }',
        '  - { at: 2, post: { feed: timeline, text: "Party tonight", author: maya } }',
      ]),
      [],
    );
  });

  it('an unknown feed: SOC088 at the value, with did-you-mean and a fix', async () => {
    assert.deepEqual(await told(['  - { at: 1, post: { feed: timelin, text: "x" } }']), [
      "11:28 <<timelin>> SOC088 Unknown feed 'timelin' in the post of event 1. Did you mean 'timeline'? (feeds: timeline) [fix: timeline]",
    ]);
  });

  it('no feeds at all: SOC088 says to declare one', async () => {
    const got = await told(['  - { at: 1, post: { feed: timeline, text: "x" } }'], []);
    assert.ok(
      got.some((d) => d.includes('SOC088') && d.includes('declare it under `feeds:`')),
      got.join('\n'),
    );
  });

  it('an unknown author: SOC089 at the value, with did-you-mean and a fix', async () => {
    assert.deepEqual(await told(['  - { at: 1, post: { feed: timeline, text: "x", author: mya } }']), [
      "11:57 <<mya>> SOC089 Unknown author 'mya' of the post of event 1: the author is a persona id (leave `author` out for the platform's own post). Did you mean 'maya'? (personas: maya, bo) [fix: maya]",
    ]);
  });

  it('a post beside another action in one event is a schema error', async () => {
    const got = await told(['  - { at: 1, broadcast: hi, post: { feed: timeline, text: "x" } }']);
    assert.ok(got.length > 0);
  });
});
