// The view's world-state layer in plain Node: series and values at any round folded from `state`
// events (agents' partial updates carried forward, removed agents out of the summary), the
// declared order, bounds and hidden quantities, node sizes by an agent quantity, and the panel's
// number and bounds formatting.
import assert from 'node:assert/strict';
import { isHostMessage, stateDeclarations, type StateDeclarations } from '../../../src/core/protocol/viewMessages';
import type { TraceHeader } from '../../../src/core/trace/events';
import type { TraceEvent } from '../../../src/core/trace/events';
import { WorldStateTrack } from '../../../webview/model/worldStateTrack';
import { QUANTITY_RADIUS, quantityRadius, quantityRange, sizeNodes } from '../../../webview/model/nodeSizing';
import type { NetworkNode } from '../../../webview/model/networkData';
import { sparklineDomain } from '../../../webview/panels/sparkline';
import { boundsText, quantityValue } from '../../../webview/panels/worldStatePanel';

const state = (
  round: number,
  world: Record<string, number>,
  agents: Record<string, Record<string, number>> = {},
): TraceEvent => ({ type: 'state', round, world, agents });

const DECLARED: StateDeclarations = {
  world: [
    { name: 'fish', description: 'Fish in the lake', min: 0, max: 200 },
    { name: 'sanctions', min: 0, max: 1, integer: true },
  ],
  agents: [
    { name: 'catch', min: 0 },
    { name: 'grudge', hidden: true },
  ],
};

/** Round 0 sets everyone; later rounds only name who changed. */
function commonsTrack(declared?: StateDeclarations): WorldStateTrack {
  const t = new WorldStateTrack(declared);
  const events: TraceEvent[] = [
    state(0, { sanctions: 1, fish: 120 }, { a: { catch: 0, grudge: 0 }, b: { catch: 0, grudge: 0 } }),
    state(1, { sanctions: 1, fish: 150 }, { a: { catch: 3 } }),
    state(2, { sanctions: 1, fish: 140 }, { b: { catch: 5, grudge: 2 } }),
    { type: 'agent_removed', round: 3, agent: 'a' },
    state(3, { sanctions: 0, fish: 90 }, {}),
  ];
  for (const e of events) t.add(e);
  return t;
}

describe('view world state', () => {
  it('holds nothing for a trace without state events', () => {
    const t = new WorldStateTrack();
    t.add({ type: 'round_start', round: 1 } as TraceEvent);
    assert.equal(t.present, false);
    assert.deepEqual(t.world, []);
    assert.deepEqual(t.worldSeries('fish'), []);
    assert.equal(t.worldAt('fish', 5), null);
  });

  it('holds nothing for state events that name no quantity (actions without state: the forum)', () => {
    const t = new WorldStateTrack();
    t.add({ type: 'state', round: 0, world: {}, agents: { ana: {}, bo: {} } } as TraceEvent);
    t.add({ type: 'state', round: 1, world: {}, agents: {} } as TraceEvent);
    assert.equal(t.present, false);
    assert.deepEqual(t.world, []);
    assert.deepEqual(t.agentQuantities, []);
  });

  it('builds each world quantity’s series from the state events, and its value at any round', () => {
    const t = commonsTrack(DECLARED);
    assert.equal(t.present, true);
    assert.deepEqual(
      t.worldSeries('fish'),
      [120, 150, 140, 90].map((value, round) => ({ round, value })),
    );
    assert.equal(t.worldAt('fish', 2), 140);
    assert.equal(t.worldAt('sanctions', 3), 0);
    // A round past the last state event (a round still running) shows the last state.
    assert.equal(t.worldAt('fish', 9), 90);
    assert.equal(t.worldAt('fish', -1), null);
    assert.equal(t.stateRoundAt(2), 2);
    assert.equal(t.stateRoundAt(9), 3, 'round 9 under way: the state at the end of round 3');
    assert.equal(t.stateRoundAt(-1), null);
  });

  it('carries agents’ values forward between the events that change them', () => {
    const t = commonsTrack(DECLARED);
    assert.deepEqual(Object.fromEntries(t.agentValuesAt('catch', 0)), { a: 0, b: 0 });
    assert.deepEqual(Object.fromEntries(t.agentValuesAt('catch', 1)), { a: 3, b: 0 });
    assert.deepEqual(Object.fromEntries(t.agentValuesAt('catch', 2)), { a: 3, b: 5 });
    assert.deepEqual(t.agentAt('b', 1), { catch: 0, grudge: 0 });
    assert.deepEqual(t.agentAt('b', 2), { catch: 5, grudge: 2 });
    assert.equal(t.agentAt('c', 2), undefined);
    // Mean, least and most over the agents still in the society (a left in round 3).
    assert.deepEqual(t.agentSummaryAt('catch', 2), { mean: 4, min: 3, max: 5 });
    assert.deepEqual(t.agentSummaryAt('catch', 3), { mean: 5, min: 5, max: 5 });
    assert.deepEqual(
      t.agentSeries('catch').mean.map((p) => p.value),
      [0, 1.5, 4, 5],
    );
  });

  it('lists quantities in declared order with their bounds, hidden ones included; a trace alone names them', () => {
    const t = commonsTrack(DECLARED);
    assert.deepEqual(
      t.world.map((q) => q.name),
      ['fish', 'sanctions'],
    );
    assert.deepEqual(t.world[0], DECLARED.world[0]);
    assert.deepEqual(t.agentQuantities, DECLARED.agents);
    const bare = commonsTrack();
    assert.deepEqual(bare.world, [{ name: 'sanctions' }, { name: 'fish' }]);
    assert.deepEqual(bare.agentQuantities, [{ name: 'catch' }, { name: 'grudge' }]);
    // Before the first state event the declarations say what is coming.
    assert.deepEqual(new WorldStateTrack(DECLARED).world, DECLARED.world);
  });

  it('sizes nodes by an agent quantity over its range, by area; a node without a value keeps its ties’ size', () => {
    const [r0, r1] = QUANTITY_RADIUS;
    assert.equal(quantityRadius(0, 0, 10), r0);
    assert.equal(quantityRadius(10, 0, 10), r1);
    assert.equal(quantityRadius(99, 0, 10), r1, 'clamped');
    assert.ok(
      Math.abs(quantityRadius(2.5, 0, 10) - (r0 + (r1 - r0) * 0.5)) < 1e-12,
      'a quarter of the range: half the radius span',
    );
    assert.equal(quantityRadius(4, 4, 4), (r0 + r1) / 2, 'an empty range: the middle size');
    assert.deepEqual(quantityRange({}, [12, 3, 7]), [3, 12]);
    const nodes: NetworkNode[] = ['a', 'b', 'c'].map((id) => ({ id, name: id, label: id, inDegree: 0, outDegree: 0 }));
    sizeNodes(
      nodes,
      new Map([
        ['a', 3],
        ['b', 12],
      ]),
      'catch',
      [0, 12],
      (v) => `${v} t`,
    );
    assert.ok(nodes[0].size! < nodes[1].size!);
    assert.equal(nodes[1].size, r1);
    assert.deepEqual(nodes[1].quantity, { name: 'catch', value: '12 t' });
    assert.equal(nodes[2].size, undefined);
    assert.equal(nodes[2].quantity, undefined);
  });

  it('fits the size scale to the values on screen, not to 0 or the declared bounds (issue 73)', () => {
    const [r0, r1] = QUANTITY_RADIUS;
    // The public goods example's coins: declared from 0, held at 206.9…220.9 at the end.
    const coins = new Map([
      ['a', 206.9],
      ['b', 213.9],
      ['c', 220.9],
    ]);
    assert.deepEqual(quantityRange({ min: 0 }, coins.values()), [206.9, 220.9]);
    assert.deepEqual(quantityRange({ min: 0, max: 1000 }, coins.values()), [206.9, 220.9]);
    const nodes: NetworkNode[] = ['a', 'b', 'c'].map((id) => ({ id, name: id, label: id, inDegree: 0, outDegree: 0 }));
    sizeNodes(nodes, coins, 'coins', quantityRange({ min: 0 }, coins.values()), (v) => v.toFixed(1));
    assert.deepEqual(
      nodes.map((n) => n.size),
      [r0, quantityRadius(213.9, 206.9, 220.9), r1],
      'the least drawn smallest, the most largest',
    );
    assert.deepEqual(nodes[0].quantity, { name: 'coins', value: '206.9' }, 'the tooltip says the real value');
    // All equal: one middle size for all; no value at all: the declared bounds (nothing to size).
    const same = quantityRange({ min: 0 }, [5, 5, 5]);
    assert.equal(quantityRadius(5, ...same), (r0 + r1) / 2);
    assert.deepEqual(quantityRange({ min: 0, max: 200 }, []), [0, 200]);
    assert.deepEqual(quantityRange({}, [NaN]), [0, 0]);
  });

  it('writes values and bounds compactly, and scales a sparkline to the bounds or the data', () => {
    assert.equal(quantityValue(0, {}), '0');
    assert.equal(quantityValue(24.3456, {}), '24.35');
    assert.equal(quantityValue(123.456, {}), '123.5');
    assert.equal(quantityValue(0.125, {}), '0.125');
    assert.equal(quantityValue(2.6, { integer: true }), '3');
    assert.equal(quantityValue(null, {}), 'n/a');
    assert.equal(boundsText({ min: 0, max: 200 }), '0 … 200');
    assert.equal(boundsText({ min: 0 }), '≥ 0');
    assert.equal(boundsText({ max: 1 }), '≤ 1');
    assert.equal(boundsText({}), '');
    assert.deepEqual(sparklineDomain([3, 9], 0, 200), [0, 200]);
    assert.deepEqual(sparklineDomain([3, 9], 0), [0, 9]);
    assert.deepEqual(sparklineDomain([3, 9]), [3, 9]);
    const [lo, hi] = sparklineDomain([5, 5]);
    assert.ok(lo < 5 && hi > 5, 'a flat series sits in the middle');
    assert.deepEqual(sparklineDomain([0, 0], 0), [0, 2]);
  });

  it('sends the declarations without expressions, and takes a load only with well-formed ones', () => {
    const declared = stateDeclarations({
      world: [{ name: 'fish', description: 'Fish', initial: 120, min: 0, max: 200, update: 'world.fish * 1.5' }],
      agents: [{ name: 'grudge', initial: 0, hidden: true, valued: false }],
      actions: [],
    });
    assert.deepEqual(declared, {
      world: [{ name: 'fish', description: 'Fish', min: 0, max: 200 }],
      agents: [{ name: 'grudge', hidden: true }],
    });
    assert.equal(stateDeclarations({ world: [], agents: [], actions: [] }), undefined);
    assert.equal(stateDeclarations(undefined), undefined);
    const load = {
      type: 'load',
      source: { kind: 'file', label: 't' },
      header: {} as TraceHeader,
      events: [],
      live: false,
    };
    assert.ok(isHostMessage(load));
    assert.ok(isHostMessage({ ...load, state: declared }));
    assert.ok(!isHostMessage({ ...load, state: { world: [{ name: 3 }], agents: [] } }));
    assert.ok(!isHostMessage({ ...load, state: 'fish' }));
  });
});
