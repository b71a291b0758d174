// An event is settled once emitted: the trace's own thread (trace/offThreadWriter.ts) clones events
// a batch after they were emitted, so an engine that changed an event (or an object it holds: a
// memory record, a stats block) after emitting it would write another trace with 2 threads than with
// 1. Every example's events are held here to the end of the run and must serialize as they did when
// emitted, and a structured clone of each (what crosses to the thread) as the event itself.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Simulation, type SimulationOptions } from '../../../src/core/engine';
import type { Scenario } from '../../../src/core/format/model/model';
import { ModelRegistry } from '../../../src/core/llm/registry';
import type { TraceEvent } from '../../../src/core/trace/events';
import { startFakeOpenAI } from '../../support/fakeOpenAI';
import { example, scenarioFromText } from '../engine/traceHelpers';

const examples = path.join(__dirname, '../../../examples');
const scenarios = fs
  .readdirSync(examples)
  .flatMap((d) => (fs.statSync(path.join(examples, d)).isDirectory() ? [`${d}/${d}.society`] : []))
  .filter((f) => fs.existsSync(path.join(examples, f)));

/** Runs `scenario` holding every event, then checks each against its JSON when emitted. */
async function settled(scenario: Scenario, opts: SimulationOptions = {}): Promise<void> {
  const sim = Simulation.create(scenario, { allowModule: true, ...opts });
  const held: [TraceEvent, string][] = [];
  sim.on((e) => held.push([e, JSON.stringify(e)]));
  await sim.run();
  assert.ok(held.length > 10, `${held.length} events`);
  for (const [e, then] of held) {
    assert.equal(JSON.stringify(e), then, 'changed after it was emitted');
    assert.equal(JSON.stringify(structuredClone(e)), then, 'a clone serializes otherwise');
  }
}

describe('events are settled once emitted', function () {
  this.timeout(60_000);

  it('with an LLM endpoint (usage, costs, coaching): as emitted, and cloned as itself', async () => {
    const server = await startFakeOpenAI();
    try {
      const scenario = await scenarioFromText(
        [
          'kind: scenario',
          'name: settled',
          'personas:',
          '  - { id: maya, name: Maya Chen, interests: [bouldering, open data] }',
          '  - { id: tom, name: Tom Nguyen, interests: [bouldering, jazz] }',
          '  - { id: ana, name: Ana Silva, interests: [jazz, open data] }',
          'world: { rounds: 3 }',
          'coaching: { enabled: true, every: 1 }',
          `models: { default: { provider: openai, model: fake-model, base_url: "${server.url}", api_key_env: SOCIETY_TEST_FAKE_KEY, price: { input: 1, output: 2 } } }`,
        ].join('\n') + '\n',
      );
      const registry = new ModelRegistry(scenario, { secrets: () => 'sk-test' });
      await settled(scenario, { modelFactory: registry.factory, calls: registry.calls });
      assert.ok(server.requests.length > 10, `${server.requests.length} model calls`);
    } finally {
      await server.close();
    }
  });

  it('finds the examples', () => assert.ok(scenarios.length >= 10, scenarios.join(', ')));

  for (const file of scenarios) {
    it(`${file}: every event serializes at the run's end as when emitted, and cloned as itself`, async () => {
      await settled(await example(file));
    });
  }
});
