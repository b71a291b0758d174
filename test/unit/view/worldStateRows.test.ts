// The World state panel's pure layer in plain Node (issue 42): a paused debug session's state
// standing in for its round (world values, agents' values merged over the last state event, the
// series reaching the paused point), categorical quantities (agents per label, round by round and
// at the pause), and the dense rows the panel writes: values, ranges, label shares and tooltips.
import assert from 'node:assert/strict';
import { isHostMessage, type StateDeclarations } from '../../../src/core/protocol/viewMessages';
import type { TraceEvent } from '../../../src/core/trace/events';
import { WorldStateTrack } from '../../../webview/model/worldStateTrack';
import { labelCounts, labelOf, labelShares } from '../../../webview/model/labelCounts';
import { agentRow, percent, quantityValue, stateMoment, worldRow } from '../../../webview/model/quantityRows';
import { changeLabels } from '../../../webview/model/changeLabels';
import { rowOf } from '../../../webview/model/traceRows';

const state = (
  round: number,
  world: Record<string, number>,
  agents: Record<string, Record<string, number>> = {},
): TraceEvent => ({ type: 'state', round, world, agents });

const TOWN: StateDeclarations = {
  world: [
    { name: 'pot', min: 0, description: 'Coins in the pot' },
    { name: 'season', labels: ['spring', 'summer', 'autumn'], integer: true, min: 0, max: 2 },
  ],
  agents: [
    { name: 'coins', min: 0, max: 20 },
    { name: 'place', labels: ['home', 'cafe', 'park'], integer: true, min: 0, max: 2, hidden: true },
  ],
};

function town(): WorldStateTrack {
  const t = new WorldStateTrack(TOWN);
  for (const e of [
    state(
      0,
      { pot: 0, season: 0 },
      { a: { coins: 10, place: 0 }, b: { coins: 10, place: 0 }, c: { coins: 10, place: 0 } },
    ),
    state(1, { pot: 6, season: 1 }, { a: { coins: 7, place: 2 }, b: { coins: 7, place: 1 } }),
    { type: 'agent_removed', round: 2, agent: 'c' } as TraceEvent,
    state(2, { pot: 9, season: 1 }, { b: { coins: 4, place: 2 } }),
  ]) {
    t.add(e);
  }
  return t;
}

describe('World state panel: a paused session, categorical quantities and dense rows', () => {
  it('counts agents per label, round by round, without the agents who left', () => {
    const t = town();
    assert.deepEqual(
      t.labelSeries('place').map((p) => [p.round, p.counts]),
      [
        [0, [3, 0, 0]],
        [1, [1, 1, 1]],
        [2, [0, 0, 2]],
      ],
    );
    assert.deepEqual(t.labelCountsAt('place', 1), [1, 1, 1]);
    assert.deepEqual(t.labelCountsAt('place', 5), [0, 0, 2], 'a round under way: the last state');
    assert.equal(t.labelCountsAt('place', -1), null);
    assert.deepEqual(t.labelSeries('coins'), [], 'a numeric quantity has no labels');
    assert.deepEqual(labelCounts([{ place: 1 }, { place: 7 }, { place: 0.5 }, {}], 'place', ['a', 'b']), [0, 1]);
    assert.deepEqual(labelShares([1, 3]), [0.25, 0.75]);
    assert.deepEqual(labelShares([0, 0]), [0, 0]);
    assert.equal(labelOf(2, ['home', 'cafe', 'park']), 'park');
    assert.equal(labelOf(3, ['home', 'cafe', 'park']), undefined);
    assert.equal(labelOf(1.5, ['home', 'cafe', 'park']), undefined);
  });

  it('shows a paused session’s state at its round: the world, the agents merged over the last state event', () => {
    const t = town();
    // Paused in round 3 after a's action: only a changed since round 2's state event.
    t.pause({ round: 3, world: { pot: 12, season: 2 }, agents: { a: { coins: 4, place: 1 } } });
    assert.equal(t.stateRoundAt(3), 3);
    assert.equal(t.worldAt('pot', 3), 12);
    assert.equal(t.worldAt('pot', 2), 9, 'another round keeps its own state');
    assert.deepEqual(t.agentSummaryAt('coins', 3), { mean: 4, min: 4, max: 4 });
    assert.deepEqual(t.agentAt('a', 3), { coins: 4, place: 1 });
    assert.deepEqual(t.agentAt('b', 3), { coins: 4, place: 2 });
    assert.deepEqual(Object.fromEntries(t.agentValuesAt('coins', 3)), { a: 4, b: 4 });
    assert.deepEqual(t.labelCountsAt('place', 3), [0, 1, 1]);
    // The series reach the paused point, so the marker's dot sits on the line's end.
    assert.deepEqual(t.worldSeries('pot').at(-1), { round: 3, value: 12 });
    assert.deepEqual(t.agentSeries('coins').max.at(-1), { round: 3, value: 4 });
    assert.deepEqual(t.labelSeries('place').at(-1), { round: 3, counts: [0, 1, 1] });
    assert.equal(stateMoment(t, 3), 'Paused in round 3 (in progress)');
    assert.equal(worldRow(t, TOWN.world[0], 3).value, '12');
    // The run goes on: back to the trace's own state.
    t.pause(undefined);
    assert.equal(t.worldAt('pot', 3), 9);
    assert.equal(t.worldSeries('pot').length, 3);
    assert.equal(stateMoment(t, 3), 'At the end of round 2 (round 3 under way)');
  });

  it('a stop at a round’s end replaces that round’s point (no second point), and says so', () => {
    const t = town();
    t.pause({ round: 2, world: { pot: 9, season: 1 }, agents: {}, ended: true });
    assert.deepEqual(
      t.worldSeries('pot').map((p) => p.round),
      [0, 1, 2],
    );
    assert.equal(stateMoment(t, 2), 'Paused at the end of round 2');
    assert.deepEqual(t.agentSummaryAt('coins', 2), { mean: 5.5, min: 4, max: 7 });
  });

  it('writes one dense row per quantity: a label for a categorical value, a mean with its range, shares', () => {
    const t = town();
    assert.equal(quantityValue(1, { labels: ['spring', 'summer'] }), 'summer');
    assert.equal(quantityValue(1.04, { labels: ['spring', 'summer'] }), '1.04', 'a mean is no label');
    const season = worldRow(t, TOWN.world[1], 2);
    assert.equal(season.value, 'summer');
    assert.match(season.title, /now: 1 \(summer\)/);
    assert.match(season.title, /values: 0 spring · 1 summer · 2 autumn/);
    const pot = worldRow(t, TOWN.world[0], 2);
    assert.deepEqual([pot.value, pot.title], ['9', 'pot (world)\nCoins in the pot\nnow: 9\nbounds ≥ 0']);
    const coins = agentRow(t, TOWN.agents[0], 2);
    assert.deepEqual([coins.value, coins.range], ['5.5', '4 … 7']);
    assert.match(coins.title, /bounds 0 … 20/);
    const place = agentRow(t, TOWN.agents[1], 1);
    assert.equal(place.value, 'home 33%', 'the commonest label (the first of those tied)');
    assert.deepEqual(
      place.shares?.map((s) => [s.label, s.count]),
      [
        ['home', 1],
        ['cafe', 1],
        ['park', 1],
      ],
    );
    assert.match(place.title, /^place \(per agent\) · hidden from other agents\n/);
    assert.match(place.title, /home: 1 \(33%\), cafe: 1 \(33%\), park: 1 \(33%\)/);
    assert.equal(agentRow(t, TOWN.agents[1], 2).value, 'park 100%');
    assert.equal(agentRow(new WorldStateTrack(TOWN), TOWN.agents[0], 0).value, 'n/a');
    assert.equal(percent(0.001), '<1%');
    assert.equal(percent(0), '0%');
  });

  it('names categorical values in the trace table’s change text', () => {
    const label = changeLabels(TOWN)!;
    const action = {
      type: 'action',
      round: 1,
      agent: 'a',
      action: 'go',
      args: {},
      changes: { 'a.place': [0, 2], 'a.coins': [10, 7.5], 'world.season': [0, 1] },
    } as TraceEvent;
    assert.equal(
      rowOf(action, 0, undefined, label)?.text,
      'a.place home → park; a.coins 10 → 7.5; world.season spring → summer',
    );
    assert.equal(rowOf(action, 0)?.text, 'a.place 0 → 2; a.coins 10 → 7.5; world.season 0 → 1');
    assert.equal(changeLabels({ world: [{ name: 'pot' }], agents: [] }), undefined);
  });

  it('takes a highlight with the paused state only when it is well formed', () => {
    const highlight = { type: 'highlight', agents: ['a'], round: 3 };
    assert.ok(isHostMessage(highlight));
    assert.ok(isHostMessage({ ...highlight, state: { round: 3, world: { pot: 1 }, agents: { a: { coins: 2 } } } }));
    assert.ok(isHostMessage({ ...highlight, state: { round: 3, world: { pot: null }, agents: {} } }), 'NaN in JSON');
    assert.ok(!isHostMessage({ ...highlight, state: { round: 3, world: { pot: 'x' }, agents: {} } }));
    assert.ok(!isHostMessage({ ...highlight, state: { world: {}, agents: {} } }));
    assert.ok(
      !isHostMessage({
        type: 'load',
        source: {},
        header: {},
        events: [],
        live: false,
        state: { world: [{ name: 'x', labels: 'a' }], agents: [] },
      }),
    );
  });
});
