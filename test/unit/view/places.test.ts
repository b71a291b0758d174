// The society view with places (issue 44 point 7), its pure part: the replay folds `places` and
// `move` events into where everyone is at the round shown; the network's nodes carry their place,
// the data counts each place's people with the labels from the header; anchors put each place
// apart; captions sit above each cluster. A trace without places has none of it.
import assert from 'node:assert/strict';
import { readTrace } from '../../../src/core/trace/reader';
import { replay } from '../../../src/core/replay/replay';
import { networkAt } from '../../../webview/model/networkData';
import { anchorRadius, placeAnchors, placeCaptions } from '../../../webview/model/placeGroups';
import { example, scenarioFromText, traceOf } from '../engine/traceHelpers';

const TOWN = [
  'kind: scenario',
  'name: Town',
  'seed: 3',
  'world: { rounds: 4 }',
  'population:',
  '  - { group: folk, count: 8 }',
  'places:',
  '  home: { label: Home }',
  '  cafe: { label: Hobbs Cafe, capacity: 3, overflow: park }',
  '  park: { label: Johnson Park }',
  'day: [morning, afternoon]',
  'plan: { morning: home, afternoon: cafe }',
  'actions:',
  '  go:',
  '    description: Go somewhere.',
  '    args: { where: { type: place } }',
  '    move: args.where',
  '  stay: { description: Stay. }',
  'round: [{ phase: plans, actions: [go, stay] }, meet]',
  '',
].join('\n');

describe('the society view: where people are', () => {
  it('follows the round: nodes carry their place (moves included), the data counts each place with its label', async () => {
    const { header, events } = readTrace(await traceOf(await scenarioFromText(TOWN)));
    assert.deepEqual(header!.places, [
      { id: 'home', label: 'Home' },
      { id: 'cafe', label: 'Hobbs Cafe' },
      { id: 'park', label: 'Johnson Park' },
    ]);
    for (const round of [1, 2, 3, 4]) {
      const data = networkAt(replay(header!, events, round));
      // Where the trace says everyone ended the round: the places event, then its moves in order.
      const where = new Map<string, string>();
      for (const e of events.filter((x) => x.round === round)) {
        if (e.type === 'places') for (const [p, ids] of Object.entries(e.at)) for (const id of ids) where.set(id, p);
        if (e.type === 'move' && e.to) where.set(e.agent, e.to);
      }
      assert.deepEqual(new Map(data.nodes.map((n) => [n.id, n.place])), where);
      assert.equal(data.places!.when, `day ${Math.ceil(round / 2)}, ${round % 2 ? 'morning' : 'afternoon'}`);
      assert.deepEqual(
        data.places!.places.map((p) => p.label),
        ['Home', 'Hobbs Cafe', 'Johnson Park'],
      );
      for (const p of data.places!.places) {
        assert.equal(p.count, [...where.values()].filter((x) => x === p.id).length);
      }
    }
  });

  it('a trace without places: no place on any node, no places in the data', async () => {
    const { header, events } = readTrace(await traceOf(await example('friends/friends.society')));
    const data = networkAt(replay(header!, events, 2));
    assert.equal(data.places, undefined);
    assert.ok(data.nodes.every((n) => n.place === undefined));
    assert.equal(header!.places, undefined);
  });

  it('anchors: one per place, apart on a circle, the first at the top; captions above each cluster', () => {
    const anchors = placeAnchors(['home', 'cafe', 'park']);
    assert.deepEqual(anchors.get('home'), [0, -anchorRadius(3)]);
    const points = [...anchors.values()];
    for (let i = 0; i < points.length; i++) {
      for (let j = i + 1; j < points.length; j++) {
        assert.ok(Math.hypot(points[i][0] - points[j][0], points[i][1] - points[j][1]) > 100);
      }
    }
    assert.deepEqual(placeAnchors(['only']).get('only'), [0, 0]);
    const shown = {
      when: 'day 1, morning',
      places: [
        { id: 'home', label: 'Home', count: 2 },
        { id: 'cafe', label: 'Hobbs Cafe', count: 0 },
      ],
    };
    const captions = placeCaptions(
      [
        { x: 0, y: 10, radius: 5, place: 'home' },
        { x: 20, y: 30, radius: 5, place: 'home' },
        { x: 99, y: 99, radius: 5 },
      ],
      shown,
    );
    assert.deepEqual(captions, [{ id: 'home', text: 'Home · 2', x: 10, y: -7 }]);
  });
});
