// The society view draws a world's match groups (issue 73): the public goods world in groups of
// four never showed who played with whom. Each round's groups come from its `match` event, as
// places do (a cluster per group, captioned), and only in a world that has them.
import assert from 'node:assert/strict';
import { replay } from '../../../src/core/replay/replay';
import type { MatchEvent } from '../../../src/core/trace/events';
import { networkAt } from '../../../webview/model/networkData';
import { MAX_GROUPS_DRAWN } from '../../../webview/model/matchGroups';
import { placeCaptions } from '../../../webview/model/placeGroups';
import { exampleRun } from '../../webview/fixtures';

describe('match groups in the society view', () => {
  it('draws each round’s groups of four as captioned clusters, strangers regrouped each round', async () => {
    const trace = await exampleRun('public-goods-matching', {
      rounds: 2,
      edit: (s) => {
        s.mechanics!.matching!.design = 'stranger';
      },
    });
    const matches = trace.events.filter((e): e is MatchEvent => e.type === 'match');
    assert.equal(matches.length, 2, 'one draw a round');
    assert.notDeepEqual(matches[0].groups, matches[1].groups, 'strangers are drawn afresh');
    for (const m of matches) {
      const data = networkAt(replay(trace.header, trace.events, m.round));
      assert.deepEqual(
        data.places?.places.map((p) => [p.label, p.count]),
        m.groups.map((g, i) => [`group ${i + 1}`, 4]),
      );
      assert.equal(data.places?.when, 'groups drawn this round');
      const drawn = m.groups.map((g) => g.map((id) => data.nodes.find((n) => n.id === id)?.place));
      assert.deepEqual(
        drawn,
        m.groups.map((g, i) => g.map(() => `group ${i + 1}`)),
        `round ${m.round}: each member in its group`,
      );
      // One caption a group, above its members.
      const nodes = data.nodes.map((n, i) => ({ ...n, x: i, y: 0, radius: 4 }));
      assert.deepEqual(
        placeCaptions(nodes, data.places!).map((c) => c.text),
        m.groups.map((_, i) => `group ${i + 1} · 4`),
      );
    }
    // Setup (round 0) is before the first draw: no groups yet.
    assert.equal(networkAt(replay(trace.header, trace.events, 0)).places, undefined);
  });

  it('partners keep their groups, and say so', async () => {
    const trace = await exampleRun('public-goods-matching', { rounds: 2 });
    const data = networkAt(replay(trace.header, trace.events, 2));
    assert.equal(data.places?.when, 'the same groups all game');
    assert.equal(data.places?.places.length, 4);
  });

  it('a world without match groups draws none', async () => {
    const trace = await exampleRun('public-goods', { rounds: 1 });
    const data = networkAt(replay(trace.header, trace.events, 1));
    assert.equal(data.places, undefined);
    assert.ok(data.nodes.every((n) => n.place === undefined));
  });

  it('past MAX_GROUPS_DRAWN groups, draws none (a ring of tiny clusters reads as nothing)', async () => {
    const trace = await exampleRun('public-goods-matching', {
      rounds: 1,
      edit: (s) => {
        s.population[0].count = 4 * (MAX_GROUPS_DRAWN + 1);
      },
    });
    const state = replay(trace.header, trace.events, 1);
    assert.equal(state.matches?.groups.length, MAX_GROUPS_DRAWN + 1);
    assert.equal(networkAt(state).places, undefined);
  });
});
