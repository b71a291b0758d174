// A stage's deferred state changes are data (engine/flow/stateChange.ts), so that units could run on
// worker threads and send their changes back: here every change is copied as a message between
// threads would copy it (structuredClone) before the stage commits it, and the traces must be the
// ones the engine writes with the changes it made itself.
import * as assert from 'node:assert/strict';
import type { Scenario } from '../../../src/core/format/model/model';
import type { StateChange } from '../../../src/core/engine/flow/stateChange';
import { Tape } from '../../../src/core/engine/flow/tape';
import { roomsScenario } from './scenarioFixture';
import { example, traceOf } from './traceHelpers';

/** The trace of `scenario` with every change cloned on its way to the commit; the kinds seen. */
async function tracedThroughCopies(scenario: Scenario): Promise<{ trace: string; kinds: Set<string> }> {
  const kinds = new Set<string>();
  const later = Object.getOwnPropertyDescriptor(Tape.prototype, 'later')!;
  Object.defineProperty(Tape.prototype, 'later', {
    ...later,
    value(this: Tape, change: StateChange) {
      kinds.add(change.kind);
      // Plain JSON too: nothing a message could not carry (no agents, maps or functions).
      assert.deepEqual(JSON.parse(JSON.stringify(change)), change);
      (later.value as (c: StateChange) => void).call(this, structuredClone(change));
    },
  });
  try {
    return { trace: await traceOf(scenario), kinds };
  } finally {
    Object.defineProperty(Tape.prototype, 'later', later);
  }
}

describe('state changes as data', () => {
  for (const [name, scenario] of [
    ['examples/friends', () => example('friends/friends.society')],
    ['examples/commons', () => example('commons/commons.society')],
    ['examples/forum', () => example('forum/forum.society')],
    ['rooms and coaching', () => roomsScenario(16, 6)],
  ] as const) {
    it(`${name}: changes copied as between threads give the same trace`, async function () {
      const expected = await traceOf(await scenario());
      const copied = await tracedThroughCopies(await scenario());
      assert.equal(copied.trace, expected);
      for (const kind of ['conversation', 'rating', 'met', 'reward']) {
        assert.ok(copied.kinds.has(kind), `no '${kind}' change`);
      }
    });
  }
});
