// An event is settled once emitted: the trace's own thread (trace/offThreadWriter.ts) clones events
// a batch after they were emitted, so an engine that changed an event (or an object it holds: a
// memory record, a stats block) after emitting it would write another trace with 2 threads than with
// 1. Every example's events are held here to the end of the run and must serialize as they did when
// emitted, and a structured clone of each (what crosses to the thread) as the event itself.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Simulation } from '../../../src/core/engine';
import type { TraceEvent } from '../../../src/core/trace/events';
import { example } from '../engine/traceHelpers';

const examples = path.join(__dirname, '../../../examples');
const scenarios = fs
  .readdirSync(examples)
  .flatMap((d) => (fs.statSync(path.join(examples, d)).isDirectory() ? [`${d}/${d}.society`] : []))
  .filter((f) => fs.existsSync(path.join(examples, f)));

describe('events are settled once emitted', function () {
  this.timeout(60_000);

  it('finds the examples', () => assert.ok(scenarios.length >= 10, scenarios.join(', ')));

  for (const file of scenarios) {
    it(`${file}: every event serializes at the run's end as when emitted, and cloned as itself`, async () => {
      const sim = Simulation.create(await example(file), { allowModule: true });
      const held: [TraceEvent, string][] = [];
      sim.on((e) => held.push([e, JSON.stringify(e)]));
      await sim.run();
      assert.ok(held.length > 10, `${held.length} events`);
      for (const [e, then] of held) {
        assert.equal(JSON.stringify(e), then, 'changed after it was emitted');
        assert.equal(JSON.stringify(structuredClone(e)), then, 'a clone serializes otherwise');
      }
    });
  }
});
