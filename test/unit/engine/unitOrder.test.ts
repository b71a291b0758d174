// A stage's units must read only the state at the stage's start and defer what they change
// (engine/stage.ts, engine/stateChange.ts): that is what lets them run on worker threads. Run
// last to first instead of first to last, every stage of these runs must write the same trace.
import * as assert from 'node:assert/strict';
import { makeScenario } from './scenarioFixture';
import { example, traceOf } from './traceHelpers';

const rooms = () => {
  const base = makeScenario(16);
  return makeScenario(16, {
    world: {
      ...base.world,
      rounds: 6,
      encounters: { mode: 'recommend', per_round: 2, exploration: 0.2 },
      rooms: [{ name: 'lounge', topic: 'music', members: [], size: 4 }],
    },
    coaching: { enabled: true, every: 2 },
  });
};

describe("a stage's units in any order", () => {
  for (const [name, scenario] of [
    ['examples/friends', () => example('friends/friends.society')],
    ['examples/commons', () => example('commons/commons.society')],
    ['examples/donor-game (generations)', () => example('donor-game/donor-game.society')],
    ['examples/forum (feeds)', () => example('forum/forum.society')],
    ['rooms and coaching', rooms],
  ] as const) {
    it(`${name}: run last to first, the same trace`, async function () {
      this.timeout(60_000);
      const forward = await traceOf(await scenario());
      assert.equal(await traceOf(await scenario(), { reversedUnits: true }), forward);
    });
  }
});
