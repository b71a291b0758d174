// `society run --model NAME` ("Run with Model…" in VS Code) gives every agent and the coach that
// model: a run forced onto the offline model must not call the scenario's LLM coach.
import * as assert from 'node:assert/strict';
import type { ModelConfig } from '../../../src/core/format/model/model';
import { recordingFactory } from './recordingModels';
import { Simulation } from '../../../src/core/engine/kernel/simulation';
import { makeScenario } from './scenarioFixture';

const offline = (name: string): ModelConfig => ({
  name,
  provider: 'offline',
  concurrency: 8,
  timeout_ms: 60000,
  retries: 3,
  on_error: 'skip',
});

async function deciders(model?: string): Promise<Map<string, Set<string>>> {
  const byKind = new Map<string, Set<string>>();
  const factory = recordingFactory((req, name) => {
    if (!byKind.has(req.kind)) byKind.set(req.kind, new Set());
    byKind.get(req.kind)!.add(name);
  });
  const s = makeScenario(4, {
    coaching: { enabled: true, every: 1, model: 'coach' },
    models: { default: offline('default'), coach: offline('coach'), cheap: offline('cheap') },
  });
  s.world = { ...s.world, rounds: 2 };
  const sim = Simulation.create(s, { model, modelFactory: factory });
  assert.equal((await sim.run()).status, 'completed');
  return byKind;
}

describe('a forced model (--model)', () => {
  it('answers the agents and the coach; without it the coach is coaching.model', async () => {
    const own = await deciders();
    assert.deepEqual([...own.get('advise')!], ['coach']);
    assert.deepEqual([...own.get('speak')!], ['default']);
    const forced = await deciders('cheap');
    for (const [kind, names] of forced) assert.deepEqual([...names], ['cheap'], kind);
    assert.ok(forced.has('advise'));
  });
});
