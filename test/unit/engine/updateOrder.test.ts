// Issue 41, defect 15: the order in which `update`s run decides results and was undocumented
// (docs/authoring.md §2 now states it). Pinned here: world updates all read the values the round
// closed with (a later one does not see an earlier one's result); agent updates read the world as
// the world updates left it, and each agent's own values as the round closed them.
import assert from 'node:assert/strict';
import type { TraceEvent } from '../../../src/core/trace/events';
import { scenarioFromText, traceOf } from './traceHelpers';

const SCENARIO = `kind: scenario
name: order
personas:
  - { id: ana, name: Ana }
  - { id: bo, name: Bo }
world: { rounds: 2 }
state:
  world:
    a: { initial: 1, max: 100, update: "world.a + 10.0" }
    b: { initial: 0, update: "world.a" }
    c: { initial: 0, max: 5, update: "world.a" }
  agents:
    seen_a: { initial: 0, update: "world.a" }
    seen_c: { initial: 0, update: "world.c" }
    x: { initial: 1, update: "me.x + 1.0" }
    y: { initial: 0, update: "me.x" }
`;

describe('the order of updates at the end of a round (issue 41: 15)', () => {
  it('world updates read the closing values; agent updates read the updated world and their own closing values', async () => {
    const scenario = await scenarioFromText(SCENARIO);
    const states = (await traceOf(scenario))
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as TraceEvent)
      .filter((e): e is Extract<TraceEvent, { type: 'state' }> => e.type === 'state');
    const after = (round: number) => states.find((s) => s.round === round)!;
    // Round 1 closes with a = 1: b and c read that 1, not the 11 that a's update (declared first) gives.
    assert.deepEqual(after(1).world, { a: 11, b: 1, c: 1 });
    // Agents read the world after its updates (a = 11, c as bounded) and their own x before its update.
    assert.deepEqual(after(1).agents.ana, { seen_a: 11, seen_c: 1, x: 2, y: 1 });
    assert.deepEqual(after(2).world, { a: 21, b: 11, c: 5 });
    assert.deepEqual(after(2).agents.bo, { seen_a: 21, seen_c: 5, x: 3, y: 2 });
  });
});
