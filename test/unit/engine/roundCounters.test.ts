// The round_end statistics count what the round's events show: encounters (pair encounters and
// rooms) and messages are tallied off the published events (kernel/roundCounters.ts), not by the
// units that said them, so they hold however the units ran (reversed here, as worker threads would).
import * as assert from 'node:assert/strict';
import { roomsScenario } from './scenarioFixture';
import { example, traceLines, traceOf } from './traceHelpers';

async function checkCounts(trace: string): Promise<number> {
  const lines = traceLines(trace);
  const seen = new Map<number, { encounters: number; messages: number }>();
  let rounds = 0;
  for (const l of lines) {
    const c = seen.get(l.round) ?? { encounters: 0, messages: 0 };
    seen.set(l.round, c);
    if (l.type === 'encounter' || l.type === 'room') c.encounters++;
    if (l.type === 'message') c.messages++;
    if (l.type === 'round_end') {
      assert.deepEqual(
        { encounters: l.stats.encounters, messages: l.stats.messages },
        seen.get(l.round),
        `round ${l.round}`,
      );
      rounds++;
    }
  }
  return rounds;
}

describe('round counters', () => {
  for (const [name, scenario] of [
    ['examples/friends', () => example('friends/friends.society')],
    ['rooms and coaching', () => roomsScenario(12, 4)],
  ] as const) {
    it(`${name}: round_end counts the round's encounter, room and message events`, async function () {
      const forward = await traceOf(await scenario());
      const rounds = await checkCounts(forward);
      assert.ok(rounds >= 4, `${rounds} rounds`);
      const lines = traceLines(forward);
      assert.ok(
        lines.some((l) => l.type === 'message'),
        'the run had messages',
      );
      await checkCounts(await traceOf(await scenario(), { reversedUnits: true }));
    });
  }
});
