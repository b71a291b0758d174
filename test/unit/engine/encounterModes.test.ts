// Every encounter mode runs whole societies, and the platform offers the last person left: with
// two agents and nothing in common, a random or exploratory draw still brings them together.
import * as assert from 'node:assert/strict';
import type { EncounterPolicy, Scenario } from '../../../src/core/format/model/model';
import { readTrace } from '../../../src/core/trace/reader';
import type { TraceEvent } from '../../../src/core/trace/events';
import { makePersona, makeScenario } from './scenarioFixture';
import { traceOf } from './traceHelpers';

const MODES: EncounterPolicy['mode'][] = ['random', 'network', 'recommend'];

function withEncounters(s: Scenario, encounters: EncounterPolicy, rounds: number): Scenario {
  return { ...s, world: { ...s.world, rounds, encounters } };
}

async function eventsOf(s: Scenario): Promise<TraceEvent[]> {
  const read = readTrace(await traceOf(s));
  assert.deepEqual(read.errors, []);
  assert.equal(read.complete, true);
  return read.events;
}

describe('encounter modes', function () {
  for (const mode of MODES) {
    it(`${mode}: runs a society to the end, every agent meeting someone each round`, async () => {
      const s = withEncounters(
        makeScenario(8, { coaching: { enabled: true, every: 1 } }),
        { mode, per_round: 2, exploration: 0.2 },
        4,
      );
      const events = await eventsOf(s);
      for (let r = 1; r <= 4; r++) {
        const started = new Set(
          events.filter((e) => e.type === 'encounter' && e.round === r).map((e) => (e as { from: string }).from),
        );
        assert.equal(started.size, 8, `round ${r}: every agent starts a conversation`);
      }
      assert.ok(events.some((e) => e.type === 'evaluation') && events.some((e) => e.type === 'advice'));
    });

    it(`${mode}: two agents with nothing in common still meet`, async () => {
      const a = { ...makePersona(0), interests: ['chess'] },
        b = { ...makePersona(1), interests: ['surfing'] };
      const s = withEncounters(
        makeScenario(0, { personas: [a, b] }),
        { mode, per_round: 1, exploration: mode === 'random' ? 0 : 1 },
        3,
      );
      const encounters = (await eventsOf(s)).filter((e) => e.type === 'encounter');
      assert.equal(encounters.length, 6, 'each of them starts one conversation in each of 3 rounds');
    });
  }
});
