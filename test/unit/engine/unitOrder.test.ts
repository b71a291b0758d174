// A stage's units must read only the state at the stage's start and defer what they change
// (engine/flow/stage.ts, engine/flow/stateChange.ts): that is what lets them run on worker threads. Run
// last to first instead of first to last, every stage of these runs must write the same trace.
import * as assert from 'node:assert/strict';
import { roomsScenario } from './scenarioFixture';
import { example, traceOf } from './traceHelpers';

describe("a stage's units in any order", () => {
  for (const [name, scenario] of [
    ['examples/friends', () => example('friends/friends.society')],
    ['examples/commons', () => example('commons/commons.society')],
    ['examples/donor-game (generations)', () => example('donor-game/donor-game.society')],
    ['examples/forum (feeds)', () => example('forum/forum.society')],
    ['rooms and coaching', () => roomsScenario(16, 6)],
  ] as const) {
    it(`${name}: run last to first, the same trace`, async function () {
      const forward = await traceOf(await scenario());
      assert.equal(await traceOf(await scenario(), { reversedUnits: true }), forward);
    });
  }
});
