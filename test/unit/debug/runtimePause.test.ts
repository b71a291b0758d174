// SimulationRuntime's pause: a pause is a request to stop at the next step of a running
// simulation, never a note kept for later (which made the next continue stop at once).
import * as assert from 'node:assert/strict';
import { Simulation } from '../../../src/core/engine/kernel/simulation';
import { SimulationRuntime, type StopReason } from '../../../src/core/debug/runtime';
import { makeScenario } from '../engine/scenarioFixture';

/** A runtime over a small society whose stops are recorded; `next` waits for the next one. */
function harness(stopOnEntry: boolean) {
  const sim = Simulation.create(makeScenario(3), { rounds: 2 });
  const runtime = new SimulationRuntime(sim, { stopOnEntry });
  const stops: StopReason[] = [];
  let waiting: (() => void) | undefined;
  runtime.onStop((reason) => {
    stops.push(reason);
    waiting?.();
  });
  const next = (): Promise<void> =>
    new Promise((r) => {
      waiting = r;
    });
  return { sim, runtime, stops, next };
}

describe('debug runtime: pause', () => {
  it('ignores a pause while paused: the next continue runs on', async () => {
    const { runtime, stops, next } = harness(true);
    const entry = next();
    const done = runtime.start();
    await entry;
    runtime.pause();
    runtime.continue();
    assert.equal((await done).status, 'completed');
    assert.deepEqual(stops, ['entry']);
  });

  it('forgets a pause that arrives as a breakpoint stops (the client sent it before seeing the stop)', async () => {
    const { runtime, stops, next } = harness(false);
    runtime.setBreakpoints([{ round: 1 }]);
    const hit = next();
    const done = runtime.start();
    await hit;
    runtime.pause();
    runtime.setBreakpoints([]);
    runtime.continue();
    assert.equal((await done).status, 'completed');
    assert.deepEqual(stops, ['breakpoint']);
  });

  it('still pauses a running simulation at its next step', async () => {
    const { runtime, stops, next } = harness(false);
    const paused = next();
    runtime.pause();
    const done = runtime.start();
    await paused;
    assert.deepEqual(stops, ['pause']);
    runtime.continue();
    assert.equal((await done).status, 'completed');
  });
});
