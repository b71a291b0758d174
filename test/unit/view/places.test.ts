// The society view with places (issue 44 point 7), its pure part: the replay folds `places` and
// `move` events into where everyone is at the round shown; the network's nodes carry their place,
// the data counts each place's people with the labels from the header; anchors put each place
// apart; captions sit above each cluster. A trace without places has none of it.
import assert from 'node:assert/strict';
import { readTrace } from '../../../src/core/trace/reader';
import { replay } from '../../../src/core/replay/replay';
import { networkAt } from '../../../webview/model/networkData';
import { anchorRadius, CAPTION_CHAR_EM, placeAnchors, placeCaptions } from '../../../webview/model/placeGroups';
import { example, scenarioFromText, traceOf } from '../engine/traceHelpers';
import { TraceModel } from '../../../webview/model/traceModel';

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

describe('the trace table in a town (issue 61)', () => {
  it('names places by their labels, never as the other party, and says where a move went', async () => {
    const { header, events } = readTrace(await traceOf(await scenarioFromText(TOWN)));
    const model = new TraceModel();
    model.load({ kind: 'file', path: 't.jsonl' } as never, header!, events);
    const moves = events.filter((e) => e.type === 'move');
    assert.ok(moves.length > 0, 'the town moved no one');
    const goes = model.rows.filter((r) => r.kind === 'action' && /^plans: go /.test(r.detail));
    assert.ok(goes.length >= moves.length);
    const labels = ['Home', 'Hobbs Cafe', 'Johnson Park'];
    for (const r of goes) {
      assert.match(r.detail, new RegExp(`^plans: go · where (${labels.join('|')})$`), r.detail);
      assert.equal(r.to, undefined, `${r.detail}: a place is no party`);
      assert.doesNotMatch(r.text, /nothing changed|\b(home|cafe|park)\b/, r.text);
    }
    // Each move reads on its action's row, by label, in trace order.
    const went = goes.filter((r) => /went/.test(r.text)).map((r) => r.text.split(' — ')[0]);
    const label = (id?: string) => header!.places!.find((p) => p.id === id)?.label ?? 'away';
    assert.deepEqual(
      went,
      moves.map((m) =>
        m.type === 'move' && m.wanted !== undefined
          ? `${label(m.wanted)} was full: went ${m.to === undefined ? 'away' : `to ${label(m.to)}`}`
          : `went to ${label(m.type === 'move' ? m.to : undefined)}`,
      ),
    );
  });
});

describe('place captions (issue 61)', () => {
  // Eight places whose people stand close together, as a town's ties pull them: side by side and
  // stacked, with long labels.
  const labels = ['The Rose and Crown Pub', 'Hobbs Cafe', "Yuriko's house", 'Harvey Oak Supply Store'];
  const more = ["Carmen's apartment", 'The Willows Market and Pharmacy', "Isabella's apartment", 'Johnson Park'];
  const shown = {
    when: 'day 2, evening',
    places: [...labels, ...more].map((label, i) => ({ id: `p${i}`, label, count: 2 })),
  };
  const nodes = shown.places.flatMap((p, i) => {
    const x = (i % 4) * 40,
      y = Math.floor(i / 4) * 30;
    return [
      { x, y, radius: 4, place: p.id },
      { x: x + 8, y: y + 6, radius: 4, place: p.id },
    ];
  });
  const em = 12;
  const overlaps = (cs: ReturnType<typeof placeCaptions>): string[] => {
    const half = (t: string) => (t.length * CAPTION_CHAR_EM * em) / 2;
    const out: string[] = [];
    for (let i = 0; i < cs.length; i++) {
      for (let j = i + 1; j < cs.length; j++) {
        const [a, b] = [cs[i], cs[j]];
        if (Math.abs(a.x - b.x) < half(a.text) + half(b.text) && Math.abs(a.y - b.y) < em * 1.25) {
          out.push(`${a.text} / ${b.text}`);
        }
      }
    }
    return out;
  };

  it('at their font size, no two overlap; each stays over its own cluster', () => {
    assert.ok(overlaps(placeCaptions(nodes, shown)).length > 0, 'the case must crowd them');
    const captions = placeCaptions(nodes, shown, em);
    assert.equal(captions.length, 8);
    assert.deepEqual(overlaps(captions), []);
    for (const c of captions) {
      const here = nodes.filter((n) => n.place === c.id);
      assert.equal(c.x, here.reduce((s, n) => s + n.x, 0) / here.length);
    }
  });

  it('a caption moved above another is not taken to hit it again for a float (the town example)', () => {
    // From the town at round 8: the dorm's caption moved above the Lins' by one caption height ends
    // a rounding error short of it, and the lofts' stayed on the dorm's.
    const em = 45.50203213802548;
    const town = [
      { id: 'lins', label: "the Lins' house", count: 5, x: -99.75, y: 256.90344384997576 + 12 + 10 },
      { id: 'dorm', label: 'the college dorm', count: 3, x: 195.53, y: 219.7 + 12 + 10 },
      { id: 'lofts', label: "the artists' lofts", count: 1, x: 88.86, y: 266.1 + 12 + 10 },
    ];
    const at = town.flatMap((p) =>
      Array.from({ length: p.count }, () => ({ x: p.x, y: p.y, radius: 10, place: p.id })),
    );
    const captions = placeCaptions(at, { when: '', places: town }, em);
    const half = (t: string) => (t.length * CAPTION_CHAR_EM * em) / 2;
    for (let i = 0; i < captions.length; i++) {
      for (let j = i + 1; j < captions.length; j++) {
        const [a, b] = [captions[i], captions[j]];
        const apart =
          Math.abs(a.x - b.x) >= half(a.text) + half(b.text) || Math.abs(a.y - b.y) >= em * 1.25 * (1 - 1e-9);
        assert.ok(apart, `${a.text} at ${a.y} / ${b.text} at ${b.y}`);
      }
    }
  });

  it('captions with room keep their spot above the cluster', () => {
    const apart = nodes.map((n) => ({ ...n, x: n.x * 20, y: n.y * 20 }));
    assert.deepEqual(placeCaptions(apart, shown, em), placeCaptions(apart, shown));
  });
});
